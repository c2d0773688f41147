import type { AclRequest } from '../../lib/acl/evaluate-acl'
import { EMULATOR_REGION, IAM_SERVICE, resolveResource } from '../../lib/emulator/authorization/access'
import { authorize as authorizeResult, decide } from '../../lib/emulator/authorization/authorize'
import { PolicyAclCache, readStoredAcl } from '../../lib/emulator/authorization/policy-acls'
import { EmulatorClock } from '../../lib/emulator/clock'
import { IdGenerator } from '../../lib/emulator/ids'
import type { Principal, ViaSession } from '../../lib/emulator/principal'
import type { RouteMatch } from '../../lib/emulator/route-match'
import { ROUTES } from '../../lib/emulator/routes'
import {
  DEFAULT_LIMITS,
  EmulatorState,
  SYSTEM_POLICIES,
  type AttachmentTarget,
  type PolicyRecord,
} from '../../lib/emulator/state'

/** {@link authorizeResult} as a denial (undefined when the request may proceed), for plain assertions. */
const authorize = (...args: Parameters<typeof authorizeResult>) => {
  const result = authorizeResult(...args)
  return result.isOk() ? undefined : result.error
}

const ROOT = { accessKeyId: 'root-ak', secretAccessKey: 'root-secret-never-shown' }
let state: EmulatorState
beforeEach(() => {
  state = new EmulatorState({
    root: ROOT,
    accountId: 'a'.repeat(32),
    clock: new EmulatorClock(() => 1_700_000_000_000),
    ids: new IdGenerator(7),
    limits: DEFAULT_LIMITS,
  })
})

const request = (permission: 'READ' | 'FULL_CONTROL', resource = '*'): AclRequest => ({
  service: IAM_SERVICE,
  region: EMULATOR_REGION,
  resource,
  permission,
})
const READ = request('READ')
const WRITE = request('FULL_CONTROL')

function addUser(name: string, enabled = true): Principal {
  const id = state.ids.next()
  state.users.set(name, { id, name, description: '', enabled, createTime: state.timestamp() })
  return { kind: 'user', userName: name, userId: id }
}

function addGroup(name: string): string {
  const id = state.ids.next()
  state.groups.set(name, { id, name, description: '', createTime: state.timestamp() })
  return id
}

function addRole(name: string): Principal & { kind: 'role' } {
  const id = state.ids.next()
  state.roles.set(name, { id, name, description: '', assumeRolePolicyDocument: '{}', createTime: state.timestamp() })
  return {
    kind: 'role',
    roleName: name,
    roleId: id,
    viaSession: { accessKeyId: 'tmp', expiration: '2100-01-01T00:00:00Z' },
  }
}

type Statement = { service: string; region: string; resource: string[]; permission: string[]; effect: 'Allow' | 'Deny' }
const statement = (overrides: Partial<Statement> = {}): Statement => ({
  service: 'bce:iam',
  region: '*',
  resource: ['*'],
  permission: ['READ'],
  effect: 'Allow',
  ...overrides,
})

function addPolicy(name: string, ...statements: Statement[]): PolicyRecord {
  const id = state.ids.next()
  const policy: PolicyRecord = {
    id,
    name,
    type: 'Custom',
    description: '',
    document: JSON.stringify({ id: `policy_${id}`, accessControlList: statements }),
    createTime: state.timestamp(),
  }
  state.policies.set(name, policy)
  return policy
}

const system = (name: string): PolicyRecord => SYSTEM_POLICIES.get(name) as PolicyRecord
const attach = (target: AttachmentTarget, targetId: string, policy: PolicyRecord): void => {
  state.attachments.add({ target, targetId, policyId: policy.id, attachTime: state.timestamp() })
}
const userId = (principal: Principal): string => (principal.kind === 'user' ? principal.userId : '')
const withSession = <P extends Principal>(principal: P, acl?: unknown): P => {
  const viaSession: ViaSession = {
    accessKeyId: 'tmp',
    expiration: '2100-01-01T00:00:00Z',
    ...(acl === undefined ? {} : { acl }),
  }
  return { ...principal, viaSession }
}
const sessionAcl = (...statements: Statement[]) => ({ accessControlList: statements })

describe('who is allowed (decide)', () => {
  it('the root key pair is always allowed, and so are root temporary credentials without an ACL', () => {
    expect(decide(state, { kind: 'root' }, WRITE)).toEqual({ allowed: true })
    expect(decide(state, { kind: 'root' }, request('READ', 'user/anyone'))).toEqual({ allowed: true })
    expect(decide(state, withSession({ kind: 'root' }), WRITE)).toEqual({ allowed: true })
  })

  it('root temporary credentials issued with an ACL are narrowed by it', () => {
    const narrowed = withSession({ kind: 'root' }, sessionAcl(statement()))
    expect(decide(state, narrowed, READ)).toEqual({ allowed: true })
    expect(decide(state, narrowed, WRITE)).toEqual({ allowed: false, reason: 'ImplicitDeny', source: 'sessionAcl' })
  })

  it('a user without policies is denied everything, reads included', () => {
    const amy = addUser('amy')
    expect(decide(state, amy, READ)).toEqual({ allowed: false, reason: 'ImplicitDeny', source: 'policies' })
    expect(decide(state, amy, WRITE)).toEqual({ allowed: false, reason: 'ImplicitDeny', source: 'policies' })
  })

  it('a directly attached policy grants: READ gives reads only; FULL_CONTROL and * give both', () => {
    const amy = addUser('amy')
    attach('user', userId(amy), system('IAMReadAccess'))
    expect(decide(state, amy, READ).allowed).toBe(true)
    expect(decide(state, amy, request('READ', 'user/bob')).allowed).toBe(true)
    expect(decide(state, amy, WRITE)).toEqual({ allowed: false, reason: 'ImplicitDeny', source: 'policies' })
    const ben = addUser('ben')
    attach('user', userId(ben), system('IAMFullControlAccess'))
    expect([decide(state, ben, READ).allowed, decide(state, ben, WRITE).allowed]).toEqual([true, true])
    const cat = addUser('cat')
    attach('user', userId(cat), system('AdministratorAccess'))
    expect([decide(state, cat, READ).allowed, decide(state, cat, WRITE).allowed]).toEqual([true, true])
  })

  it('only statements for bce:iam (or *), a matching region (the emulator is bj) and a matching resource count', () => {
    const amy = addUser('amy')
    attach('user', userId(amy), addPolicy('other-service', statement({ service: 'bcc', permission: ['*'] })))
    attach('user', userId(amy), addPolicy('other-region', statement({ region: 'gz', permission: ['*'] })))
    expect(decide(state, amy, READ).allowed).toBe(false)
    attach(
      'user',
      userId(amy),
      addPolicy('alices', statement({ region: 'bj', resource: ['user/al*'], permission: ['FULL_CONTROL'] })),
    )
    expect(decide(state, amy, request('FULL_CONTROL', 'user/alice')).allowed).toBe(true)
    expect(decide(state, amy, request('READ', 'user/alex')).allowed).toBe(true)
    expect(decide(state, amy, request('FULL_CONTROL', 'user/bob')).allowed).toBe(false)
    expect(decide(state, amy, WRITE).allowed).toBe(false) // account-level `*` is not user/al*
  })

  it('inherits the policies of every group the user belongs to, and stops when it leaves', () => {
    const amy = addUser('amy')
    const readers = addGroup('readers')
    const writers = addGroup('writers')
    attach('group', readers, system('IAMReadAccess'))
    attach('group', writers, system('IAMFullControlAccess'))
    state.memberships.add({ groupId: readers, userId: userId(amy), joinTime: state.timestamp() })
    expect([decide(state, amy, READ).allowed, decide(state, amy, WRITE).allowed]).toEqual([true, false])
    state.memberships.add({ groupId: writers, userId: userId(amy), joinTime: state.timestamp() })
    expect(decide(state, amy, WRITE).allowed).toBe(true)
    state.memberships.delete(`${writers}\u0000${userId(amy)}`)
    expect([decide(state, amy, READ).allowed, decide(state, amy, WRITE).allowed]).toEqual([true, false])
  })

  it("an explicit Deny (own or a group's) overrides any Allow; a Deny of FULL_CONTROL covers reads too", () => {
    const amy = addUser('amy')
    attach('user', userId(amy), system('AdministratorAccess'))
    const group = addGroup('locked')
    attach('group', group, addPolicy('no-iam-changes', statement({ permission: ['FULL_CONTROL'], effect: 'Deny' })))
    expect(decide(state, amy, WRITE).allowed).toBe(true)
    state.memberships.add({ groupId: group, userId: userId(amy), joinTime: state.timestamp() })
    expect(decide(state, amy, WRITE)).toEqual({ allowed: false, reason: 'ExplicitDeny', source: 'policies' })
    expect(decide(state, amy, READ)).toEqual({ allowed: false, reason: 'ExplicitDeny', source: 'policies' })
    const ben = addUser('ben')
    attach('user', userId(ben), system('AdministratorAccess'))
    attach(
      'user',
      userId(ben),
      addPolicy('no-bob', statement({ resource: ['user/bob'], permission: ['*'], effect: 'Deny' })),
    )
    expect(decide(state, ben, request('READ', 'user/bob')).allowed).toBe(false)
    expect(decide(state, ben, request('FULL_CONTROL', 'user/alice')).allowed).toBe(true)
  })

  it('a session ACL narrows a user: both must allow, a Deny in either refuses', () => {
    const amy = addUser('amy')
    attach('user', userId(amy), system('IAMFullControlAccess'))
    const readOnly = withSession(amy, sessionAcl(statement()))
    expect(decide(state, readOnly, READ).allowed).toBe(true)
    expect(decide(state, readOnly, WRITE)).toEqual({ allowed: false, reason: 'ImplicitDeny', source: 'sessionAcl' })
    const denying = withSession(
      amy,
      sessionAcl(
        statement({ permission: ['*'] }),
        statement({ resource: ['user/root*'], permission: ['*'], effect: 'Deny' }),
      ),
    )
    expect(decide(state, denying, request('FULL_CONTROL', 'user/rooty'))).toEqual({
      allowed: false,
      reason: 'ExplicitDeny',
      source: 'sessionAcl',
    })
    expect(decide(state, denying, request('FULL_CONTROL', 'user/bob')).allowed).toBe(true)
    expect(decide(state, withSession(amy), WRITE).allowed).toBe(true) // no ACL: exactly the user's rights

    const reader = addUser('reader')
    attach('user', userId(reader), system('IAMReadAccess'))
    const broad = withSession(reader, sessionAcl(statement({ service: '*', permission: ['*'] })))
    expect(decide(state, broad, WRITE)).toEqual({ allowed: false, reason: 'ImplicitDeny', source: 'policies' }) // an ACL never widens
  })

  it("a role session gets exactly the role's attached policies, narrowed by its ACL", () => {
    const role = addRole('ops')
    expect(decide(state, role, READ)).toEqual({ allowed: false, reason: 'ImplicitDeny', source: 'policies' })
    attach('role', role.roleId, system('IAMReadAccess'))
    expect([decide(state, role, READ).allowed, decide(state, role, WRITE).allowed]).toEqual([true, false])
    attach('role', role.roleId, system('IAMFullControlAccess'))
    expect(decide(state, role, WRITE).allowed).toBe(true)
    expect(decide(state, withSession(role, sessionAcl(statement())), WRITE).allowed).toBe(false)
    state.roles.delete('ops')
    expect(decide(state, role, READ)).toEqual({ allowed: false, reason: 'ImplicitDeny', source: 'principal' })
  })

  it('reads the current state on every call: detaching or rewriting a policy takes effect at once', () => {
    const amy = addUser('amy')
    const policy = addPolicy('iam-writer', statement({ permission: ['FULL_CONTROL'] }))
    attach('user', userId(amy), policy)
    expect(decide(state, amy, WRITE).allowed).toBe(true)
    state.policies.set(policy.name, { ...policy, document: JSON.stringify({ accessControlList: [statement()] }) })
    expect([decide(state, amy, READ).allowed, decide(state, amy, WRITE).allowed]).toEqual([true, false])
    state.attachments.delete(`user\u0000${userId(amy)}\u0000${policy.id}`)
    expect(decide(state, amy, READ).allowed).toBe(false)
  })

  it('a disabled or deleted user is refused whatever its policies', () => {
    const amy = addUser('amy')
    attach('user', userId(amy), system('AdministratorAccess'))
    state.users.set('amy', {
      ...(state.users.get('amy') as NonNullable<ReturnType<typeof state.users.get>>),
      enabled: false,
    })
    expect(decide(state, amy, READ)).toEqual({ allowed: false, reason: 'ImplicitDeny', source: 'principal' })
    state.users.delete('amy')
    expect(decide(state, amy, READ)).toEqual({ allowed: false, reason: 'ImplicitDeny', source: 'principal' })
    expect(decide(state, addUser('ghost', false), READ).allowed).toBe(false)
  })
})

describe('authorize (a routed request)', () => {
  const matchOf = (operation: string, params: Record<string, string> = {}): RouteMatch => {
    const route = ROUTES.find((candidate) => candidate.operation === operation)
    if (route === undefined) throw new Error(operation)
    return { route, params }
  }

  it('answers 403 AccessDenied naming the operation, permission and resource, never a secret', () => {
    const amy = addUser('amy')
    attach('user', userId(amy), system('IAMReadAccess'))
    expect(authorize(state, amy, matchOf('listUsers'))).toBeUndefined()
    const denied = authorize(state, amy, matchOf('deleteUser', { userName: 'bob' }))
    expect(denied).toEqual({
      status: 403,
      code: 'AccessDenied',
      message: 'deleteUser needs FULL_CONTROL on bce:iam resource "user/bob": no policy of the caller allows it',
    })
    const viaSession = withSession(amy, sessionAcl(statement({ resource: ['group/*'] })))
    expect(authorize(state, viaSession, matchOf('getUser', { userName: 'bob' }))?.message).toBe(
      'getUser needs READ on bce:iam resource "user/bob": the ACL of the temporary credentials does not allow it',
    )
    expect(JSON.stringify(denied)).not.toContain(ROOT.secretAccessKey)
  })

  it('lets STS operations through for anyone authenticated (the handler and trust document decide)', () => {
    const nobody = addUser('nobody')
    expect(authorize(state, nobody, matchOf('getSessionToken'))).toBeUndefined()
    expect(authorize(state, nobody, matchOf('assumeRole'))).toBeUndefined()
    expect(authorize(state, nobody, matchOf('getUser', { userName: 'nobody' }))?.code).toBe('AccessDenied')
  })

  it('names a policy addressed by id by its name, so policy/<name> patterns cover listPolicyEntities', () => {
    const amy = addUser('amy')
    const mine = addPolicy('mine', statement())
    attach('user', userId(amy), addPolicy('see-mine', statement({ resource: ['policy/mine'] })))
    expect(authorize(state, amy, matchOf('listPolicyEntities', { policyId: mine.id }))).toBeUndefined()
    expect(
      authorize(state, amy, matchOf('listPolicyEntities', { policyId: system('IAMReadAccess').id }))?.message,
    ).toContain('"policy/IAMReadAccess"')
    expect(resolveResource('policy/{policyId}', { policyId: 'unknown-id' }, () => undefined)).toBe('policy/unknown-id')
    expect(resolveResource('group/{groupName}', { groupName: '$&{x}' }, () => undefined)).toBe('group/$&{x}')
  })
})

describe('parsed policy cache', () => {
  it('parses each policy document once, and again only when its text changes', () => {
    let parses = 0
    const cache = new PolicyAclCache((document) => {
      parses += 1
      return readStoredAcl(document)
    })
    const policy = system('IAMReadAccess')
    const first = cache.aclOf(policy)
    for (let i = 0; i < 100; i += 1) expect(cache.aclOf(policy)).toBe(first)
    expect(parses).toBe(1)
    const rewritten = { ...policy, document: JSON.stringify({ accessControlList: [statement({ permission: ['*'] })] }) }
    expect(cache.aclOf(rewritten).accessControlList[0]?.permission).toEqual(['*'])
    expect(parses).toBe(2)
  })

  it('evaluates a stored document the strict parser refuses as stored (a malformed statement matches nothing)', () => {
    const acl = readStoredAcl(
      JSON.stringify({
        accessControlList: [{ ...statement(), resource: [] }, statement({ permission: ['FULL_CONTROL'] })],
      }),
    )
    expect(acl.accessControlList).toHaveLength(2)
    const amy = addUser('amy')
    attach(
      'user',
      userId(amy),
      addPolicy(
        'odd',
        { ...statement(), resource: [] },
        statement({ resource: ['user/*'], permission: ['FULL_CONTROL'] }),
      ),
    )
    expect(decide(state, amy, READ).allowed).toBe(false)
    expect(decide(state, amy, request('FULL_CONTROL', 'user/x')).allowed).toBe(true)
  })
})
