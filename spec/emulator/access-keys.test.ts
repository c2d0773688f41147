import { record, startApi, type EmulatorApi } from '../support/emulator-api'
import type { Signer } from '../support/signed-request'

let api: EmulatorApi
beforeEach(async () => {
  api = await startApi({ seed: 21 })
  await api.call('POST', '/v1/user', { body: { name: 'kim' } })
})
afterEach(async () => {
  await api.close()
})

async function newKey(userName = 'kim'): Promise<Signer & { raw: Record<string, unknown> }> {
  const answer = await api.call('POST', `/v1/user/${userName}/accesskey`)
  expect(answer.status).toBe(200)
  const raw = record(answer.body)
  return { accessKeyId: String(raw.id), secretAccessKey: String(raw.secret), raw }
}

describe('access keys (K1–K5)', () => {
  it('creates a key whose secret appears only in the create answer', async () => {
    const key = await newKey()
    expect(key.raw).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      secret: expect.stringMatching(/^[0-9a-f]{32}$/),
      createTime: expect.any(String),
      enabled: true,
    })
    const listed = await api.call('GET', '/v1/user/kim/accesskey')
    expect(listed.body).toEqual({
      accessKeys: [{ id: key.accessKeyId, createTime: key.raw.createTime, enabled: true }],
    })
    const disabled = await api.call('PUT', `/v1/user/kim/accesskey/${key.accessKeyId}`, { query: { disable: null } })
    expect(disabled.body).toEqual({ id: key.accessKeyId, createTime: key.raw.createTime, enabled: false })
    const enabled = await api.call('PUT', `/v1/user/kim/accesskey/${key.accessKeyId}`, { query: { enable: null } })
    expect(record(enabled.body).enabled).toBe(true)
    for (const answer of [listed, disabled, enabled]) expect(answer.text).not.toContain(key.secretAccessKey)
    expect(JSON.stringify(api.emulator.requestLog())).not.toContain(key.secretAccessKey)
  })

  it('accepts the flag as "disable=" too, and needs exactly one of enable/disable', async () => {
    const key = await newKey()
    expect(
      (await api.call('PUT', `/v1/user/kim/accesskey/${key.accessKeyId}`, { query: { disable: '' } })).status,
    ).toBe(200)
    expect(await api.call('PUT', `/v1/user/kim/accesskey/${key.accessKeyId}`)).toMatchObject({
      status: 400,
      body: { code: 'InvalidURI' },
    })
    expect(
      await api.call('PUT', `/v1/user/kim/accesskey/${key.accessKeyId}`, { query: { enable: null, disable: null } }),
    ).toMatchObject({ status: 400, body: { code: 'InvalidURI' } })
  })

  it("answers 404 for an unknown user, an unknown key or another user's key", async () => {
    const key = await newKey()
    await api.call('POST', '/v1/user', { body: { name: 'lee' } })
    expect((await api.call('POST', '/v1/user/ghost/accesskey')).status).toBe(404)
    expect((await api.call('GET', '/v1/user/ghost/accesskey')).status).toBe(404)
    expect((await api.call('PUT', '/v1/user/kim/accesskey/nope', { query: { disable: null } })).status).toBe(404)
    expect(
      (await api.call('PUT', `/v1/user/lee/accesskey/${key.accessKeyId}`, { query: { disable: null } })).status,
    ).toBe(404)
    expect((await api.call('DELETE', `/v1/user/lee/accesskey/${key.accessKeyId}`)).status).toBe(404)
    expect((await api.call('DELETE', `/v1/user/kim/accesskey/${key.accessKeyId}`)).status).toBe(200)
    expect((await api.call('DELETE', `/v1/user/kim/accesskey/${key.accessKeyId}`)).status).toBe(404)
  })

  it('enforces accessKeysPerUser', async () => {
    expect(api.emulator.setLimits({ accessKeysPerUser: 2 }).isOk()).toBe(true)
    await newKey()
    await newKey()
    expect(await api.call('POST', '/v1/user/kim/accesskey')).toMatchObject({
      status: 409,
      body: { code: 'LimitExceeded' },
    })
  })
})

describe('key lifecycle and authentication', () => {
  it('a new key authenticates at once; disabled or deleted, it fails at once with 403 InvalidAccessKeyId', async () => {
    const key = await newKey()
    await api.call('PUT', '/v1/user/kim/policy/IAMReadAccess', { query: { policyType: 'System' } })
    expect((await api.call('GET', '/v1/user', { as: key })).status).toBe(200)
    await api.call('PUT', `/v1/user/kim/accesskey/${key.accessKeyId}`, { query: { disable: null } })
    expect(await api.call('GET', '/v1/user', { as: key })).toMatchObject({
      status: 403,
      body: { code: 'InvalidAccessKeyId' },
    })
    await api.call('PUT', `/v1/user/kim/accesskey/${key.accessKeyId}`, { query: { enable: null } })
    expect((await api.call('GET', '/v1/user', { as: key })).status).toBe(200)
    await api.call('DELETE', `/v1/user/kim/accesskey/${key.accessKeyId}`)
    expect(await api.call('GET', '/v1/user', { as: key })).toMatchObject({
      status: 403,
      body: { code: 'InvalidAccessKeyId' },
    })
  })

  it("records lastUsedTime, and a disabled user's keys stop authenticating", async () => {
    const key = await newKey()
    await api.call('GET', '/v1/user', { as: key })
    const [listed] = record((await api.call('GET', '/v1/user/kim/accesskey')).body).accessKeys as Array<
      Record<string, unknown>
    >
    expect(listed?.lastUsedTime).toEqual(expect.stringMatching(/Z$/))
    await api.call('PUT', '/v1/user/kim', { body: { enabled: false } })
    expect(await api.call('GET', '/v1/user', { as: key })).toMatchObject({
      status: 403,
      body: { code: 'InvalidAccessKeyId' },
    })
  })

  it('a wrong secret for a real key is SignatureDoesNotMatch', async () => {
    const key = await newKey()
    expect(await api.call('GET', '/v1/user', { as: { ...key, secretAccessKey: 'f'.repeat(32) } })).toMatchObject({
      status: 400,
      body: { code: 'SignatureDoesNotMatch' },
    })
  })
})
