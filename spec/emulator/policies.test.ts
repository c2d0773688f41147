import { aclDocument, namesIn, record, startApi, type EmulatorApi } from '../support/emulator-api'

let api: EmulatorApi
beforeEach(async () => {
  api = await startApi({ seed: 41 })
})
afterEach(async () => {
  await api.close()
})

const create = (name: string, document = aclDocument()) =>
  api.call('POST', '/v1/policy', { body: { name, description: 'd', document } })
const SYSTEM = { policyType: 'System' }

describe('System catalogue', () => {
  it('lists and reads the seeded System policies with stable ids and ACL documents', async () => {
    const names = namesIn((await api.call('GET', '/v1/policy', { query: SYSTEM })).body, 'policies')
    expect(names).toEqual(
      expect.arrayContaining(['AdministratorAccess', 'ReadOnlyAccess', 'IAMReadAccess', 'IAMFullControlAccess']),
    )
    const admin = record((await api.call('GET', '/v1/policy/AdministratorAccess', { query: SYSTEM })).body)
    expect(admin).toMatchObject({
      name: 'AdministratorAccess',
      type: 'System',
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
    })
    expect(JSON.parse(String(admin.document))).toEqual({
      id: `policy_${String(admin.id)}`,
      accessControlList: [{ service: '*', region: '*', resource: ['*'], permission: ['*'], effect: 'Allow' }],
    })
    const other = await startApi({ seed: 99 })
    expect(record((await other.call('GET', '/v1/policy/AdministratorAccess', { query: SYSTEM })).body).id).toBe(
      admin.id,
    )
    await other.close()
    const iamRead = JSON.parse(
      String(record((await api.call('GET', '/v1/policy/IAMReadAccess', { query: SYSTEM })).body).document),
    ) as { accessControlList: unknown[] }
    expect(iamRead.accessControlList[0]).toMatchObject({ service: 'bce:iam', permission: ['READ'] })
  })

  it('keeps the namespaces apart: System names are 404 without policyType=System and cannot be updated or deleted', async () => {
    expect((await api.call('GET', '/v1/policy/ReadOnlyAccess')).status).toBe(404)
    expect((await api.call('GET', '/v1/policy/ReadOnlyAccess', { query: { policyType: 'Custom' } })).status).toBe(404)
    expect((await api.call('POST', '/v1/policy/ReadOnlyAccess', { body: { description: 'mine now' } })).status).toBe(
      404,
    )
    expect((await api.call('DELETE', '/v1/policy/ReadOnlyAccess')).status).toBe(404)
    expect(await create('ReadOnlyAccess')).toMatchObject({ status: 409, body: { code: 'EntityAlreadyExists' } })
    expect(await api.call('GET', '/v1/policy', { query: { policyType: 'system' } })).toMatchObject({
      status: 400,
      body: { code: 'InvalidParameter' },
    })
  })
})

describe('custom policies (P1–P5)', () => {
  it('creates (201) with the document stored as "id":"policy_<id>" first, reads, updates (POST), lists, deletes', async () => {
    const created = await create('bcc-read')
    expect(created.status).toBe(201)
    const policy = record(created.body)
    expect(policy).toMatchObject({ name: 'bcc-read', type: 'Custom', description: 'd', createTime: expect.any(String) })
    expect(String(policy.document).startsWith(`{"id":"policy_${String(policy.id)}",`)).toBe(true)
    expect(JSON.parse(String(policy.document)).accessControlList).toEqual(JSON.parse(aclDocument()).accessControlList)
    expect((await api.call('GET', '/v1/policy/bcc-read')).body).toEqual(created.body)
    const updated = record(
      (
        await api.call('POST', '/v1/policy/bcc-read', {
          body: { name: 'bcc-write', document: aclDocument('bcc', ['WRITE']), policyName: 'ignored' },
        })
      ).body,
    )
    expect(updated).toMatchObject({ id: policy.id, name: 'bcc-write', description: 'd' })
    expect(JSON.parse(String(updated.document))).toMatchObject({
      id: `policy_${String(policy.id)}`,
      accessControlList: [{ permission: ['WRITE'] }],
    })
    expect(namesIn((await api.call('GET', '/v1/policy')).body, 'policies')).toEqual(['bcc-write'])
    expect((await api.call('DELETE', '/v1/policy/bcc-write')).status).toBe(200)
    expect((await api.call('GET', '/v1/policy/bcc-write')).status).toBe(404)
  })

  it('filters by a case-sensitive substring', async () => {
    for (const name of ['ReadBcc', 'readBos', 'WriteAll']) await create(name)
    expect(namesIn((await api.call('GET', '/v1/policy', { query: { nameFilter: 'ead' } })).body, 'policies')).toEqual([
      'ReadBcc',
      'readBos',
    ])
    expect(namesIn((await api.call('GET', '/v1/policy', { query: { nameFilter: 'Read' } })).body, 'policies')).toEqual([
      'ReadBcc',
    ])
    expect(
      namesIn(
        (await api.call('GET', '/v1/policy', { query: { policyType: 'System', nameFilter: 'IAM' } })).body,
        'policies',
      ).sort(),
    ).toEqual(['IAMFullControlAccess', 'IAMReadAccess'])
  })

  it.each([
    ['not JSON', 'not json', 'MalformedJSON'],
    ['not an object', '[1]', 'InappropriateJSON'],
    ['no list', '{}', 'InappropriateJSON'],
    ['an empty list', '{"accessControlList":[]}', 'InappropriateJSON'],
    [
      'a bad effect',
      JSON.stringify({
        accessControlList: [{ service: 's', region: '*', resource: ['*'], permission: ['READ'], effect: 'allow' }],
      }),
      'InappropriateJSON',
    ],
    [
      'no permission',
      JSON.stringify({
        accessControlList: [{ service: 's', region: '*', resource: ['*'], permission: [], effect: 'Allow' }],
      }),
      'InappropriateJSON',
    ],
    [
      'no resource',
      JSON.stringify({ accessControlList: [{ service: 's', region: '*', permission: ['READ'], effect: 'Allow' }] }),
      'InappropriateJSON',
    ],
    [
      'a numeric region',
      JSON.stringify({
        accessControlList: [{ service: 's', region: 1, resource: ['*'], permission: ['READ'], effect: 'Allow' }],
      }),
      'InappropriateJSON',
    ],
  ])('rejects a document that is %s', async (_what, document, code) => {
    expect(await create('p', document)).toMatchObject({ status: 400, body: { code } })
  })

  it('rejects a missing or non-string document, long names, clashes', async () => {
    expect((await api.call('POST', '/v1/policy', { body: { name: 'p' } })).body).toMatchObject({
      code: 'InappropriateJSON',
    })
    expect(
      (await api.call('POST', '/v1/policy', { body: { name: 'p', document: JSON.parse(aclDocument()) } })).body,
    ).toMatchObject({ code: 'InappropriateJSON' })
    expect((await create('p'.repeat(65))).body).toMatchObject({ code: 'InappropriateJSON' })
    await create('p')
    await create('q')
    expect(await create('p')).toMatchObject({ status: 409, body: { code: 'EntityAlreadyExists' } })
    expect(await api.call('POST', '/v1/policy/p', { body: { name: 'q' } })).toMatchObject({
      status: 409,
      body: { code: 'EntityAlreadyExists' },
    })
    expect(await api.call('POST', '/v1/policy/p', { body: { name: 'AdministratorAccess' } })).toMatchObject({
      status: 409,
    })
  })
})

describe('attachments (P6–P14) and entities (P15–P16)', () => {
  beforeEach(async () => {
    await api.call('POST', '/v1/user', { body: { name: 'uma' } })
    await api.call('POST', '/v1/group', { body: { name: 'grp' } })
    await api.call('POST', '/v1/role', {
      body: {
        name: 'rol',
        assumeRolePolicyDocument: JSON.stringify({
          accessControlList: [
            { service: 'bce:iam', region: '*', permission: ['AssumeRole'], effect: 'Allow', grantee: [{ id: '*' }] },
          ],
        }),
      },
    })
    await create('custom')
  })

  it('attaches System and Custom policies to users, groups and roles, idempotently, and lists them with attachTime', async () => {
    for (const [kind, name] of [
      ['user', 'uma'],
      ['group', 'grp'],
      ['role', 'rol'],
    ] as const) {
      expect(await api.call('PUT', `/v1/${kind}/${name}/policy/ReadOnlyAccess`, { query: SYSTEM })).toMatchObject({
        status: 200,
        text: '',
      })
      expect((await api.call('PUT', `/v1/${kind}/${name}/policy/ReadOnlyAccess`, { query: SYSTEM })).status).toBe(200)
      expect((await api.call('PUT', `/v1/${kind}/${name}/policy/custom`)).status).toBe(200)
      const attached = record((await api.call('GET', `/v1/${kind}/${name}/policy`)).body).policies as Array<
        Record<string, unknown>
      >
      expect(attached.map((p) => [p.name, p.type])).toEqual([
        ['ReadOnlyAccess', 'System'],
        ['custom', 'Custom'],
      ])
      expect(attached[0]).toHaveProperty('attachTime')
    }
    const systemId = String(record((await api.call('GET', '/v1/policy/ReadOnlyAccess', { query: SYSTEM })).body).id)
    const entities = record((await api.call('GET', `/v1/policy/${systemId}/entity`)).body).entities as Array<
      Record<string, unknown>
    >
    expect(entities.map((e) => [e.name, e.type])).toEqual([
      ['uma', 'UserPolicy'],
      ['grp', 'GroupPolicy'],
      ['rol', 'RolePolicy'],
    ])
    expect(entities[0]).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), attachTime: expect.any(String) })
    const groupsOnly = record((await api.call('GET', `/v1/policy/${systemId}/grant/GroupPolicy`)).body)
      .entities as Array<Record<string, unknown>>
    expect(groupsOnly.map((e) => e.name)).toEqual(['grp'])
    expect(await api.call('GET', `/v1/policy/${systemId}/grant/Everyone`)).toMatchObject({
      status: 400,
      body: { code: 'InvalidParameter' },
    })
    expect((await api.call('GET', '/v1/policy/0123/entity')).status).toBe(404)
  })

  it('answers 404 for a missing policy in the chosen namespace, a missing principal, or a missing edge', async () => {
    expect((await api.call('PUT', '/v1/user/uma/policy/ReadOnlyAccess')).status).toBe(404)
    expect((await api.call('PUT', '/v1/user/uma/policy/custom', { query: SYSTEM })).status).toBe(404)
    expect((await api.call('PUT', '/v1/user/ghost/policy/custom')).status).toBe(404)
    expect((await api.call('PUT', '/v1/role/ghost/policy/custom')).status).toBe(404)
    expect(await api.call('DELETE', '/v1/group/grp/policy/custom')).toMatchObject({
      status: 404,
      body: { code: 'NotFound' },
    })
    expect((await api.call('PUT', '/v1/user/uma/policy/custom', { query: { policyType: 'Mine' } })).status).toBe(400)
  })

  it('enforces policiesPerGroup', async () => {
    api.emulator.setLimits({ policiesPerGroup: 2 })._unsafeUnwrap()
    await api.call('PUT', '/v1/group/grp/policy/custom')
    await api.call('PUT', '/v1/group/grp/policy/IAMReadAccess', { query: SYSTEM })
    expect((await api.call('PUT', '/v1/group/grp/policy/custom')).status).toBe(200)
    expect(await api.call('PUT', '/v1/group/grp/policy/ReadOnlyAccess', { query: SYSTEM })).toMatchObject({
      status: 409,
      body: { code: 'LimitExceeded' },
    })
  })

  it('refuses to delete an attached policy, and a renamed policy stays attached', async () => {
    await api.call('PUT', '/v1/role/rol/policy/custom')
    expect(await api.call('DELETE', '/v1/policy/custom')).toMatchObject({
      status: 409,
      body: { code: 'DeleteConflict' },
    })
    await api.call('POST', '/v1/policy/custom', { body: { name: 'renamed' } })
    expect(namesIn((await api.call('GET', '/v1/role/rol/policy')).body, 'policies')).toEqual(['renamed'])
    await api.call('DELETE', '/v1/role/rol/policy/renamed')
    expect((await api.call('DELETE', '/v1/policy/renamed')).status).toBe(200)
  })
})
