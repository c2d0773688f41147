import fc from 'fast-check'
import { acl, trustPolicy, validateAcl, allow, deny, evaluateAcl, type Acl, type AclRequest } from '../../lib'
import { decide } from '../../lib/emulator/authorization/authorize'
import { serviceErrorOf } from '../support/expect-error'
import { holderState } from '../support/holder-state'
import { clientsFor, createSubUser, withEmulator, type EmulatorFixture } from '../support/emulator'

let fx: EmulatorFixture
const { iamAs, stsAs, closeAll } = clientsFor(() => fx)
beforeEach(async () => {
  fx = await withEmulator({ seed: 1103 })
})
afterEach(async () => {
  await closeAll()
  await fx.close()
})

/** A trust document whose Allow names `grantees` (account ids, sub-user ids or `*`). */
const trust = (...grantees: string[]): Acl =>
  acl(allow({ service: 'bce:iam', permission: 'AssumeRole', grantee: grantees }))

/** Creates role `name` with `trustDocument` and AdministratorAccess attached. */
async function adminRole(name: string, trustDocument: Acl): Promise<void> {
  ;(await fx.iam.createRole({ name, assumeRolePolicyDocument: trustDocument }))._unsafeUnwrap()
  ;(
    await fx.iam.attachPolicyToRole({ roleName: name, policyName: 'AdministratorAccess', policyType: 'System' })
  )._unsafeUnwrap()
}

/** Creates a custom policy from `document` and attaches it to user `userName`. */
async function grant(userName: string, policyName: string, document: Acl): Promise<void> {
  ;(await fx.iam.createPolicy({ name: policyName, document }))._unsafeUnwrap()
  ;(await fx.iam.attachPolicyToUser({ userName, policyName }))._unsafeUnwrap()
}

const assumeRolePolicy = (resource: string): Acl =>
  acl(allow({ service: 'bce:iam', resource, permission: 'AssumeRole' }))

const ACCESS_DENIED = { _tag: 'BceServiceError', kind: 'AccessDenied', code: 'AccessDenied', statusCode: 403 }

const assumedRoles = (): number =>
  fx.emulator.requestLog().filter((entry) => entry.operation === 'assumeRole' && entry.status === 200).length

describe('E2: a session narrowed by an ACL cannot escape through assumeRole', () => {
  const readOnly: Acl = acl(allow({ service: 'bce:iam', region: 'bj', resource: '*', permission: 'READ' }))

  it("a sub-user's READ-only session cannot obtain an admin role its long-term key can", async () => {
    const ops = await createSubUser(fx.iam, 'ops', 'IAMFullControlAccess')
    await adminRole('admin', trust(fx.emulator.accountId))
    const narrowed = (
      await stsAs(ops.credentials).getSessionToken({ durationSeconds: 900, acl: readOnly })
    )._unsafeUnwrap()
    const error = serviceErrorOf(
      await stsAs(narrowed).assumeRole({ accountId: fx.emulator.accountId, roleName: 'admin' }),
    )
    expect(error).toMatchObject({ ...ACCESS_DENIED, operation: 'assumeRole' })
    expect(error.message).toContain('ACL of the temporary credentials')
    expect(assumedRoles()).toBe(0)
    // The same user without the narrowing ACL may (its policy grants FULL_CONTROL, which implies AssumeRole).
    const plain = (await stsAs(ops.credentials).getSessionToken({ durationSeconds: 900 }))._unsafeUnwrap()
    expect((await stsAs(plain).assumeRole({ accountId: fx.emulator.accountId, roleName: 'admin' })).isOk()).toBe(true)
    expect(
      (await stsAs(ops.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'admin' })).isOk(),
    ).toBe(true)
  })

  it("root's narrowed session is held to its ACL: READ-only is refused, an ACL allowing AssumeRole on the role is not", async () => {
    await adminRole('admin', trust(fx.emulator.accountId))
    const sts = stsAs(fx.emulator.credentials)
    const reader = (await sts.getSessionToken({ acl: readOnly }))._unsafeUnwrap()
    expect(
      serviceErrorOf(await stsAs(reader).assumeRole({ accountId: fx.emulator.accountId, roleName: 'admin' })),
    ).toMatchObject(ACCESS_DENIED)
    const assumer = (await sts.getSessionToken({ acl: assumeRolePolicy('role/admin') }))._unsafeUnwrap()
    const asRole = (
      await stsAs(assumer).assumeRole({ accountId: fx.emulator.accountId, roleName: 'admin' })
    )._unsafeUnwrap()
    expect((await iamAs(asRole).createUser({ name: 'by-role' })).isOk()).toBe(true)
    const otherRole = (await sts.getSessionToken({ acl: assumeRolePolicy('role/other') }))._unsafeUnwrap()
    expect(
      serviceErrorOf(await stsAs(otherRole).assumeRole({ accountId: fx.emulator.accountId, roleName: 'admin' })),
    ).toMatchObject(ACCESS_DENIED)
  })

  it('a Deny of AssumeRole in the session ACL wins over an Allow in the same ACL', async () => {
    await adminRole('admin', trust(fx.emulator.accountId))
    const both = acl(
      allow({ service: 'bce:iam', resource: '*', permission: '*' }),
      deny({ service: 'bce:iam', resource: 'role/*', permission: 'AssumeRole' }),
    )
    const session = (await stsAs(fx.emulator.credentials).getSessionToken({ acl: both }))._unsafeUnwrap()
    expect(
      serviceErrorOf(await stsAs(session).assumeRole({ accountId: fx.emulator.accountId, roleName: 'admin' })),
    ).toMatchObject(ACCESS_DENIED)
    expect((await iamAs(session).createUser({ name: 'still-allowed' })).isOk()).toBe(true)
  })
})

describe('E3: trust documents can name sub-users; naming the account is not enough for a sub-user alone', () => {
  it('a sub-user without policies cannot assume a role whose trust names only the account', async () => {
    const nobody = await createSubUser(fx.iam, 'nobody')
    await adminRole('admin', trust(fx.emulator.accountId))
    const error = serviceErrorOf(
      await stsAs(nobody.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'admin' }),
    )
    expect(error).toMatchObject(ACCESS_DENIED)
    expect(error.message).toContain('names only the account')
    await adminRole('everyone', trust('*'))
    expect(
      serviceErrorOf(
        await stsAs(nobody.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'everyone' }),
      ),
    ).toMatchObject(ACCESS_DENIED)
    expect(assumedRoles()).toBe(0)
  })

  it('a trust naming a sub-user by id lets that sub-user (even without policies) in, and no other', async () => {
    const alice = await createSubUser(fx.iam, 'alice')
    const bob = await createSubUser(fx.iam, 'bob')
    await adminRole('alice-only', trust(alice.id))
    const asRole = (
      await stsAs(alice.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'alice-only' })
    )._unsafeUnwrap()
    expect((await iamAs(asRole).createUser({ name: 'by-alice-role' })).isOk()).toBe(true)
    expect(
      serviceErrorOf(
        await stsAs(bob.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'alice-only' }),
      ),
    ).toMatchObject(ACCESS_DENIED)
    // The root account is not named by a sub-user grantee either.
    expect(
      serviceErrorOf(
        await stsAs(fx.emulator.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'alice-only' }),
      ),
    ).toMatchObject(ACCESS_DENIED)
  })

  it('with an account trust, a sub-user needs a policy allowing AssumeRole on role/<name> (or FULL_CONTROL)', async () => {
    const carol = await createSubUser(fx.iam, 'carol')
    await adminRole('admin', trust(fx.emulator.accountId))
    await adminRole('other', trust(fx.emulator.accountId))
    await grant('carol', 'assume-admin', assumeRolePolicy('role/admin'))
    expect(
      (await stsAs(carol.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'admin' })).isOk(),
    ).toBe(true)
    expect(
      serviceErrorOf(
        await stsAs(carol.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'other' }),
      ),
    ).toMatchObject(ACCESS_DENIED)
    // IAMReadAccess (READ) does not imply AssumeRole.
    const reader = await createSubUser(fx.iam, 'reader', 'IAMReadAccess')
    expect(
      serviceErrorOf(
        await stsAs(reader.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'admin' }),
      ),
    ).toMatchObject(ACCESS_DENIED)
  })

  it("a Deny wins: in the caller's policies even when the trust names the caller, and in the trust for a named caller", async () => {
    const dave = await createSubUser(fx.iam, 'dave')
    await adminRole('dave-role', trust(dave.id))
    await grant('dave', 'no-roles', acl(deny({ service: 'bce:iam', resource: 'role/*', permission: 'AssumeRole' })))
    expect(
      serviceErrorOf(
        await stsAs(dave.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'dave-role' }),
      ),
    ).toMatchObject(ACCESS_DENIED)
    const erin = await createSubUser(fx.iam, 'erin', 'AdministratorAccess')
    await adminRole(
      'not-erin',
      acl(
        allow({ service: 'bce:iam', permission: 'AssumeRole', grantee: fx.emulator.accountId }),
        deny({ service: 'bce:iam', permission: 'AssumeRole', grantee: erin.id }),
      ),
    )
    expect(
      serviceErrorOf(
        await stsAs(erin.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'not-erin' }),
      ),
    ).toMatchObject(ACCESS_DENIED)
    expect(
      (
        await stsAs(fx.emulator.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'not-erin' })
      ).isOk(),
    ).toBe(true)
  })
})

describe('trustPolicy names sub-users with userIds', () => {
  it('joins account ids and user ids as grantees; garbage is passed through for validateAcl to reject', () => {
    expect(trustPolicy({ accountIds: 'acct', userIds: ['u1', 'u2'] }).accessControlList[0]?.grantee).toEqual([
      { id: 'acct' },
      { id: 'u1' },
      { id: 'u2' },
    ])
    expect(trustPolicy({ accountIds: [], userIds: 'u1' }).accessControlList[0]?.grantee).toEqual([{ id: 'u1' }])
    expect(trustPolicy({ accountIds: 'acct' }).accessControlList[0]?.grantee).toEqual([{ id: 'acct' }])
    expect(validateAcl(trustPolicy({ accountIds: 7 as never, userIds: 'u1' })).isErr()).toBe(true)
    expect(validateAcl(trustPolicy({ accountIds: [], userIds: 7 as never })).isErr()).toBe(true)
  })

  it('end to end: a role trusting one sub-user via trustPolicy({ userIds }) is assumable by that sub-user only', async () => {
    const frank = await createSubUser(fx.iam, 'frank')
    const gina = await createSubUser(fx.iam, 'gina')
    await adminRole('frank-role', trustPolicy({ accountIds: [], userIds: frank.id }))
    expect(
      (await stsAs(frank.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'frank-role' })).isOk(),
    ).toBe(true)
    expect(
      serviceErrorOf(
        await stsAs(gina.credentials).assumeRole({ accountId: fx.emulator.accountId, roleName: 'frank-role' }),
      ),
    ).toMatchObject(ACCESS_DENIED)
  })
})

describe('E4: identity policies cannot carry grantees, and a Deny fails closed', () => {
  const denyAllWithGrantee = acl(deny({ service: '*', resource: '*', permission: '*', grantee: 'someone-else' }))

  it('createPolicy and updatePolicy refuse a document with a grantee (400 InappropriateJSON); nothing changes', async () => {
    const created = serviceErrorOf(await fx.iam.createPolicy({ name: 'sneaky', document: denyAllWithGrantee }))
    expect(created).toMatchObject({ statusCode: 400, code: 'InappropriateJSON', kind: 'InvalidRequest' })
    expect(created.message).toContain('grantee')
    expect((await fx.iam.listPolicies())._unsafeUnwrap().map((policy) => policy.name)).toEqual([])
    const plain = acl(allow({ service: 'bce:bos', resource: '*', permission: 'READ' }))
    ;(await fx.iam.createPolicy({ name: 'plain', document: plain }))._unsafeUnwrap()
    const before = (await fx.iam.getPolicy({ policyName: 'plain' }))._unsafeUnwrap().document
    expect(
      serviceErrorOf(await fx.iam.updatePolicy({ policyName: 'plain', document: denyAllWithGrantee })),
    ).toMatchObject({
      statusCode: 400,
      code: 'InappropriateJSON',
    })
    expect((await fx.iam.getPolicy({ policyName: 'plain' }))._unsafeUnwrap().document).toEqual(before)
  })

  it('an STS ACL with a grantee is refused too (400), and no credentials are issued', async () => {
    const error = serviceErrorOf(await stsAs(fx.emulator.credentials).getSessionToken({ acl: denyAllWithGrantee }))
    expect(error).toMatchObject({ statusCode: 400, code: 'InappropriateJSON' })
    expect(
      fx.emulator.requestLog().filter((entry) => entry.operation === 'getSessionToken' && entry.status === 200),
    ).toEqual([])
  })

  it('a stored identity policy whose Deny * names a grantee still denies its holder (state loaded from elsewhere)', () => {
    const state = holderState(
      { service: '*', region: '*', resource: ['*'], permission: ['*'], effect: 'Allow' },
      { service: '*', region: '*', resource: ['*'], permission: ['*'], effect: 'Deny', grantee: [{ id: 'other' }] },
    )
    const request: AclRequest = { service: 'bce:iam', region: 'bj', resource: '*', permission: 'READ' }
    expect(decide(state, { kind: 'user', userName: 'holder', userId: 'u1' }, request)).toEqual({
      allowed: false,
      reason: 'ExplicitDeny',
      source: 'policies',
    })
  })

  const read: AclRequest = { service: 'bce:bos', region: 'bj', resource: 'bucket/a.txt', permission: 'READ' }
  const allowAll = { service: '*', region: '*', resource: ['*'], permission: ['*'], effect: 'Allow' }

  it.each([
    ['a grantee and no principal', { grantee: [{ id: 'x' }] }],
    ['an unreadable grantee', { grantee: 'x' }],
    ['a grantee entry without an id', { grantee: [{}] }],
    ['a permission string instead of a list', { permission: '*' }],
    ['a resource string instead of a list', { resource: '*' }],
    ['no resource', { resource: undefined }],
    ['a non-string service', { service: 7 }],
    ['a non-string region', { region: null }],
    ['a non-string permission entry', { permission: [1] }],
  ])('evaluateAcl: a Deny with %s still denies', (_what, overrides) => {
    const statement = { ...allowAll, effect: 'Deny', ...overrides }
    expect(evaluateAcl([{ accessControlList: [allowAll, statement] } as never], read).decision).toBe('ExplicitDeny')
    // The same statement as an Allow grants nothing.
    const granting = { ...statement, effect: 'Allow' }
    expect(evaluateAcl([{ accessControlList: [granting] } as never], read).decision).toBe('ImplicitDeny')
  })

  it('evaluateAcl: a Deny naming other grantees does not apply to a known principal that is not among them', () => {
    const trusted = { ...allowAll, grantee: [{ id: '111' }] }
    const denyOther = { ...allowAll, effect: 'Deny', grantee: [{ id: '222' }] }
    const document = { accessControlList: [trusted, denyOther] } as never
    expect(evaluateAcl([document], { ...read, principal: '111' }).decision).toBe('Allow')
    expect(evaluateAcl([document], { ...read, principal: '222' }).decision).toBe('ExplicitDeny')
  })

  it('property: a Deny matching the request on service, region, permission and resource denies whatever its grantee, without a principal', () => {
    const grantee = fc.oneof(
      fc.constant(undefined),
      fc.array(fc.record({ id: fc.string() }), { maxLength: 3 }),
      fc.anything(),
    )
    fc.assert(
      fc.property(grantee, fc.boolean(), (value, withAllow) => {
        const statement = { ...allowAll, effect: 'Deny', ...(value === undefined ? {} : { grantee: value }) }
        const list = withAllow ? [allowAll, statement] : [statement]
        expect(evaluateAcl([{ accessControlList: list } as never], read).decision).toBe('ExplicitDeny')
      }),
      { numRuns: 300 },
    )
  })
})
