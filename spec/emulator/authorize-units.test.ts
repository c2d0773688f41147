import type { AclRequest } from '../../lib'
import { resolveResource, ROUTE_PERMISSIONS } from '../../lib/emulator/authorization/access'
import { trustVerdict } from '../../lib/emulator/authorization/assume-role'
import { authorize as authorizeResult, authorizationRequest, decide } from '../../lib/emulator/authorization/authorize'
import { PolicyAclCache, SessionAclCache } from '../../lib/emulator/authorization/policy-acls'
import type { Principal } from '../../lib/emulator/principal'
import type { Route, RouteMatch } from '../../lib/emulator/route-match'
import type { RoleRecord } from '../../lib/emulator/state/roles'
import { holderState } from '../support/holder-state'

/** {@link authorizeResult} as a denial (undefined when the request may proceed), for plain assertions. */
const authorize = (...args: Parameters<typeof authorizeResult>) => {
  const result = authorizeResult(...args)
  return result.isOk() ? undefined : result.error
}

const allowAll = { service: '*', region: '*', resource: ['*'], permission: ['*'], effect: 'Allow' }
const denyAll = { ...allowAll, effect: 'Deny' }
const readUsers: AclRequest = { service: 'bce:iam', region: 'bj', resource: 'user/x', permission: 'READ' }

const holder = (acl?: object): Principal => ({
  kind: 'user',
  userName: 'holder',
  userId: 'u1',
  ...(acl === undefined ? {} : { viaSession: { accessKeyId: 'tmp', expiration: '2099-01-01T00:00:00Z', acl } }),
})

const getUserMatch: RouteMatch = {
  route: { operation: 'getUser', permission: 'READ', resource: 'user/{userName}' } as unknown as Route,
  params: { userName: 'x' },
}

describe('decide: which check refuses, and why', () => {
  it('a caller that no longer exists is refused by the principal check', () => {
    expect(decide(holderState(allowAll), { kind: 'user', userName: 'gone', userId: 'u9' }, readUsers)).toEqual({
      allowed: false,
      reason: 'ImplicitDeny',
      source: 'principal',
    })
  })

  it('a Deny in both the policies and the session ACL is reported as the policies', () => {
    expect(decide(holderState(denyAll), holder({ accessControlList: [denyAll] }), readUsers)).toEqual({
      allowed: false,
      reason: 'ExplicitDeny',
      source: 'policies',
    })
  })

  it("a session ACL's Deny wins over policies that merely fail to allow", () => {
    expect(decide(holderState(), holder({ accessControlList: [denyAll] }), readUsers)).toEqual({
      allowed: false,
      reason: 'ExplicitDeny',
      source: 'sessionAcl',
    })
  })

  it('an attachment to a policy that no longer exists (a state file from elsewhere) is ignored', () => {
    const state = holderState(allowAll)
    state.attachments.add({ target: 'user', targetId: 'u1', policyId: 'ghost', attachTime: state.timestamp() })
    expect(decide(state, holder(), readUsers)).toEqual({ allowed: true })
  })

  it('policies that allow and a session ACL that does not is an implicit denial by the session ACL', () => {
    expect(decide(holderState(allowAll), holder({ accessControlList: [] }), readUsers)).toEqual({
      allowed: false,
      reason: 'ImplicitDeny',
      source: 'sessionAcl',
    })
    expect(decide(holderState(allowAll), holder({ accessControlList: [allowAll] }), readUsers)).toEqual({
      allowed: true,
    })
  })
})

describe('authorize: the 403 names the operation, permission, resource and the reason', () => {
  it.each([
    ['no policy', holderState(), holder(), 'no policy of the caller allows it'],
    ['a denying policy', holderState(denyAll), holder(), 'a policy of the caller denies it'],
    [
      'a denying session ACL',
      holderState(allowAll),
      holder({ accessControlList: [denyAll] }),
      'the ACL of the temporary credentials denies it',
    ],
    [
      'a session ACL that does not allow',
      holderState(allowAll),
      holder({ accessControlList: [] }),
      'the ACL of the temporary credentials does not allow it',
    ],
  ])('%s', (_what, state, principal, why) => {
    expect(authorize(state, principal, getUserMatch)).toEqual({
      status: 403,
      code: 'AccessDenied',
      message: `getUser needs READ on bce:iam resource "user/x": ${why}`,
    })
  })

  it('a caller that is gone', () => {
    expect(authorize(holderState(), { kind: 'user', userName: 'gone', userId: 'u9' }, getUserMatch)?.message).toBe(
      'getUser needs READ on bce:iam resource "user/x": the caller no longer exists or is disabled',
    )
  })

  it('a policy id the state does not know stays the id in the resource', () => {
    const match: RouteMatch = {
      route: { operation: 'listPolicyEntities', permission: 'READ', resource: 'policy/{policyId}' } as unknown as Route,
      params: { policyId: 'nope' },
    }
    expect(authorizationRequest(holderState(allowAll), match).resource).toBe('policy/nope')
    expect(authorizationRequest(holderState(allowAll), { ...match, params: { policyId: 'p1' } }).resource).toBe(
      'policy/p',
    )
  })
})

describe('resolveResource and the permission list', () => {
  it('fills placeholders; only {policyId} is looked up; a missing parameter is empty', () => {
    const lookup = (id: string): string | undefined => (id === 'p1' ? 'named' : undefined)
    expect(resolveResource('policy/{policyId}', { policyId: 'p1' }, lookup)).toBe('policy/named')
    expect(resolveResource('policy/{policyId}', { policyId: 'p2' }, lookup)).toBe('policy/p2')
    expect(resolveResource('user/{userName}', { userName: 'p1' }, lookup)).toBe('user/p1')
    expect(resolveResource('user/{userName}/x', {}, lookup)).toBe('user//x')
  })

  it('every route permission is listed', () => {
    expect(ROUTE_PERMISSIONS).toEqual(['READ', 'FULL_CONTROL', 'none'])
  })
})

describe('PolicyAclCache', () => {
  const counting = (): { cache: PolicyAclCache; reads: () => number } => {
    let reads = 0
    const cache = new PolicyAclCache((document) => {
      reads += 1
      return { accessControlList: [], document } as never
    })
    return { cache, reads: () => reads }
  }

  it('reads a document once, and again when it changes', () => {
    const { cache, reads } = counting()
    const first = cache.aclOf({ id: 'a', document: 'one' })
    expect(cache.aclOf({ id: 'a', document: 'one' })).toBe(first)
    expect(reads()).toBe(1)
    cache.aclOf({ id: 'a', document: 'two' })
    expect(reads()).toBe(2)
  })

  it('holds 4096 policies; a new one beyond that empties it, a changed one does not', () => {
    const { cache, reads } = counting()
    for (let i = 0; i < 4095; i += 1) cache.aclOf({ id: `p${i}`, document: 'd' })
    cache.aclOf({ id: 'p4095', document: 'd' })
    cache.aclOf({ id: 'p0', document: 'd' })
    expect(reads()).toBe(4096) // still cached at 4096 entries
    cache.aclOf({ id: 'p1', document: 'changed' })
    cache.aclOf({ id: 'p2', document: 'd' })
    expect(reads()).toBe(4097) // a changed document replaced its entry without emptying the cache
    cache.aclOf({ id: 'new', document: 'd' })
    cache.aclOf({ id: 'p2', document: 'd' })
    expect(reads()).toBe(4099) // the new id emptied the full cache, so p2 was read again
  })
})

describe('SessionAclCache', () => {
  it('reads a stored ACL object once and hands back the same parsed ACL', () => {
    const cache = new SessionAclCache()
    const stored = { accessControlList: [allowAll] }
    const acl = cache.aclOf(stored)
    expect(acl.accessControlList).toHaveLength(1)
    expect(cache.aclOf(stored)).toBe(acl)
  })

  it('reads ACL text and values that are not objects without caching them', () => {
    const cache = new SessionAclCache()
    expect(cache.aclOf(JSON.stringify({ accessControlList: [denyAll] })).accessControlList[0]?.effect).toBe('Deny')
    expect(() => cache.aclOf(null)).not.toThrow()
    expect(cache.aclOf(null)).toBeNull()
  })
})

describe('trustVerdict: who a trust document names', () => {
  const state = holderState()
  const roleTrusting = (...grantees: string[]): RoleRecord => ({
    id: 'r1',
    name: 'ops',
    description: '',
    createTime: state.timestamp(),
    assumeRolePolicyDocument: JSON.stringify({
      accessControlList: [
        {
          service: 'bce:iam',
          region: '*',
          resource: ['*'],
          permission: ['AssumeRole'],
          effect: 'Allow',
          grantee: grantees.map((id) => ({ id })),
        },
      ],
    }),
  })

  it('a trust naming only the account trusts a sub-user as part of the account, not by name', () => {
    expect(trustVerdict(state, roleTrusting(state.accountId), 'u1')).toBe('account')
    expect(trustVerdict(state, roleTrusting(state.accountId), undefined)).toBe('account')
  })

  it('a trust naming the account and the sub-user names the sub-user', () => {
    expect(trustVerdict(state, roleTrusting(state.accountId, 'u1'), 'u1')).toBe('principal')
    expect(trustVerdict(state, roleTrusting('u1'), 'u1')).toBe('principal')
    expect(trustVerdict(state, roleTrusting('u2'), 'u1')).toBe('untrusted')
  })
})
