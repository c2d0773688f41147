import * as accessKeys from './handlers/access-keys'
import { attachPolicy, detachPolicy, listAttachedPolicies } from './handlers/attachments'
import type { HandlerContext } from './handlers/context'
import * as groups from './handlers/groups'
import * as idp from './handlers/idp'
import * as loginProfile from './handlers/login-profile'
import * as memberships from './handlers/memberships'
import * as mfa from './handlers/mfa'
import * as policies from './handlers/policies'
import * as policyEntities from './handlers/policy-entities'
import * as roles from './handlers/roles'
import * as sts from './handlers/sts'
import * as subUser from './handlers/sub-user'
import * as users from './handlers/users'
import type { Outcome } from './wire'

/** A route: method, path pattern with `{param}` segments, optional required query flag, the SDK method it serves. */
export interface Route {
  readonly method: string
  readonly pattern: string
  /** A query key that must be present for this route (e.g. `disable`). */
  readonly flag?: string
  /** The SDK method this route serves, e.g. `createUser` (the request log and fault injection use it). */
  readonly operation: string
  /** Success status (documentation; the handler decides). */
  readonly status: 200 | 201
  readonly handle: (context: HandlerContext) => Outcome
}

const route = (method: string, pattern: string, operation: string, handle: Route['handle'], extra: { flag?: string; status?: 201 } = {}): Route => ({
  method,
  pattern,
  operation,
  status: extra.status ?? 200,
  handle,
  ...(extra.flag === undefined ? {} : { flag: extra.flag }),
})

/**
 * Every IAM and STS route the emulator serves (one port: their paths do not collide). Where a
 * literal segment and a `{param}` could both match (`/v1/subUser/idp/update` vs
 * `/v1/subUser/{userName}/update`), the literal route comes first and differs in method.
 */
export const ROUTES: readonly Route[] = [
  route('POST', '/v1/user', 'createUser', users.createUser, { status: 201 }),
  route('GET', '/v1/user', 'listUsers', users.listUsers),
  route('GET', '/v1/user/{userName}', 'getUser', users.getUser),
  route('PUT', '/v1/user/{userName}', 'updateUser', users.updateUser),
  route('DELETE', '/v1/user/{userName}', 'deleteUser', users.deleteUser),
  route('PUT', '/v1/user/{userName}/loginProfile', 'updateLoginProfile', loginProfile.updateLoginProfile),
  route('GET', '/v1/user/{userName}/loginProfile', 'getLoginProfile', loginProfile.getLoginProfile),
  route('DELETE', '/v1/user/{userName}/loginProfile', 'deleteLoginProfile', loginProfile.deleteLoginProfile),
  route('POST', '/v1/user/operation/mfa/switch', 'setUserOperationMfa', mfa.setUserOperationMfa),
  route('DELETE', '/v1/user/{userName}/mfaType/{mfaType}', 'unbindUserMfaDevice', mfa.unbindUserMfaDevice),

  route('POST', '/v1/user/{userName}/accesskey', 'createAccessKey', accessKeys.createAccessKey),
  route('GET', '/v1/user/{userName}/accesskey', 'listAccessKeys', accessKeys.listAccessKeys),
  route('PUT', '/v1/user/{userName}/accesskey/{accessKeyId}', 'disableAccessKey', accessKeys.disableAccessKey, { flag: 'disable' }),
  route('PUT', '/v1/user/{userName}/accesskey/{accessKeyId}', 'enableAccessKey', accessKeys.enableAccessKey, { flag: 'enable' }),
  route('DELETE', '/v1/user/{userName}/accesskey/{accessKeyId}', 'deleteAccessKey', accessKeys.deleteAccessKey),

  route('POST', '/v1/group', 'createGroup', groups.createGroup, { status: 201 }),
  route('GET', '/v1/group', 'listGroups', groups.listGroups),
  route('GET', '/v1/group/{groupName}', 'getGroup', groups.getGroup),
  route('PUT', '/v1/group/{groupName}', 'updateGroup', groups.updateGroup),
  route('DELETE', '/v1/group/{groupName}', 'deleteGroup', groups.deleteGroup),
  route('PUT', '/v1/group/{groupName}/user/{userName}', 'addUserToGroup', memberships.addUserToGroup),
  route('DELETE', '/v1/group/{groupName}/user/{userName}', 'removeUserFromGroup', memberships.removeUserFromGroup),
  route('GET', '/v1/group/{groupName}/user', 'listUsersInGroup', memberships.listUsersInGroup),
  route('GET', '/v1/user/{userName}/group', 'listGroupsForUser', memberships.listGroupsForUser),

  route('POST', '/v1/policy', 'createPolicy', policies.createPolicy, { status: 201 }),
  route('GET', '/v1/policy', 'listPolicies', policies.listPolicies),
  route('GET', '/v1/policy/{policyName}', 'getPolicy', policies.getPolicy),
  route('POST', '/v1/policy/{policyName}', 'updatePolicy', policies.updatePolicy),
  route('DELETE', '/v1/policy/{policyName}', 'deletePolicy', policies.deletePolicy),
  route('PUT', '/v1/user/{userName}/policy/{policyName}', 'attachPolicyToUser', attachPolicy('user')),
  route('DELETE', '/v1/user/{userName}/policy/{policyName}', 'detachPolicyFromUser', detachPolicy('user')),
  route('GET', '/v1/user/{userName}/policy', 'listUserAttachedPolicies', listAttachedPolicies('user')),
  route('PUT', '/v1/group/{groupName}/policy/{policyName}', 'attachPolicyToGroup', attachPolicy('group')),
  route('DELETE', '/v1/group/{groupName}/policy/{policyName}', 'detachPolicyFromGroup', detachPolicy('group')),
  route('GET', '/v1/group/{groupName}/policy', 'listGroupAttachedPolicies', listAttachedPolicies('group')),
  route('PUT', '/v1/role/{roleName}/policy/{policyName}', 'attachPolicyToRole', attachPolicy('role')),
  route('DELETE', '/v1/role/{roleName}/policy/{policyName}', 'detachPolicyFromRole', detachPolicy('role')),
  route('GET', '/v1/role/{roleName}/policy', 'listRoleAttachedPolicies', listAttachedPolicies('role')),
  route('GET', '/v1/policy/{policyId}/entity', 'listPolicyEntities', policyEntities.listPolicyEntities),
  route('GET', '/v1/policy/{policyId}/grant/{grantType}', 'listPolicyEntitiesByGrantType', policyEntities.listPolicyEntitiesByGrantType),

  route('POST', '/v1/role', 'createRole', roles.createRole, { status: 201 }),
  route('GET', '/v1/role', 'listRoles', roles.listRoles),
  route('GET', '/v1/role/{roleName}', 'getRole', roles.getRole),
  route('PUT', '/v1/role/{roleName}', 'updateRole', roles.updateRole),
  route('DELETE', '/v1/role/{roleName}', 'deleteRole', roles.deleteRole),

  route('GET', '/v1/subUser/idp/query', 'getSubUserIdp', idp.getSubUserIdp),
  route('POST', '/v1/subUser/idp/updateStatus', 'updateSubUserIdpStatus', idp.updateSubUserIdpStatus),
  route('POST', '/v1/subUser/idp/update', 'updateSubUserIdp', idp.updateSubUserIdp),
  route('POST', '/v1/subUser/idp/delete', 'deleteSubUserIdp', idp.deleteSubUserIdp),
  route('PUT', '/v1/subUser/{userName}/update', 'updateSubUser', subUser.updateSubUser),

  route('POST', '/v1/sessionToken', 'getSessionToken', sts.getSessionToken),
  route('POST', '/v1/credential', 'assumeRole', sts.assumeRole, { flag: 'assumeRole' }),
]

/** A route matched against decoded path segments. */
export interface RouteMatch {
  readonly route: Route
  readonly params: Record<string, string>
}

/** Why no route matched: unknown path, known path with another method, or a required flag missing. */
export interface RouteMiss {
  readonly miss: 'path' | 'method' | 'flag'
  /** For `flag`: the flags one of which the method needs on this path. */
  readonly flags?: readonly string[]
}

interface Compiled {
  readonly route: Route
  readonly segments: readonly string[]
}

const COMPILED: readonly Compiled[] = ROUTES.map((r) => ({ route: r, segments: r.pattern.split('/').slice(1) }))

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i] as string
    const actual = segments[i] as string
    if (expected.startsWith('{')) params[expected.slice(1, -1)] = actual
    else if (expected !== actual) return undefined
  }
  return params
}

/**
 * Finds the route for a method, decoded path segments (the path split on raw `/` before
 * decoding, so an encoded `%2F` stays inside its segment) and query; otherwise says why none
 * matched.
 */
export function matchRoute(method: string, segments: readonly string[], query: ReadonlyMap<string, string>): RouteMatch | RouteMiss {
  let methodMiss = false
  const flags: string[] = []
  for (const { route: candidate, segments: pattern } of COMPILED) {
    const params = matchSegments(pattern, segments)
    if (params === undefined) continue
    if (candidate.method !== method) {
      methodMiss = true
      continue
    }
    if (candidate.flag !== undefined && !query.has(candidate.flag)) {
      flags.push(candidate.flag)
      continue
    }
    return { route: candidate, params }
  }
  if (flags.length > 0) return { miss: 'flag', flags }
  return { miss: methodMiss ? 'method' : 'path' }
}
