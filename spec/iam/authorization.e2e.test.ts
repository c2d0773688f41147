import { acl, allow, deny, type Acl } from '../../lib'
import { serviceErrorOf } from '../support/expect-error'
import { clientsFor, createSubUser, withEmulator, type EmulatorFixture } from '../support/emulator'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
const { iamAs, stsAs, closeAll } = clientsFor(() => fx)
beforeEach(async () => {
  fx = await withEmulator({ seed: 97 }, { observe: declared.observe })
})
afterEach(async () => {
  await closeAll()
  await fx.close()
})

const trust = (accountId: string): Acl =>
  acl(allow({ service: 'bce:iam', permission: 'AssumeRole', grantee: accountId }))

const ACCESS_DENIED = {
  _tag: 'BceServiceError',
  kind: 'AccessDenied',
  code: 'AccessDenied',
  statusCode: 403,
  retryable: false,
  attempts: 1,
}

const userNames = async (): Promise<string[]> => (await fx.iam.listUsers())._unsafeUnwrap().map((user) => user.name)

describe('authorization of sub-users, roles and sessions (emulator)', () => {
  it('a read-only sub-user can list but not create: AccessDenied, and nothing is created', async () => {
    const reader = iamAs((await createSubUser(fx.iam, 'reader', 'IAMReadAccess')).credentials)
    expect((await reader.listUsers())._unsafeUnwrap().map((user) => user.name)).toEqual(['reader'])
    expect((await reader.getUser({ userName: 'reader' })).isOk()).toBe(true)
    const error = serviceErrorOf(await reader.createUser({ name: 'intruder' }))
    expect(error).toMatchObject({ ...ACCESS_DENIED, operation: 'createUser' })
    expect(error.message).toContain('FULL_CONTROL')
    expect(await userNames()).toEqual(['reader'])
    expect(
      fx.emulator
        .requestLog()
        .filter((entry) => entry.code === 'AccessDenied')
        .map((entry) => entry.operation),
    ).toEqual(['createUser'])
  })

  it('a sub-user without policies is denied even reads', async () => {
    const nobody = iamAs((await createSubUser(fx.iam, 'nobody')).credentials)
    expect(serviceErrorOf(await nobody.listUsers())).toMatchObject(ACCESS_DENIED)
    expect(serviceErrorOf(await nobody.getUser({ userName: 'nobody' }))).toMatchObject(ACCESS_DENIED)
    expect(serviceErrorOf(await nobody.listPolicies({ policyType: 'System' }))).toMatchObject(ACCESS_DENIED)
  })

  it('permissions inherited from a group stop on the next request after removal from the group or detachment', async () => {
    const dev = iamAs((await createSubUser(fx.iam, 'dev')).credentials)
    ;(await fx.iam.createGroup({ name: 'admins' }))._unsafeUnwrap()
    ;(
      await fx.iam.attachPolicyToGroup({
        groupName: 'admins',
        policyName: 'IAMFullControlAccess',
        policyType: 'System',
      })
    )._unsafeUnwrap()
    ;(await fx.iam.addUserToGroup({ groupName: 'admins', userName: 'dev' }))._unsafeUnwrap()
    expect((await dev.createUser({ name: 'made-by-dev' })).isOk()).toBe(true)
    expect((await dev.listGroups()).isOk()).toBe(true)

    ;(await fx.iam.removeUserFromGroup({ groupName: 'admins', userName: 'dev' }))._unsafeUnwrap()
    expect(serviceErrorOf(await dev.createUser({ name: 'after-removal' }))).toMatchObject(ACCESS_DENIED)
    expect(serviceErrorOf(await dev.listGroups())).toMatchObject(ACCESS_DENIED)

    ;(await fx.iam.addUserToGroup({ groupName: 'admins', userName: 'dev' }))._unsafeUnwrap()
    expect((await dev.listGroups()).isOk()).toBe(true)
    ;(
      await fx.iam.detachPolicyFromGroup({
        groupName: 'admins',
        policyName: 'IAMFullControlAccess',
        policyType: 'System',
      })
    )._unsafeUnwrap()
    expect(serviceErrorOf(await dev.listGroups())).toMatchObject(ACCESS_DENIED)
    expect(await userNames()).toEqual(['dev', 'made-by-dev'])
  })

  it('an explicit Deny of bce:iam FULL_CONTROL overrides AdministratorAccess (and, FULL_CONTROL implying READ, reads too)', async () => {
    const boss = iamAs((await createSubUser(fx.iam, 'boss', 'AdministratorAccess')).credentials)
    expect((await boss.createUser({ name: 'before-deny' })).isOk()).toBe(true)
    ;(
      await fx.iam.createPolicy({
        name: 'no-iam',
        document: acl(deny({ service: 'bce:iam', resource: '*', permission: 'FULL_CONTROL' })),
      })
    )._unsafeUnwrap()
    ;(await fx.iam.attachPolicyToUser({ userName: 'boss', policyName: 'no-iam' }))._unsafeUnwrap()
    expect(serviceErrorOf(await boss.createUser({ name: 'after-deny' }))).toMatchObject(ACCESS_DENIED)
    expect(serviceErrorOf(await boss.listUsers())).toMatchObject(ACCESS_DENIED)
    ;(await fx.iam.detachPolicyFromUser({ userName: 'boss', policyName: 'no-iam' }))._unsafeUnwrap()
    expect((await boss.listUsers()).isOk()).toBe(true)
    expect(await userNames()).toEqual(['boss', 'before-deny'])
  })

  it("assumed-role credentials get exactly the role's policies, not the caller's", async () => {
    const callerKey = (await createSubUser(fx.iam, 'caller', 'AdministratorAccess')).credentials
    ;(
      await fx.iam.createRole({ name: 'viewer', assumeRolePolicyDocument: trust(fx.emulator.accountId) })
    )._unsafeUnwrap()
    const sts = stsAs(callerKey)
    const asRole = iamAs(
      (await sts.assumeRole({ accountId: fx.emulator.accountId, roleName: 'viewer' }))._unsafeUnwrap(),
    )
    expect(serviceErrorOf(await asRole.listUsers())).toMatchObject(ACCESS_DENIED)
    ;(
      await fx.iam.attachPolicyToRole({ roleName: 'viewer', policyName: 'IAMReadAccess', policyType: 'System' })
    )._unsafeUnwrap()
    expect((await asRole.listUsers()).isOk()).toBe(true)
    expect(serviceErrorOf(await asRole.createUser({ name: 'by-role' }))).toMatchObject(ACCESS_DENIED)
    ;(
      await fx.iam.attachPolicyToRole({ roleName: 'viewer', policyName: 'IAMFullControlAccess', policyType: 'System' })
    )._unsafeUnwrap()
    expect((await asRole.createUser({ name: 'by-role' })).isOk()).toBe(true)
  })

  it('a session token with a READ-only ACL cannot create users although its user has FULL_CONTROL', async () => {
    const sts = stsAs((await createSubUser(fx.iam, 'ops', 'IAMFullControlAccess')).credentials)
    const readOnly: Acl = acl(allow({ service: 'bce:iam', region: 'bj', resource: '*', permission: 'READ' }))
    const narrowed = iamAs((await sts.getSessionToken({ durationSeconds: 900, acl: readOnly }))._unsafeUnwrap())
    expect((await narrowed.listUsers()).isOk()).toBe(true)
    const error = serviceErrorOf(await narrowed.createUser({ name: 'via-session' }))
    expect(error).toMatchObject(ACCESS_DENIED)
    expect(error.message).toContain('temporary credentials')
    const unnarrowed = iamAs((await sts.getSessionToken({ durationSeconds: 900 }))._unsafeUnwrap())
    expect((await unnarrowed.createUser({ name: 'via-plain-session' })).isOk()).toBe(true)
    expect(await userNames()).toEqual(['ops', 'via-plain-session'])
  })
})
