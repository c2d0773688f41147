import { clientErrorOf, serviceErrorOf } from '../support/expect-error'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import type { Acl } from '../../lib'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
beforeEach(async () => {
  fx = await withEmulator({ seed: 3, limits: { policiesPerGroup: 2 } }, { observe: declared.observe })
  await fx.iam.createUser({ name: 'ann' })
  await fx.iam.createGroup({ name: 'ops' })
  await fx.iam.createRole({ name: 'deployer', assumeRolePolicyDocument: trust(fx.emulator.accountId) })
})
afterEach(async () => {
  await fx.close()
})

const readBos: Acl = {
  accessControlList: [
    { service: 'bce:bos', region: 'bj', resource: ['logs/*'], permission: ['READ'], effect: 'Allow' },
  ],
}
function trust(accountId: string): Acl {
  return {
    version: 'v1',
    accessControlList: [
      { service: 'bce:iam', region: '*', permission: ['AssumeRole'], effect: 'Allow', grantee: [{ id: accountId }] },
    ],
  }
}

describe('policies (P1–P5)', () => {
  it('creates a custom policy from a typed ACL and from a JSON string; the service stamps the document id', async () => {
    const typed = (
      await fx.iam.createPolicy({ name: 'read-bos', description: 'logs', document: readBos })
    )._unsafeUnwrap()
    expect(typed).toMatchObject({ name: 'read-bos', type: 'Custom', description: 'logs' })
    expect(JSON.parse(typed.document ?? '{}')).toMatchObject({
      id: `policy_${typed.id}`,
      accessControlList: readBos.accessControlList,
    })
    const raw = (await fx.iam.createPolicy({ name: 'raw', document: JSON.stringify(readBos) }))._unsafeUnwrap()
    expect(raw.type).toBe('Custom')
  })

  it('reads, updates, lists (with type and name filter) and deletes', async () => {
    await fx.iam.createPolicy({ name: 'read-bos', document: readBos })
    expect((await fx.iam.getPolicy({ policyName: 'read-bos' }))._unsafeUnwrap().name).toBe('read-bos')
    const updated = (await fx.iam.updatePolicy({ policyName: 'read-bos', description: 'changed' }))._unsafeUnwrap()
    expect(updated.description).toBe('changed')
    expect((await fx.iam.listPolicies())._unsafeUnwrap().map((p) => p.name)).toEqual(['read-bos'])
    expect((await fx.iam.listPolicies({ nameFilter: 'bos' }))._unsafeUnwrap()).toHaveLength(1)
    expect((await fx.iam.listPolicies({ nameFilter: 'zzz' }))._unsafeUnwrap()).toHaveLength(0)
    const system = (await fx.iam.listPolicies({ policyType: 'System' }))._unsafeUnwrap()
    expect(system.map((p) => p.name)).toEqual(expect.arrayContaining(['AdministratorAccess', 'IAMReadAccess']))
    expect(system.every((p) => p.type === 'System')).toBe(true)
    expect((await fx.iam.deletePolicy({ policyName: 'read-bos' })).isOk()).toBe(true)
    expect(serviceErrorOf(await fx.iam.getPolicy({ policyName: 'read-bos' })).kind).toBe('NotFound')
  })

  it('rejects duplicates, invalid documents and over-long names', async () => {
    await fx.iam.createPolicy({ name: 'p', document: readBos })
    expect(serviceErrorOf(await fx.iam.createPolicy({ name: 'p', document: readBos })).kind).toBe('AlreadyExists')
    expect(serviceErrorOf(await fx.iam.createPolicy({ name: 'AdministratorAccess', document: readBos })).kind).toBe(
      'AlreadyExists',
    )
    const empty = clientErrorOf(await fx.iam.createPolicy({ name: 'bad', document: '{"accessControlList": []}' }))
    expect(empty.issues?.[0]?.path).toBe('input.document.accessControlList')
    const noResource = clientErrorOf(
      await fx.iam.createPolicy({
        name: 'bad',
        document: { accessControlList: [{ service: 'bcc', region: 'bj', permission: ['READ'], effect: 'Allow' }] },
      }),
    )
    expect(noResource.issues?.map((i) => i.path)).toEqual(['input.document.accessControlList.0.resource'])
    expect(clientErrorOf(await fx.iam.createPolicy({ name: 'bad', document: '{not json' })).issues?.[0]?.path).toBe(
      'input.document',
    )
    expect(clientErrorOf(await fx.iam.createPolicy({ name: 'p'.repeat(65), document: readBos })).reason).toBe(
      'InvalidInput',
    )
  })

  it('System policies are readable and attachable but cannot be changed or deleted', async () => {
    expect((await fx.iam.getPolicy({ policyName: 'IAMReadAccess', policyType: 'System' }))._unsafeUnwrap().type).toBe(
      'System',
    )
    expect(serviceErrorOf(await fx.iam.getPolicy({ policyName: 'IAMReadAccess' })).kind).toBe('NotFound')
    expect(serviceErrorOf(await fx.iam.updatePolicy({ policyName: 'IAMReadAccess', description: 'mine' })).kind).toBe(
      'NotFound',
    )
    expect(serviceErrorOf(await fx.iam.deletePolicy({ policyName: 'IAMReadAccess' })).kind).toBe('NotFound')
    expect(
      (await fx.iam.attachPolicyToUser({ userName: 'ann', policyName: 'IAMReadAccess', policyType: 'System' })).isOk(),
    ).toBe(true)
  })
})

describe('attachments (P6–P16)', () => {
  it('attaches to users, groups and roles idempotently, lists them with attachTime, and detaches', async () => {
    const policy = (await fx.iam.createPolicy({ name: 'read-bos', document: readBos }))._unsafeUnwrap()
    for (let i = 0; i < 2; i += 1) {
      expect((await fx.iam.attachPolicyToUser({ userName: 'ann', policyName: 'read-bos' })).isOk()).toBe(true)
      expect((await fx.iam.attachPolicyToGroup({ groupName: 'ops', policyName: 'read-bos' })).isOk()).toBe(true)
      expect((await fx.iam.attachPolicyToRole({ roleName: 'deployer', policyName: 'read-bos' })).isOk()).toBe(true)
    }
    for (const list of [
      await fx.iam.listUserAttachedPolicies({ userName: 'ann' }),
      await fx.iam.listGroupAttachedPolicies({ groupName: 'ops' }),
      await fx.iam.listRoleAttachedPolicies({ roleName: 'deployer' }),
    ]) {
      const policies = list._unsafeUnwrap()
      expect(policies.map((p) => p.name)).toEqual(['read-bos'])
      expect(policies[0]?.attachTime).toBeInstanceOf(Date)
    }
    const entities = (await fx.iam.listPolicyEntities({ policyId: policy.id }))._unsafeUnwrap()
    expect(entities.map((e) => [e.name, e.type]).sort()).toEqual([
      ['ann', 'UserPolicy'],
      ['deployer', 'RolePolicy'],
      ['ops', 'GroupPolicy'],
    ])
    expect(
      (await fx.iam.listPolicyEntitiesByGrantType({ policyId: policy.id, grantType: 'GroupPolicy' }))
        ._unsafeUnwrap()
        .map((e) => e.name),
    ).toEqual(['ops'])
    expect(serviceErrorOf(await fx.iam.deletePolicy({ policyName: 'read-bos' }))).toMatchObject({
      kind: 'Conflict',
      code: 'DeleteConflict',
    })
    expect((await fx.iam.detachPolicyFromUser({ userName: 'ann', policyName: 'read-bos' })).isOk()).toBe(true)
    expect((await fx.iam.detachPolicyFromGroup({ groupName: 'ops', policyName: 'read-bos' })).isOk()).toBe(true)
    expect((await fx.iam.detachPolicyFromRole({ roleName: 'deployer', policyName: 'read-bos' })).isOk()).toBe(true)
    expect((await fx.iam.deletePolicy({ policyName: 'read-bos' })).isOk()).toBe(true)
  })

  it('reports missing principals, policies and attachments as NotFound', async () => {
    await fx.iam.createPolicy({ name: 'read-bos', document: readBos })
    expect(serviceErrorOf(await fx.iam.attachPolicyToUser({ userName: 'ghost', policyName: 'read-bos' })).kind).toBe(
      'NotFound',
    )
    expect(serviceErrorOf(await fx.iam.attachPolicyToGroup({ groupName: 'ops', policyName: 'ghost' })).kind).toBe(
      'NotFound',
    )
    expect(
      serviceErrorOf(await fx.iam.detachPolicyFromRole({ roleName: 'deployer', policyName: 'read-bos' })).kind,
    ).toBe('NotFound')
    expect(serviceErrorOf(await fx.iam.listUserAttachedPolicies({ userName: 'ghost' })).kind).toBe('NotFound')
    expect(serviceErrorOf(await fx.iam.listPolicyEntities({ policyId: '0'.repeat(32) })).kind).toBe('NotFound')
  })

  it('limits policies per group', async () => {
    await fx.iam.attachPolicyToGroup({ groupName: 'ops', policyName: 'IAMReadAccess', policyType: 'System' })
    await fx.iam.attachPolicyToGroup({ groupName: 'ops', policyName: 'ReadOnlyAccess', policyType: 'System' })
    expect(
      serviceErrorOf(
        await fx.iam.attachPolicyToGroup({ groupName: 'ops', policyName: 'AdministratorAccess', policyType: 'System' }),
      ).kind,
    ).toBe('LimitExceeded')
  })

  it('a user with attached policies cannot be deleted; a role neither', async () => {
    await fx.iam.attachPolicyToUser({ userName: 'ann', policyName: 'IAMReadAccess', policyType: 'System' })
    expect(serviceErrorOf(await fx.iam.deleteUser({ userName: 'ann' })).code).toBe('DeleteConflict')
    await fx.iam.attachPolicyToRole({ roleName: 'deployer', policyName: 'IAMReadAccess', policyType: 'System' })
    expect(serviceErrorOf(await fx.iam.deleteRole({ roleName: 'deployer' })).code).toBe('DeleteConflict')
  })

  it('validates grant types and policy types before sending', async () => {
    expect(
      clientErrorOf(await fx.iam.listPolicyEntitiesByGrantType({ policyId: 'x', grantType: 'Everyone' as never }))
        .reason,
    ).toBe('InvalidInput')
    expect(clientErrorOf(await fx.iam.getPolicy({ policyName: 'x', policyType: 'system' as never })).reason).toBe(
      'InvalidInput',
    )
  })
})
