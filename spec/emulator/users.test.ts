import { record, startApi, type EmulatorApi } from '../support/emulator-api'

let api: EmulatorApi
beforeEach(async () => {
  api = await startApi({ seed: 11 })
})
afterEach(async () => {
  await api.close()
})

describe('users (U1–U5)', () => {
  it('creates (201), reads, updates, renames, lists and deletes', async () => {
    const created = await api.call('POST', '/v1/user', { body: { name: 'alice', description: 'ops' } })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'alice',
      description: 'ops',
      enabled: true,
      createTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    })
    const got = await api.call('GET', '/v1/user/alice')
    expect(got.body).toEqual(created.body)
    expect(record(got.body)).not.toHaveProperty('lastLoginTime')
    const updated = await api.call('PUT', '/v1/user/alice', { body: { enabled: false } })
    expect(record(updated.body)).toMatchObject({ description: 'ops', enabled: false })
    const renamed = await api.call('PUT', '/v1/user/alice', { body: { name: 'alicia' } })
    expect(record(renamed.body)).toMatchObject({ id: record(created.body).id, name: 'alicia' })
    expect((await api.call('GET', '/v1/user/alice')).status).toBe(404)
    expect((await api.call('GET', '/v1/user')).body).toEqual({ users: [renamed.body] })
    expect(await api.call('DELETE', '/v1/user/alicia')).toMatchObject({ status: 200, text: '' })
    expect((await api.call('GET', '/v1/user')).body).toEqual({ users: [] })
  })

  it('omits an empty description and treats names case-sensitively', async () => {
    expect(record((await api.call('POST', '/v1/user', { body: { name: 'Bob' } })).body)).not.toHaveProperty(
      'description',
    )
    expect((await api.call('POST', '/v1/user', { body: { name: 'bob' } })).status).toBe(201)
    expect((await api.call('POST', '/v1/user', { body: { name: 'bob' } })).body).toMatchObject({
      code: 'EntityAlreadyExists',
    })
  })

  it('answers body problems with InappropriateJSON and non-JSON with MalformedJSON, ignoring unknown fields', async () => {
    expect((await api.call('POST', '/v1/user', { body: {} })).body).toMatchObject({ code: 'InappropriateJSON' })
    expect((await api.call('POST', '/v1/user', { body: { name: 7 } })).body).toMatchObject({
      code: 'InappropriateJSON',
    })
    expect((await api.call('POST', '/v1/user', { body: { name: 'x'.repeat(256) } })).body).toMatchObject({
      code: 'InappropriateJSON',
    })
    expect((await api.call('POST', '/v1/user', { body: '{"name":' })).body).toMatchObject({ code: 'MalformedJSON' })
    expect((await api.call('POST', '/v1/user', { body: { name: 'ok', surprise: [1] } })).status).toBe(201)
  })

  it('enforces usersPerAccount', async () => {
    await api.close()
    api = await startApi({ limits: { usersPerAccount: 2 } })
    await api.call('POST', '/v1/user', { body: { name: 'a' } })
    await api.call('POST', '/v1/user', { body: { name: 'b' } })
    expect(await api.call('POST', '/v1/user', { body: { name: 'c' } })).toMatchObject({
      status: 409,
      body: { code: 'LimitExceeded' },
    })
  })
})

describe('login profile (U6–U8)', () => {
  beforeEach(async () => {
    await api.call('POST', '/v1/user', { body: { name: 'carol' } })
  })

  it('creates, merges (omitted fields kept), reads with passwordExpireDate, never returns the password, deletes', async () => {
    expect((await api.call('GET', '/v1/user/carol/loginProfile')).status).toBe(404)
    const created = await api.call('PUT', '/v1/user/carol/loginProfile', {
      body: { password: 'S3cret-pass', enabledLoginMfa: true, loginMfaType: 'TOTP' },
    })
    expect(created.status).toBe(200)
    expect(created.body).toEqual({
      needResetPassword: false,
      enabledLogin: true,
      enabledLoginMfa: true,
      loginMfaType: 'TOTP',
    })
    const merged = await api.call('PUT', '/v1/user/carol/loginProfile', {
      body: { needResetPassword: true, thirdPartyType: 'PASSPORT', thirdPartyAccount: 'c@example.com' },
    })
    expect(merged.body).toEqual({
      needResetPassword: true,
      enabledLogin: true,
      enabledLoginMfa: true,
      loginMfaType: 'TOTP',
      thirdPartyType: 'PASSPORT',
      thirdPartyAccount: 'c@example.com',
    })
    const got = await api.call('GET', '/v1/user/carol/loginProfile')
    const expiry = Date.parse(String(record(got.body).passwordExpireDate))
    expect(expiry - Date.now()).toBeGreaterThan(89 * 86_400_000)
    expect(expiry - Date.now()).toBeLessThan(91 * 86_400_000)
    expect(got.text).not.toContain('S3cret-pass')
    const unbound = await api.call('PUT', '/v1/user/carol/loginProfile', {
      body: { thirdPartyType: '', thirdPartyAccount: '' },
    })
    expect(record(unbound.body)).not.toHaveProperty('thirdPartyType')
    expect(await api.call('DELETE', '/v1/user/carol/loginProfile')).toMatchObject({ status: 200, text: '' })
    expect((await api.call('DELETE', '/v1/user/carol/loginProfile')).status).toBe(404)
    expect(JSON.stringify(api.emulator.requestLog())).not.toContain('S3cret-pass')
  })

  it('has no passwordExpireDate without a password, and rejects bad fields', async () => {
    await api.call('PUT', '/v1/user/carol/loginProfile', { body: { enabledLogin: false } })
    expect(record((await api.call('GET', '/v1/user/carol/loginProfile')).body)).not.toHaveProperty('passwordExpireDate')
    for (const body of [
      { password: 'short' },
      { password: 'x'.repeat(65) },
      { loginMfaType: 'SMS' },
      { thirdPartyType: 'OTHER' },
      { enabledLogin: 'yes' },
    ]) {
      expect((await api.call('PUT', '/v1/user/carol/loginProfile', { body })).body).toMatchObject({
        code: 'InappropriateJSON',
      })
    }
    expect((await api.call('PUT', '/v1/user/ghost/loginProfile', { body: {} })).status).toBe(404)
  })
})

describe('MFA and sub-user switches (U9–U11)', () => {
  beforeEach(async () => {
    await api.call('POST', '/v1/user', { body: { name: 'dave' } })
  })

  it('switches operation MFA on and off', async () => {
    expect(
      await api.call('POST', '/v1/user/operation/mfa/switch', {
        body: { userName: 'dave', enabledMfa: true, mfaType: 'PHONE,TOTP' },
      }),
    ).toMatchObject({ status: 200, text: '' })
    expect(
      (await api.call('POST', '/v1/user/operation/mfa/switch', { body: { userName: 'dave', enabledMfa: false } }))
        .status,
    ).toBe(200)
    expect(
      (await api.call('POST', '/v1/user/operation/mfa/switch', { body: { userName: 'ghost', enabledMfa: true } }))
        .status,
    ).toBe(404)
    expect(
      (await api.call('POST', '/v1/user/operation/mfa/switch', { body: { userName: 'dave' } })).body,
    ).toMatchObject({ code: 'InappropriateJSON' })
    expect(
      (await api.call('POST', '/v1/user/operation/mfa/switch', { body: { enabledMfa: true } })).body,
    ).toMatchObject({ code: 'InvalidParameter' }) // the root account must name the sub-user
    expect(
      (
        await api.call('POST', '/v1/user/operation/mfa/switch', {
          body: { userName: 'dave', enabledMfa: true, mfaType: 'SMS' },
        })
      ).body,
    ).toMatchObject({ code: 'InappropriateJSON' })
  })

  it('unbinds an MFA device of a known kind', async () => {
    expect((await api.call('DELETE', '/v1/user/dave/mfaType/TOTP')).status).toBe(200)
    expect(await api.call('DELETE', '/v1/user/dave/mfaType/SMS')).toMatchObject({
      status: 400,
      body: { code: 'InappropriateJSON' },
    })
    expect((await api.call('DELETE', '/v1/user/ghost/mfaType/PHONE')).status).toBe(404)
  })

  it('updateSubUser disables the user and sets the console password', async () => {
    const answer = await api.call('PUT', '/v1/subUser/dave/update', {
      body: { enable: false, password: 'another-pass', provider: 'x' },
    })
    expect(answer.status).toBe(200)
    expect(record(answer.body)).toMatchObject({ name: 'dave', enabled: false })
    expect(answer.text).not.toContain('another-pass')
    expect(record((await api.call('GET', '/v1/user/dave/loginProfile')).body)).toHaveProperty('passwordExpireDate')
    expect((await api.call('PUT', '/v1/subUser/dave/update', { body: { password: 'short' } })).body).toMatchObject({
      code: 'InappropriateJSON',
    })
    expect((await api.call('PUT', '/v1/subUser/ghost/update', { body: {} })).status).toBe(404)
  })

  it('tells the IdP path apart from a sub-user named "idp"', async () => {
    await api.call('POST', '/v1/user', { body: { name: 'idp' } })
    expect(record((await api.call('PUT', '/v1/subUser/idp/update', { body: { enable: false } })).body)).toMatchObject({
      name: 'idp',
      enabled: false,
    })
    expect(
      record((await api.call('POST', '/v1/subUser/idp/update', { body: { fileName: 'm.xml' } })).body),
    ).toMatchObject({ fileName: 'm.xml' })
  })
})

describe('deleteUser never cascades', () => {
  beforeEach(async () => {
    await api.call('POST', '/v1/user', { body: { name: 'erin' } })
  })

  it.each([
    [
      'access keys',
      async () => {
        await api.call('POST', '/v1/user/erin/accesskey')
      },
    ],
    [
      'group memberships',
      async () => {
        await api.call('POST', '/v1/group', { body: { name: 'g' } })
        await api.call('PUT', '/v1/group/g/user/erin')
      },
    ],
    [
      'attached policies',
      async () => {
        await api.call('PUT', '/v1/user/erin/policy/ReadOnlyAccess', { query: { policyType: 'System' } })
      },
    ],
    [
      'a login profile',
      async () => {
        await api.call('PUT', '/v1/user/erin/loginProfile', { body: { enabledLogin: true } })
      },
    ],
  ])('refuses while the user has %s (409 DeleteConflict)', async (what, arrange) => {
    await arrange()
    const answer = await api.call('DELETE', '/v1/user/erin')
    expect(answer).toMatchObject({ status: 409, body: { code: 'DeleteConflict' } })
    expect(String(record(answer.body).message)).toContain(what)
    expect((await api.call('GET', '/v1/user/erin')).status).toBe(200)
  })
})
