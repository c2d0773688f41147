import { aclDocument, record, startApi, trustDocument, type EmulatorApi } from '../support/emulator-api'
import type { Signer } from '../support/signed-request'

let api: EmulatorApi
beforeEach(async () => {
  api = await startApi({ seed: 61 })
})
afterEach(async () => {
  await api.close()
})

const asSigner = (body: unknown): Signer => {
  const fields = record(body)
  return {
    accessKeyId: String(fields.accessKeyId),
    secretAccessKey: String(fields.secretAccessKey),
    sessionToken: String(fields.sessionToken),
  }
}

const HOUR = 3_600_000

describe('getSessionToken (S1)', () => {
  it('issues credentials (default 12 h) that authenticate only with a signed, matching token', async () => {
    const answer = await api.call('POST', '/v1/sessionToken')
    expect(answer.status).toBe(200)
    const body = record(answer.body)
    expect(body).toEqual({
      accessKeyId: expect.stringMatching(/^[0-9a-f]{32}$/),
      secretAccessKey: expect.any(String),
      sessionToken: expect.any(String),
      createTime: expect.any(String),
      expiration: expect.any(String),
      userId: api.emulator.accountId,
    })
    expect(Date.parse(String(body.expiration)) - Date.parse(String(body.createTime))).toBe(12 * HOUR)
    const temporary = asSigner(answer.body)
    expect((await api.call('GET', '/v1/user', { as: temporary })).status).toBe(200)
    expect(await api.call('GET', '/v1/user', { as: temporary, tokenUnsigned: true })).toMatchObject({
      status: 400,
      body: { code: 'InvalidSessionToken' },
    })
    const { sessionToken: _dropped, ...withoutToken } = temporary
    expect(await api.call('GET', '/v1/user', { as: withoutToken })).toMatchObject({
      status: 400,
      body: { code: 'InvalidSessionToken' },
    })
    expect(await api.call('GET', '/v1/user', { as: { ...temporary, sessionToken: 'forged' } })).toMatchObject({
      status: 400,
      body: { code: 'InvalidSessionToken' },
    })
    expect(await api.call('GET', '/v1/user', { as: temporary, unsigned: true })).toMatchObject({
      status: 400,
      body: { code: 'InvalidHTTPAuthHeader' },
    })
  })

  it('expires on the emulator clock (400 InvalidSessionToken, as the official JS SDK test expects)', async () => {
    const temporary = asSigner((await api.call('POST', '/v1/sessionToken', { query: { durationSeconds: '60' } })).body)
    api.moveClock(59_000)
    expect((await api.call('GET', '/v1/user', { as: temporary })).status).toBe(200)
    api.moveClock(62_000)
    expect(await api.call('GET', '/v1/user', { as: temporary })).toMatchObject({
      status: 400,
      body: { code: 'InvalidSessionToken', message: expect.stringContaining('expired') },
    })
  })

  it('validates durationSeconds (1..129600) and the ACL body, and acts for a sub-user', async () => {
    for (const durationSeconds of ['0', '129601', '1.5', 'x', '-1']) {
      expect(await api.call('POST', '/v1/sessionToken', { query: { durationSeconds } })).toMatchObject({
        status: 400,
        body: { code: 'InvalidParameter' },
      })
    }
    expect((await api.call('POST', '/v1/sessionToken', { query: { durationSeconds: '129600' } })).status).toBe(200)
    expect((await api.call('POST', '/v1/sessionToken', { body: JSON.parse(aclDocument('bce:bos')) })).status).toBe(200)
    expect(await api.call('POST', '/v1/sessionToken', { body: { accessControlList: 'all' } })).toMatchObject({
      status: 400,
      body: { code: 'InappropriateJSON' },
    })
    expect(await api.call('POST', '/v1/sessionToken', { body: '{oops' })).toMatchObject({
      status: 400,
      body: { code: 'MalformedJSON' },
    })

    await api.call('POST', '/v1/user', { body: { name: 'sam' } })
    await api.call('PUT', '/v1/user/sam/policy/IAMReadAccess', { query: { policyType: 'System' } })
    const key = record((await api.call('POST', '/v1/user/sam/accesskey')).body)
    const samKey = { accessKeyId: String(key.id), secretAccessKey: String(key.secret) }
    const forSam = await api.call('POST', '/v1/sessionToken', { as: samKey })
    const samUser = record((await api.call('GET', '/v1/user/sam')).body)
    expect(record(forSam.body).userId).toBe(samUser.id)
    const temporary = asSigner(forSam.body)
    expect((await api.call('GET', '/v1/user', { as: temporary })).status).toBe(200)
    expect(await api.call('POST', '/v1/sessionToken', { as: temporary })).toMatchObject({
      status: 403,
      body: { code: 'AccessDenied' },
    })
  })
})

describe('assumeRole (S2)', () => {
  const assume = (query: Record<string, string | null>, as?: Signer) =>
    api.call('POST', '/v1/credential', { query: { assumeRole: null, ...query }, ...(as === undefined ? {} : { as }) })

  it('issues role credentials (default 2 h as in the official Go SDK) with roleId when the trust document allows this account', async () => {
    const role = record(
      (
        await api.call('POST', '/v1/role', {
          body: { name: 'ops', assumeRolePolicyDocument: trustDocument(api.emulator.accountId) },
        })
      ).body,
    )
    await api.call('PUT', '/v1/role/ops/policy/IAMReadAccess', { query: { policyType: 'System' } })
    const answer = await assume({ accountId: api.emulator.accountId, roleName: 'ops' })
    expect(answer.status).toBe(200)
    const body = record(answer.body)
    expect(body).toMatchObject({
      roleId: role.id,
      userId: api.emulator.accountId,
      accessKeyId: expect.stringMatching(/^[0-9a-f]{32}$/),
    })
    expect(Date.parse(String(body.expiration)) - Date.parse(String(body.createTime))).toBe(2 * HOUR)
    const temporary = asSigner(answer.body)
    expect((await api.call('GET', '/v1/role/ops', { as: temporary })).status).toBe(200)
    api.moveClock(2 * HOUR + 1000)
    expect(await api.call('GET', '/v1/role/ops', { as: temporary })).toMatchObject({
      status: 400,
      body: { code: 'InvalidSessionToken', message: expect.stringContaining('expired') },
    })
    api.moveClock(0)
    const renewed = asSigner(
      (await assume({ accountId: api.emulator.accountId, roleName: 'ops', durationSeconds: '7200', userId: 'u-1' }))
        .body,
    )
    await api.call('DELETE', '/v1/role/ops/policy/IAMReadAccess', { query: { policyType: 'System' } })
    expect((await api.call('DELETE', '/v1/role/ops')).status).toBe(200)
    expect(await api.call('GET', '/v1/user', { as: renewed })).toMatchObject({
      status: 403,
      body: { code: 'InvalidAccessKeyId' },
    })
  })

  it('accepts a wildcard grantee or permission', async () => {
    await api.call('POST', '/v1/role', { body: { name: 'any', assumeRolePolicyDocument: trustDocument('*') } })
    await api.call('POST', '/v1/role', {
      body: { name: 'star', assumeRolePolicyDocument: trustDocument(api.emulator.accountId, 'Allow', ['*']) },
    })
    expect((await assume({ accountId: api.emulator.accountId, roleName: 'any' })).status).toBe(200)
    expect((await assume({ accountId: api.emulator.accountId, roleName: 'star' })).status).toBe(200)
  })

  it('refuses: other account 403, unknown role 404, untrusted 403, Deny wins 403, bad parameters 400', async () => {
    const accountId = api.emulator.accountId
    await api.call('POST', '/v1/role', {
      body: { name: 'other', assumeRolePolicyDocument: trustDocument('f'.repeat(32)) },
    })
    await api.call('POST', '/v1/role', {
      body: { name: 'read', assumeRolePolicyDocument: trustDocument(accountId, 'Allow', ['READ']) },
    })
    const both = JSON.stringify({
      accessControlList: [
        ...JSON.parse(trustDocument('*')).accessControlList,
        ...JSON.parse(trustDocument(accountId, 'Deny')).accessControlList,
      ],
    })
    await api.call('POST', '/v1/role', { body: { name: 'denied', assumeRolePolicyDocument: both } })
    expect(await assume({ accountId: '0'.repeat(32), roleName: 'other' })).toMatchObject({
      status: 403,
      body: { code: 'AccessDenied' },
    })
    expect(await assume({ accountId, roleName: 'ghost' })).toMatchObject({ status: 404, body: { code: 'NotFound' } })
    for (const roleName of ['other', 'read', 'denied'])
      expect(await assume({ accountId, roleName })).toMatchObject({ status: 403, body: { code: 'AccessDenied' } })
    expect(await assume({ roleName: 'other' })).toMatchObject({ status: 400, body: { code: 'InvalidParameter' } })
    expect(await assume({ accountId })).toMatchObject({ status: 400, body: { code: 'InvalidParameter' } })
    expect(await assume({ accountId, roleName: 'other', durationSeconds: '7201' })).toMatchObject({
      status: 400,
      body: { code: 'InvalidParameter' },
    })
    expect(await api.call('POST', '/v1/credential', { query: { accountId, roleName: 'other' } })).toMatchObject({
      status: 400,
      body: { code: 'InvalidURI' },
    })
  })
})
