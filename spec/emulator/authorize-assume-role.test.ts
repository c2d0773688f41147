import {
  assumeRoleRequest,
  authorizeAssumeRole as authorizeAssumeRoleResult,
  decideAssumeRole,
  trustVerdict,
} from '../../lib/emulator/authorization/assume-role'
import { EmulatorClock } from '../../lib/emulator/clock'
import { IdGenerator } from '../../lib/emulator/ids'
import type { Principal } from '../../lib/emulator/principal'
import { DEFAULT_LIMITS, EmulatorState, type PolicyRecord, type RoleRecord } from '../../lib/emulator/state'

/** {@link authorizeAssumeRoleResult} as a refusal (undefined when allowed), for plain assertions. */
const authorizeAssumeRole = (...args: Parameters<typeof authorizeAssumeRoleResult>) => {
  const result = authorizeAssumeRoleResult(...args)
  return result.isOk() ? undefined : result.error
}

const ACCOUNT = 'a'.repeat(32)
let state: EmulatorState
beforeEach(() => {
  state = new EmulatorState({
    root: { accessKeyId: 'root-ak', secretAccessKey: 'root-sk' },
    accountId: ACCOUNT,
    clock: new EmulatorClock(() => 1_700_000_000_000),
    ids: new IdGenerator(11),
    limits: DEFAULT_LIMITS,
  })
})

interface Statement {
  service: string
  region: string
  resource?: string[]
  permission: string[]
  effect: 'Allow' | 'Deny'
  grantee?: { id: string }[]
}
const allow = (extra: Partial<Statement> = {}): Statement => ({
  service: 'bce:iam',
  region: '*',
  resource: ['*'],
  permission: ['AssumeRole'],
  effect: 'Allow',
  ...extra,
})

function addRole(name: string, ...trust: Statement[]): RoleRecord {
  const id = state.ids.next()
  const role: RoleRecord = {
    id,
    name,
    description: '',
    assumeRolePolicyDocument: JSON.stringify({
      id: 'sts role acl',
      accessControlList: trust.map((s) => ({ ...s, resource: [`role/${id}`] })),
    }),
    createTime: state.timestamp(),
  }
  state.roles.set(name, role)
  return role
}

function addUser(name: string, ...policies: Statement[][]): Principal & { kind: 'user' } {
  const id = state.ids.next()
  state.users.set(name, { id, name, description: '', enabled: true, createTime: state.timestamp() })
  for (const statements of policies) {
    const policyId = state.ids.next()
    const policy: PolicyRecord = {
      id: policyId,
      name: `p-${policyId}`,
      type: 'Custom',
      description: '',
      document: JSON.stringify({ accessControlList: statements }),
      createTime: state.timestamp(),
    }
    state.policies.set(policy.name, policy)
    state.attachments.add({ target: 'user', targetId: id, policyId, attachTime: state.timestamp() })
  }
  return { kind: 'user', userName: name, userId: id }
}

const ROOT: Principal = { kind: 'root' }
const session = <P extends Principal | Omit<Extract<Principal, { kind: 'role' }>, 'viaSession'>>(
  principal: P,
  acl?: unknown,
): P & { viaSession: NonNullable<Principal['viaSession']> } => ({
  ...principal,
  viaSession: { accessKeyId: 'tmp', expiration: '2100-01-01T00:00:00Z', ...(acl === undefined ? {} : { acl }) },
})
const byAccount = { grantee: [{ id: ACCOUNT }] }

describe('trustVerdict', () => {
  it('names: the caller itself, only the account (or *), nobody, or a Deny', () => {
    const user = addUser('u')
    expect(trustVerdict(state, addRole('r1', allow({ grantee: [{ id: user.userId }] })), user.userId)).toBe('principal')
    expect(trustVerdict(state, addRole('r2', allow(byAccount)), user.userId)).toBe('account')
    expect(trustVerdict(state, addRole('r3', allow({ grantee: [{ id: '*' }] })), user.userId)).toBe('account')
    expect(trustVerdict(state, addRole('r4', allow({ grantee: [{ id: 'b'.repeat(32) }] })), user.userId)).toBe(
      'untrusted',
    )
    expect(trustVerdict(state, addRole('r5', allow(byAccount)), undefined)).toBe('account')
    expect(trustVerdict(state, addRole('r6', allow({ grantee: [{ id: user.userId }] })), undefined)).toBe('untrusted')
    expect(
      trustVerdict(state, addRole('r7', allow(byAccount), { ...allow(byAccount), effect: 'Deny' }), user.userId),
    ).toBe('denied')
    expect(
      trustVerdict(
        state,
        addRole('r8', allow(byAccount), { ...allow({ grantee: [{ id: user.userId }] }), effect: 'Deny' }),
        user.userId,
      ),
    ).toBe('denied')
  })

  it('an Allow naming the caller only through * is not "principal"', () => {
    const user = addUser('u')
    expect(trustVerdict(state, addRole('r', allow({ grantee: [{ id: '*' }, { id: 'other' }] })), user.userId)).toBe(
      'account',
    )
  })

  it('re-reads a trust document when it changes', () => {
    const user = addUser('u')
    const role = addRole('r', allow(byAccount))
    expect(trustVerdict(state, role, user.userId)).toBe('account')
    const changed = {
      ...role,
      assumeRolePolicyDocument: JSON.stringify({ accessControlList: [allow({ grantee: [{ id: 'x' }] })] }),
    }
    expect(trustVerdict(state, changed, user.userId)).toBe('untrusted')
  })
})

describe('decideAssumeRole', () => {
  it('the root account needs only the trust', () => {
    expect(decideAssumeRole(state, ROOT, addRole('ok', allow(byAccount)))).toEqual({ allowed: true, trust: 'account' })
    expect(decideAssumeRole(state, ROOT, addRole('no', allow({ grantee: [{ id: 'other' }] })))).toEqual({
      allowed: false,
      refusedBy: 'trust',
      reason: 'ImplicitDeny',
    })
  })

  it('a sub-user named by the trust needs no policy; one trusted only via the account needs AssumeRole', () => {
    const bare = addUser('bare')
    const named = addRole('named', allow({ grantee: [{ id: bare.userId }] }))
    const account = addRole('account', allow(byAccount))
    expect(decideAssumeRole(state, bare, named)).toEqual({ allowed: true, trust: 'principal' })
    expect(decideAssumeRole(state, bare, account)).toEqual({
      allowed: false,
      refusedBy: 'policies',
      reason: 'ImplicitDeny',
    })
    const onRole = addUser('onRole', [allow({ resource: ['role/account'] })])
    expect(decideAssumeRole(state, onRole, account)).toEqual({ allowed: true, trust: 'account' })
    const otherRole = addUser('otherRole', [allow({ resource: ['role/other'] })])
    expect(decideAssumeRole(state, otherRole, account)).toMatchObject({ allowed: false, refusedBy: 'policies' })
    const full = addUser('full', [allow({ permission: ['FULL_CONTROL'] })])
    expect(decideAssumeRole(state, full, account)).toEqual({ allowed: true, trust: 'account' })
    const readOnly = addUser('readOnly', [allow({ permission: ['READ'] })])
    expect(decideAssumeRole(state, readOnly, account)).toMatchObject({ allowed: false, refusedBy: 'policies' })
  })

  it("a Deny in the caller's policies refuses even when the trust names the caller", () => {
    const user = addUser('u', [{ ...allow(), effect: 'Deny' }])
    const role = addRole('r', allow({ grantee: [{ id: user.userId }] }))
    expect(decideAssumeRole(state, user, role)).toEqual({
      allowed: false,
      refusedBy: 'policies',
      reason: 'ExplicitDeny',
    })
  })

  it('a session ACL must allow AssumeRole on role/<name>, for root as well', () => {
    const role = addRole('r', allow(byAccount))
    const read = { accessControlList: [allow({ permission: ['READ'] })] }
    const onRole = { accessControlList: [allow({ resource: ['role/r'] })] }
    const denying = { accessControlList: [allow(), { ...allow(), effect: 'Deny' }] }
    expect(decideAssumeRole(state, session(ROOT, read), role)).toEqual({
      allowed: false,
      refusedBy: 'sessionAcl',
      reason: 'ImplicitDeny',
    })
    expect(decideAssumeRole(state, session(ROOT, onRole), role)).toEqual({ allowed: true, trust: 'account' })
    expect(decideAssumeRole(state, session(ROOT, denying), role)).toEqual({
      allowed: false,
      refusedBy: 'sessionAcl',
      reason: 'ExplicitDeny',
    })
    expect(decideAssumeRole(state, session(ROOT), role)).toEqual({ allowed: true, trust: 'account' })
  })

  it('order: a trust Deny first, then a policy Deny, then the session ACL, then an untrusting trust', () => {
    const user = addUser('u', [{ ...allow(), effect: 'Deny' }])
    const denyingTrust = addRole('d', { ...allow(byAccount), effect: 'Deny' })
    const untrusting = addRole('x', allow({ grantee: [{ id: 'other' }] }))
    const readOnly = { accessControlList: [allow({ permission: ['READ'] })] }
    expect(decideAssumeRole(state, user, denyingTrust)).toMatchObject({ refusedBy: 'trust', reason: 'ExplicitDeny' })
    expect(decideAssumeRole(state, session(user, readOnly), untrusting)).toMatchObject({
      refusedBy: 'policies',
      reason: 'ExplicitDeny',
    })
    expect(decideAssumeRole(state, session(ROOT, readOnly), untrusting)).toMatchObject({ refusedBy: 'sessionAcl' })
  })

  it('a caller that is gone or disabled is refused as principal', () => {
    const role = addRole('r', allow(byAccount))
    const gone: Principal = { kind: 'user', userName: 'gone', userId: 'nope' }
    expect(decideAssumeRole(state, gone, role)).toEqual({
      allowed: false,
      refusedBy: 'principal',
      reason: 'ImplicitDeny',
    })
    const goneRole: Principal = session({ kind: 'role', roleName: 'gone', roleId: 'nope' })
    expect(decideAssumeRole(state, goneRole, role)).toMatchObject({ refusedBy: 'principal' })
  })

  it("a role session is judged by the role's own id and policies", () => {
    const from = addRole('from', allow(byAccount))
    const caller = session({ kind: 'role' as const, roleName: 'from', roleId: from.id })
    const target = addRole('target', allow({ grantee: [{ id: from.id }] }))
    expect(decideAssumeRole(state, caller, target)).toEqual({ allowed: true, trust: 'principal' })
    expect(decideAssumeRole(state, caller, addRole('acct', allow(byAccount)))).toMatchObject({ refusedBy: 'policies' })
  })
})

describe('authorizeAssumeRole', () => {
  it('undefined when allowed; 403 AccessDenied saying which check refused and why', () => {
    const role = addRole('admin', allow(byAccount))
    expect(authorizeAssumeRole(state, ROOT, role)).toBeUndefined()
    const prefix = 'assumeRole needs AssumeRole on bce:iam resource "role/admin": '
    expect(authorizeAssumeRole(state, addUser('bare'), role)).toEqual({
      status: 403,
      code: 'AccessDenied',
      message: `${prefix}the trust policy names only the account, so the caller also needs a policy allowing it (or the trust must name the caller itself)`,
    })
    expect(authorizeAssumeRole(state, addUser('denied', [{ ...allow(), effect: 'Deny' }]), role)?.message).toBe(
      `${prefix}a policy of the caller denies it`,
    )
    expect(
      authorizeAssumeRole(state, session(ROOT, { accessControlList: [allow({ permission: ['READ'] })] }), role)
        ?.message,
    ).toBe(`${prefix}the ACL of the temporary credentials does not allow it`)
    expect(
      authorizeAssumeRole(state, session(ROOT, { accessControlList: [{ ...allow(), effect: 'Deny' }] }), role)?.message,
    ).toBe(`${prefix}the ACL of the temporary credentials denies it`)
    expect(authorizeAssumeRole(state, { kind: 'user', userName: 'x', userId: 'x' }, role)?.message).toBe(
      `${prefix}the caller no longer exists or is disabled`,
    )
    const other = addRole('other', allow({ grantee: [{ id: 'b'.repeat(32) }] }))
    expect(authorizeAssumeRole(state, ROOT, other)?.message).toBe(
      'assumeRole needs AssumeRole on bce:iam resource "role/other": its trust policy does not name the caller or this account',
    )
    const denying = addRole('denying', { ...allow(byAccount), effect: 'Deny' })
    expect(authorizeAssumeRole(state, ROOT, denying)?.message).toBe(
      'assumeRole needs AssumeRole on bce:iam resource "role/denying": its trust policy denies the caller',
    )
  })

  it('assumeRoleRequest is AssumeRole on role/<name> in bce:iam, bj', () => {
    expect(assumeRoleRequest('r')).toEqual({
      service: 'bce:iam',
      region: 'bj',
      permission: 'AssumeRole',
      resource: 'role/r',
    })
  })
})
