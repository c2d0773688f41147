import { namesIn, record, startApi, trustDocument, type EmulatorApi } from '../support/emulator-api'

let api: EmulatorApi
beforeEach(async () => {
  api = await startApi({ seed: 51 })
})
afterEach(async () => {
  await api.close()
})

describe('roles (R1–R5)', () => {
  it('creates (201) with a normalised trust document, reads, updates, renames, lists, deletes', async () => {
    const created = await api.call('POST', '/v1/role', {
      body: { name: 'deployer', description: 'ci', assumeRolePolicyDocument: trustDocument(api.emulator.accountId) },
    })
    expect(created.status).toBe(201)
    const role = record(created.body)
    expect(role).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'deployer',
      description: 'ci',
      createTime: expect.any(String),
    })
    const trust = String(role.assumeRolePolicyDocument)
    expect(trust.startsWith('{"id":"sts role acl",')).toBe(true)
    expect(JSON.parse(trust)).toEqual({
      id: 'sts role acl',
      version: 'v1',
      accessControlList: [
        {
          eid: 'role acl entry',
          service: 'bce:iam',
          region: '*',
          permission: ['AssumeRole'],
          effect: 'Allow',
          grantee: [{ id: api.emulator.accountId }],
          resource: [`role/${String(role.id)}`],
        },
      ],
    })
    expect((await api.call('GET', '/v1/role/deployer')).body).toEqual(created.body)
    const updated = record(
      (
        await api.call('PUT', '/v1/role/deployer', {
          body: { description: 'cd', assumeRolePolicyDocument: trustDocument('*') },
        })
      ).body,
    )
    expect(updated).toMatchObject({ id: role.id, description: 'cd' })
    expect(JSON.parse(String(updated.assumeRolePolicyDocument)).accessControlList[0]).toMatchObject({
      grantee: [{ id: '*' }],
      resource: [`role/${String(role.id)}`],
    })
    expect(record((await api.call('PUT', '/v1/role/deployer', { body: { name: 'shipper' } })).body)).toMatchObject({
      name: 'shipper',
      description: 'cd',
    })
    expect(namesIn((await api.call('GET', '/v1/role')).body, 'roles')).toEqual(['shipper'])
    expect((await api.call('DELETE', '/v1/role/shipper')).status).toBe(200)
    expect((await api.call('GET', '/v1/role/shipper')).status).toBe(404)
  })

  it('validates the trust document, names and uniqueness', async () => {
    expect((await api.call('POST', '/v1/role', { body: { name: 'r' } })).body).toMatchObject({
      code: 'InappropriateJSON',
    })
    expect(
      (await api.call('POST', '/v1/role', { body: { name: 'r', assumeRolePolicyDocument: '{' } })).body,
    ).toMatchObject({ code: 'MalformedJSON' })
    expect(
      (
        await api.call('POST', '/v1/role', {
          body: { name: 'r', assumeRolePolicyDocument: '{"accessControlList":[{"service":"bce:iam"}]}' },
        })
      ).body,
    ).toMatchObject({ code: 'InappropriateJSON' })
    expect(
      (await api.call('POST', '/v1/role', { body: { name: 'r', assumeRolePolicyDocument: trustDocument('*') } }))
        .status,
    ).toBe(201)
    expect(
      await api.call('POST', '/v1/role', { body: { name: 'r', assumeRolePolicyDocument: trustDocument('*') } }),
    ).toMatchObject({ status: 409, body: { code: 'EntityAlreadyExists' } })
    await api.call('POST', '/v1/role', { body: { name: 's', assumeRolePolicyDocument: trustDocument('*') } })
    expect(await api.call('PUT', '/v1/role/s', { body: { name: 'r' } })).toMatchObject({ status: 409 })
    expect((await api.call('PUT', '/v1/role/s', { body: { assumeRolePolicyDocument: 'nope' } })).body).toMatchObject({
      code: 'MalformedJSON',
    })
  })

  it('refuses to delete a role with attached policies', async () => {
    await api.call('POST', '/v1/role', { body: { name: 'r', assumeRolePolicyDocument: trustDocument('*') } })
    await api.call('PUT', '/v1/role/r/policy/ReadOnlyAccess', { query: { policyType: 'System' } })
    expect(await api.call('DELETE', '/v1/role/r')).toMatchObject({ status: 409, body: { code: 'DeleteConflict' } })
  })
})

describe('IAM-user SSO (I1–I4)', () => {
  it('starts disabled, switches status, updates fields, and deletes back to the default', async () => {
    const initial = record((await api.call('GET', '/v1/subUser/idp/query')).body)
    expect(initial).toMatchObject({ status: 'disable', createTime: expect.any(String), updateTime: expect.any(String) })
    expect(
      record((await api.call('POST', '/v1/subUser/idp/updateStatus', { query: { status: 'enable' } })).body),
    ).toMatchObject({ status: 'enable' })
    expect(await api.call('POST', '/v1/subUser/idp/updateStatus', { query: { status: 'on' } })).toMatchObject({
      status: 400,
      body: { code: 'InvalidParameter' },
    })
    expect(await api.call('POST', '/v1/subUser/idp/updateStatus')).toMatchObject({ status: 400 })
    const updated = record(
      (
        await api.call('POST', '/v1/subUser/idp/update', {
          body: { fileName: 'idp.xml', encodeMetadata: 'PEVudGl0eT4=', auxiliaryDomain: 'corp.example' },
        })
      ).body,
    )
    expect(updated).toMatchObject({
      status: 'enable',
      fileName: 'idp.xml',
      encodeMetadata: 'PEVudGl0eT4=',
      auxiliaryDomain: 'corp.example',
    })
    expect(
      record((await api.call('POST', '/v1/subUser/idp/update', { body: { fileName: 'v2.xml' } })).body),
    ).toMatchObject({ fileName: 'v2.xml', auxiliaryDomain: 'corp.example' })
    expect((await api.call('POST', '/v1/subUser/idp/update', { body: { fileName: 1 } })).body).toMatchObject({
      code: 'InappropriateJSON',
    })
    expect(await api.call('POST', '/v1/subUser/idp/delete')).toMatchObject({ status: 200, text: '' })
    const reset = record((await api.call('GET', '/v1/subUser/idp/query')).body)
    expect(reset.status).toBe('disable')
    expect(reset).not.toHaveProperty('fileName')
  })
})
