import { record, startApi, type EmulatorApi } from '../support/emulator-api'
import type { Signer } from '../support/signed-request'

let api: EmulatorApi
beforeEach(async () => {
  api = await startApi({ seed: 71 })
})
afterEach(async () => {
  await api.close()
})

async function subUserKey(name: string): Promise<Signer> {
  await api.call('POST', '/v1/user', { body: { name } })
  const key = record((await api.call('POST', `/v1/user/${name}/accesskey`)).body)
  return { accessKeyId: String(key.id), secretAccessKey: String(key.secret) }
}

describe('admin API (/__emulator/)', () => {
  it('is for the root key pair only: sub-users and temporary credentials get 403, unsigned requests auth errors', async () => {
    const key = await subUserKey('amy')
    const session = record((await api.call('POST', '/v1/sessionToken')).body)
    const temporary = {
      accessKeyId: String(session.accessKeyId),
      secretAccessKey: String(session.secretAccessKey),
      sessionToken: String(session.sessionToken),
    }
    expect(await api.call('GET', '/__emulator/clock', { as: key })).toMatchObject({
      status: 403,
      body: { code: 'AccessDenied' },
    })
    expect(await api.call('GET', '/__emulator/clock', { as: temporary })).toMatchObject({
      status: 403,
      body: { code: 'AccessDenied' },
    })
    expect(await api.call('POST', '/__emulator/reset', { unsigned: true })).toMatchObject({
      status: 400,
      body: { code: 'InvalidHTTPAuthHeader' },
    })
    expect(
      await api.call('POST', '/__emulator/reset', { as: { accessKeyId: 'nobody', secretAccessKey: 'x' } }),
    ).toMatchObject({ status: 403, body: { code: 'InvalidAccessKeyId' } })
    expect((await api.call('GET', '/v1/user')).status).toBe(200)
    expect((await api.call('GET', '/__emulator/nothing')).status).toBe(400)
    expect((await api.call('PATCH', '/__emulator/clock')).status).toBe(405)
  })

  it('reset wipes everything but root credentials and account id, and reseeds ids', async () => {
    await api.call('POST', '/v1/user', { body: { name: 'u' } })
    const firstId = record((await api.call('POST', '/v1/group', { body: { name: 'g' } })).body).id
    expect((await api.call('POST', '/__emulator/reset', { body: { seed: 5 } })).status).toBe(200)
    expect(api.emulator.requestLog()).toEqual([])
    expect((await api.call('GET', '/v1/user')).body).toEqual({ users: [] })
    expect((await api.call('GET', '/v1/group')).body).toEqual({ groups: [] })
    const a = record((await api.call('POST', '/v1/user', { body: { name: 'u' } })).body).id
    await api.call('POST', '/__emulator/reset', { body: { seed: 5 } })
    expect(record((await api.call('POST', '/v1/user', { body: { name: 'u' } })).body).id).toBe(a)
    await api.call('POST', '/__emulator/reset')
    await api.call('POST', '/v1/user', { body: { name: 'u' } })
    expect(record((await api.call('POST', '/v1/group', { body: { name: 'g' } })).body).id).toBe(firstId)
    expect(await api.call('POST', '/__emulator/reset', { body: { seed: 'x' } })).toMatchObject({
      status: 400,
      body: { code: 'InappropriateJSON' },
    })
    expect(await api.call('POST', '/__emulator/reset', { body: '{' })).toMatchObject({
      status: 400,
      body: { code: 'MalformedJSON' },
    })
  })

  it('seed makes ids deterministic from now on', async () => {
    await api.call('POST', '/__emulator/seed', { body: { seed: 9 } })
    const first = record((await api.call('POST', '/v1/user', { body: { name: 'x' } })).body).id
    await api.call('POST', '/__emulator/seed', { body: { seed: 9 } })
    await api.call('DELETE', '/v1/user/x')
    expect(record((await api.call('POST', '/v1/user', { body: { name: 'x' } })).body).id).toBe(first)
    expect(await api.call('POST', '/__emulator/seed', { body: {} })).toMatchObject({
      status: 400,
      body: { code: 'InappropriateJSON' },
    })
    expect(await api.call('POST', '/__emulator/seed', { body: { seed: -1 } })).toMatchObject({ status: 400 })
  })

  it('reads and moves the clock', async () => {
    const before = record((await api.call('GET', '/__emulator/clock')).body)
    expect(before.offsetMs).toBe(0)
    expect(Math.abs(Date.parse(String(before.now)) - Date.now())).toBeLessThan(5000)
    const moved = await api.call('PUT', '/__emulator/clock', { body: { offsetMs: 60_000 } })
    expect(record(moved.body).offsetMs).toBe(60_000)
    expect(await api.call('PUT', '/__emulator/clock', { body: { offsetMs: 'soon' } })).toMatchObject({
      status: 400,
      body: { code: 'InappropriateJSON' },
    })
    expect(await api.call('PUT', '/__emulator/clock', { body: { offsetMs: 1e15 } })).toMatchObject({ status: 400 })
  })

  it("answers carry the emulator clock's time in Date, and it follows the clock when moved", async () => {
    const dateOf = async (): Promise<number> => Date.parse(String((await api.call('GET', '/v1/user')).headers.date))
    const before = await dateOf()
    expect(Math.abs(before - Date.now())).toBeLessThan(5000)
    api.moveClock(3_600_000)
    expect(Math.abs((await dateOf()) - before - 3_600_000)).toBeLessThan(5000)
  })

  it('reads and changes limits; unknown or bad limits are 400', async () => {
    expect((await api.call('GET', '/__emulator/limits')).body).toEqual({
      usersPerAccount: 500,
      groupsPerAccount: 50,
      usersPerGroup: 20,
      policiesPerGroup: 5,
      accessKeysPerUser: 20,
      apiKeysPerUser: 200,
      sessionsPerPrincipal: 100,
      sessionsPerAccount: 500,
    })
    expect(record((await api.call('PUT', '/__emulator/limits', { body: { usersPerAccount: 1 } })).body)).toMatchObject({
      usersPerAccount: 1,
      groupsPerAccount: 50,
    })
    await api.call('POST', '/v1/user', { body: { name: 'one' } })
    expect((await api.call('POST', '/v1/user', { body: { name: 'two' } })).status).toBe(409)
    expect(await api.call('PUT', '/__emulator/limits', { body: { rolesPerAccount: 1 } })).toMatchObject({ status: 400 })
    expect(await api.call('PUT', '/__emulator/limits', { body: { usersPerGroup: -1 } })).toMatchObject({ status: 400 })
    await api.call('POST', '/__emulator/reset')
    expect(api.emulator.limits().usersPerAccount).toBe(500)
  })
})

describe('request log', () => {
  it('records API requests (not admin ones) with operation, status, code and key id, but no secrets', async () => {
    const key = await subUserKey('bea')
    await api.call('GET', '/v1/user/ghost')
    await api.call('PUT', `/v1/user/bea/accesskey/${key.accessKeyId}`, { query: { disable: null } })
    await api.call('GET', '/v1/user', { as: key })
    await api.call('GET', '/__emulator/clock')
    await api.call('GET', '/v1/nowhere')
    const session = record((await api.call('POST', '/v1/sessionToken')).body)
    await api.call('PUT', '/v1/user/bea/loginProfile', { body: { password: 'Pa55word-secret' } })
    const fromHttp = record((await api.call('GET', '/__emulator/requests')).body).requests
    const log = api.emulator.requestLog()
    expect(fromHttp).toEqual(log)
    expect(log.map((entry) => [entry.method, entry.operation, entry.status, entry.code])).toEqual([
      ['POST', 'createUser', 201, undefined],
      ['POST', 'createAccessKey', 200, undefined],
      ['GET', 'getUser', 404, 'NotFound'],
      ['PUT', 'disableAccessKey', 200, undefined],
      ['GET', 'listUsers', 403, 'InvalidAccessKeyId'],
      ['GET', undefined, 400, 'InvalidURI'],
      ['POST', 'getSessionToken', 200, undefined],
      ['PUT', 'updateLoginProfile', 200, undefined],
    ])
    expect(log[3]).toMatchObject({
      path: `/v1/user/bea/accesskey/${key.accessKeyId}`,
      query: 'disable',
      accessKeyId: api.root.accessKeyId,
    })
    expect(log[4]?.accessKeyId).toBe(key.accessKeyId)
    expect(log[0]).toMatchObject({
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      time: expect.stringMatching(/^\d{4}-.*Z$/),
    })
    const text = JSON.stringify(log)
    for (const secret of [
      key.secretAccessKey,
      api.root.secretAccessKey,
      String(session.secretAccessKey),
      String(session.sessionToken),
      'Pa55word-secret',
      'bce-auth-v1',
    ]) {
      expect(text).not.toContain(secret)
    }
    expect((await api.call('DELETE', '/__emulator/requests')).status).toBe(200)
    expect(api.emulator.requestLog()).toEqual([])
  })

  it("keeps the raw (encoded) path and matches the answer's request id", async () => {
    const answer = await api.call('GET', '/v1/user/名 字')
    const [entry] = api.emulator.requestLog()
    expect(entry).toMatchObject({
      path: '/v1/user/%E5%90%8D%20%E5%AD%97',
      operation: 'getUser',
      requestId: answer.headers['x-bce-request-id'],
    })
  })
})

describe('in-process controls', () => {
  it('expose accountId, reset, reseed, limits and clock without throwing', async () => {
    expect(api.emulator.accountId).toMatch(/^[0-9a-f]{32}$/)
    const again = await startApi({ seed: 71 })
    expect(again.emulator.accountId).toBe(api.emulator.accountId)
    await again.close()
    const random = await startApi()
    expect(random.emulator.accountId).not.toBe(api.emulator.accountId)
    await random.close()
    await api.call('POST', '/v1/user', { body: { name: 'z' } })
    expect(api.emulator.reset({ seed: 3 }).isOk()).toBe(true)
    expect((await api.call('GET', '/v1/user')).body).toEqual({ users: [] })
    expect(api.emulator.reset({ seed: -2 })._unsafeUnwrapErr()).toMatchObject({ reason: 'InvalidInput' })
    expect(api.emulator.reseed(1.5)._unsafeUnwrapErr()).toMatchObject({ reason: 'InvalidInput' })
    expect(api.emulator.setClockOffset(Number.NaN)._unsafeUnwrapErr()).toMatchObject({
      reason: 'InvalidInput',
      operation: 'setClockOffset',
    })
    expect(api.emulator.setLimits({ usersPerAccount: -1 })._unsafeUnwrapErr()).toMatchObject({ reason: 'InvalidInput' })
    expect(api.emulator.setLimits({ usersPerAccount: 3 })._unsafeUnwrap().usersPerAccount).toBe(3)
    api.emulator.clearRequestLog()
    expect(api.emulator.requestLog()).toEqual([])
  })
})
