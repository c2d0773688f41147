import { record, startApi, trustDocument, type EmulatorApi } from '../support/emulator-api'
import type { Signer } from '../support/signed-request'

let api: EmulatorApi
beforeEach(async () => {
  api = await startApi({ seed: 83 })
})
afterEach(async () => {
  await api.close()
})

const SYSTEM = { policyType: 'System' }

async function userWithKey(name: string, ...systemPolicies: string[]): Promise<Signer> {
  expect((await api.call('POST', '/v1/user', { body: { name } })).status).toBe(201)
  for (const policy of systemPolicies)
    expect((await api.call('PUT', `/v1/user/${name}/policy/${policy}`, { query: SYSTEM })).status).toBe(200)
  const key = record((await api.call('POST', `/v1/user/${name}/accesskey`)).body)
  return { accessKeyId: String(key.id), secretAccessKey: String(key.secret) }
}

const temporaryFrom = (body: unknown): Signer => {
  const fields = record(body)
  return {
    accessKeyId: String(fields.accessKeyId),
    secretAccessKey: String(fields.secretAccessKey),
    sessionToken: String(fields.sessionToken),
  }
}

const denied = { status: 403, body: { code: 'AccessDenied' } }

describe('authorization in the request pipeline', () => {
  it('orders errors: authentication, then routing, then authorization, then body and handler', async () => {
    const nobody = await userWithKey('nobody')
    const reader = await userWithKey('reader', 'IAMReadAccess')
    // 1. Authentication first, even for unknown paths and denied operations.
    expect(await api.call('POST', '/v1/nowhere', { as: { ...nobody, secretAccessKey: 'f'.repeat(32) } })).toMatchObject(
      { status: 400, body: { code: 'SignatureDoesNotMatch' } },
    )
    expect(
      await api.call('POST', '/v1/user', { as: { accessKeyId: 'nobody', secretAccessKey: 'x' }, body: '{oops' }),
    ).toMatchObject({ status: 403, body: { code: 'InvalidAccessKeyId' } })
    // 2. Then routing: a caller allowed nothing still learns the path, method or flag is wrong.
    expect(await api.call('GET', '/v1/nowhere', { as: nobody })).toMatchObject({
      status: 400,
      body: { code: 'InvalidURI' },
    })
    expect(await api.call('PATCH', '/v1/user/x', { as: nobody })).toMatchObject({
      status: 405,
      body: { code: 'MethodNotAllowed' },
    })
    expect(await api.call('PUT', '/v1/user/x/accesskey/k', { as: nobody })).toMatchObject({
      status: 400,
      body: { code: 'InvalidURI' },
    })
    // 3. Then authorization, before the body is parsed and before the handler looks anything up.
    expect(await api.call('POST', '/v1/user', { as: reader, body: '{oops' })).toMatchObject(denied)
    expect(await api.call('POST', '/v1/user', { as: reader, body: { name: '' } })).toMatchObject(denied)
    expect(await api.call('GET', '/v1/user/ghost', { as: nobody })).toMatchObject(denied)
    expect(await api.call('GET', '/v1/policy', { as: nobody, query: { policyType: 'Bogus' } })).toMatchObject(denied)
    // 4. Allowed: body and handler errors as before.
    const admin = await userWithKey('admin', 'IAMFullControlAccess')
    expect(await api.call('POST', '/v1/user', { as: admin, body: '{oops' })).toMatchObject({
      status: 400,
      body: { code: 'MalformedJSON' },
    })
    expect(await api.call('GET', '/v1/user/ghost', { as: reader })).toMatchObject({
      status: 404,
      body: { code: 'NotFound' },
    })
    expect(await api.call('GET', '/v1/policy', { as: reader, query: { policyType: 'Bogus' } })).toMatchObject({
      status: 400,
    })
  })

  it('a denied change never applies, and the denial is logged with code AccessDenied and no secret', async () => {
    const reader = await userWithKey('reader', 'IAMReadAccess')
    const answer = await api.call('POST', '/v1/user', { as: reader, body: { name: 'intruder' } })
    expect(answer).toMatchObject({
      status: 403,
      body: {
        code: 'AccessDenied',
        message: 'createUser needs FULL_CONTROL on bce:iam resource "*": no policy of the caller allows it',
      },
    })
    expect(record(answer.body).requestId).toEqual(expect.any(String))
    expect((await api.call('GET', '/v1/user/intruder')).status).toBe(404)
    expect(
      await api.call('DELETE', '/v1/user/reader/policy/IAMReadAccess', { as: reader, query: SYSTEM }),
    ).toMatchObject(denied)
    expect((await api.call('GET', '/v1/user', { as: reader })).status).toBe(200)
    const entry = api.emulator
      .requestLog()
      .find((e) => e.operation === 'createUser' && e.accessKeyId === reader.accessKeyId)
    expect(entry).toMatchObject({ method: 'POST', status: 403, code: 'AccessDenied' })
    expect(JSON.stringify(api.emulator.requestLog()) + answer.text).not.toContain(reader.secretAccessKey)
  })

  it('evaluates every request against the current state (detach, group removal, disable take effect on the next request)', async () => {
    const key = await userWithKey('kai')
    await api.call('POST', '/v1/group', { body: { name: 'readers' } })
    await api.call('PUT', '/v1/group/readers/policy/IAMReadAccess', { query: SYSTEM })
    expect(await api.call('GET', '/v1/group', { as: key })).toMatchObject(denied)
    await api.call('PUT', '/v1/group/readers/user/kai')
    expect((await api.call('GET', '/v1/group', { as: key })).status).toBe(200)
    await api.call('DELETE', '/v1/group/readers/policy/IAMReadAccess', { query: SYSTEM })
    expect(await api.call('GET', '/v1/group', { as: key })).toMatchObject(denied)
    await api.call('PUT', '/v1/user/kai/policy/IAMReadAccess', { query: SYSTEM })
    expect((await api.call('GET', '/v1/group', { as: key })).status).toBe(200)
    await api.call('PUT', '/v1/user/kai', { body: { enabled: false } })
    expect(await api.call('GET', '/v1/group', { as: key })).toMatchObject({
      status: 403,
      body: { code: 'InvalidAccessKeyId' },
    })
  })

  it('scopes by resource: a policy on user/<name> grants that user only', async () => {
    await api.call('POST', '/v1/user', { body: { name: 'bob' } })
    const document = JSON.stringify({
      accessControlList: [
        { service: 'bce:iam', region: 'bj', resource: ['user/bob'], permission: ['FULL_CONTROL'], effect: 'Allow' },
      ],
    })
    await api.call('POST', '/v1/policy', { body: { name: 'manage-bob', document } })
    const key = await userWithKey('mia')
    await api.call('PUT', '/v1/user/mia/policy/manage-bob')
    expect((await api.call('PUT', '/v1/user/bob', { as: key, body: { description: 'managed' } })).status).toBe(200)
    expect((await api.call('GET', '/v1/user/bob/accesskey', { as: key })).status).toBe(200)
    expect(await api.call('GET', '/v1/user/mia', { as: key })).toMatchObject(denied)
    expect(await api.call('GET', '/v1/user', { as: key })).toMatchObject(denied)
  })

  it('a user without policies gets tokens, and assumes a role whose trust names the user itself', async () => {
    const key = await userWithKey('nobody')
    const nobodyId = String(record((await api.call('GET', '/v1/user/nobody')).body).id)
    await api.call('POST', '/v1/role', {
      body: { name: 'viewer', assumeRolePolicyDocument: trustDocument(nobodyId) },
    })
    await api.call('PUT', '/v1/role/viewer/policy/IAMReadAccess', { query: SYSTEM })
    const session = await api.call('POST', '/v1/sessionToken', { as: key })
    expect(session.status).toBe(200)
    expect(await api.call('GET', '/v1/user', { as: temporaryFrom(session.body) })).toMatchObject(denied)
    const assumed = await api.call('POST', '/v1/credential', {
      as: key,
      query: { assumeRole: null, accountId: api.emulator.accountId, roleName: 'viewer' },
    })
    expect(assumed.status).toBe(200)
    const role = temporaryFrom(assumed.body)
    expect((await api.call('GET', '/v1/user', { as: role })).status).toBe(200)
    expect(await api.call('POST', '/v1/user', { as: role, body: { name: 'x' } })).toMatchObject(denied)
  })

  it('root temporary credentials act as root unless an ACL narrows them; the root key pair is never refused', async () => {
    const plain = temporaryFrom((await api.call('POST', '/v1/sessionToken')).body)
    expect((await api.call('POST', '/v1/user', { as: plain, body: { name: 'a' } })).status).toBe(201)
    const acl = {
      accessControlList: [{ service: 'bce:iam', region: '*', resource: ['*'], permission: ['READ'], effect: 'Allow' }],
    }
    const narrowed = temporaryFrom((await api.call('POST', '/v1/sessionToken', { body: acl })).body)
    expect((await api.call('GET', '/v1/user/a', { as: narrowed })).status).toBe(200)
    expect(await api.call('DELETE', '/v1/user/a', { as: narrowed })).toMatchObject(denied)
    expect((await api.call('DELETE', '/v1/user/a')).status).toBe(200)
  })
})
