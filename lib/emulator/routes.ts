import * as accessKeys from './handlers/access-keys'
import { attachPolicy, detachPolicy, listAttachedPolicies } from './handlers/attachments'
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
import type { ResourceTemplate, RoutePermission } from './authorization/access'
import type { Route } from './route-match'

/** What a route needs from its caller: a permission on a resource. */
interface RouteAccess {
  readonly permission: RoutePermission
  readonly resource: ResourceTemplate
}

/** A read: needs `READ` on `resource`. */
const read = (resource: ResourceTemplate): RouteAccess => ({ permission: 'READ', resource })
/** A change: needs `FULL_CONTROL` on `resource`. */
const change = (resource: ResourceTemplate): RouteAccess => ({ permission: 'FULL_CONTROL', resource })
/** Authentication is enough (STS). */
const AUTHENTICATED: RouteAccess = { permission: 'none', resource: '*' }

const route = (
  method: string,
  pattern: string,
  operation: string,
  access: RouteAccess,
  handle: Route['handle'],
  extra: { flag?: string; status?: 201 } = {},
): Route => ({
  method,
  pattern,
  operation,
  status: extra.status ?? 200,
  permission: access.permission,
  resource: access.resource,
  handle,
  ...(extra.flag === undefined ? {} : { flag: extra.flag }),
})

/**
 * Every IAM and STS route the emulator serves (one port: their paths do not collide). Where a
 * literal segment and a `{param}` could both match (`/v1/subUser/idp/update` vs
 * `/v1/subUser/{userName}/update`), the literal route comes first and differs in method.
 *
 * Each route declares what a caller other than the root account needs: `READ` for reads,
 * `FULL_CONTROL` for changes, on service `bce:iam` and the resource that names the target
 * (`user/<userName>`, `group/<groupName>`, `policy/<policyName>`, `role/<roleName>`, or `*` for
 * account-level operations: lists, creates, SSO settings and setUserOperationMfa, whose user is
 * named in the body). STS operations need authentication only.
 */
export const ROUTES: readonly Route[] = [
  route('POST', '/v1/user', 'createUser', change('*'), users.createUser, { status: 201 }),
  route('GET', '/v1/user', 'listUsers', read('*'), users.listUsers),
  route('GET', '/v1/user/{userName}', 'getUser', read('user/{userName}'), users.getUser),
  route('PUT', '/v1/user/{userName}', 'updateUser', change('user/{userName}'), users.updateUser),
  route('DELETE', '/v1/user/{userName}', 'deleteUser', change('user/{userName}'), users.deleteUser),
  route(
    'PUT',
    '/v1/user/{userName}/loginProfile',
    'updateLoginProfile',
    change('user/{userName}'),
    loginProfile.updateLoginProfile,
  ),
  route(
    'GET',
    '/v1/user/{userName}/loginProfile',
    'getLoginProfile',
    read('user/{userName}'),
    loginProfile.getLoginProfile,
  ),
  route(
    'DELETE',
    '/v1/user/{userName}/loginProfile',
    'deleteLoginProfile',
    change('user/{userName}'),
    loginProfile.deleteLoginProfile,
  ),
  route('POST', '/v1/user/operation/mfa/switch', 'setUserOperationMfa', change('*'), mfa.setUserOperationMfa),
  route(
    'DELETE',
    '/v1/user/{userName}/mfaType/{mfaType}',
    'unbindUserMfaDevice',
    change('user/{userName}'),
    mfa.unbindUserMfaDevice,
  ),

  route(
    'POST',
    '/v1/user/{userName}/accesskey',
    'createAccessKey',
    change('user/{userName}'),
    accessKeys.createAccessKey,
  ),
  route('GET', '/v1/user/{userName}/accesskey', 'listAccessKeys', read('user/{userName}'), accessKeys.listAccessKeys),
  route(
    'PUT',
    '/v1/user/{userName}/accesskey/{accessKeyId}',
    'disableAccessKey',
    change('user/{userName}'),
    accessKeys.disableAccessKey,
    { flag: 'disable' },
  ),
  route(
    'PUT',
    '/v1/user/{userName}/accesskey/{accessKeyId}',
    'enableAccessKey',
    change('user/{userName}'),
    accessKeys.enableAccessKey,
    { flag: 'enable' },
  ),
  route(
    'DELETE',
    '/v1/user/{userName}/accesskey/{accessKeyId}',
    'deleteAccessKey',
    change('user/{userName}'),
    accessKeys.deleteAccessKey,
  ),

  route('POST', '/v1/group', 'createGroup', change('*'), groups.createGroup, { status: 201 }),
  route('GET', '/v1/group', 'listGroups', read('*'), groups.listGroups),
  route('GET', '/v1/group/{groupName}', 'getGroup', read('group/{groupName}'), groups.getGroup),
  route('PUT', '/v1/group/{groupName}', 'updateGroup', change('group/{groupName}'), groups.updateGroup),
  route('DELETE', '/v1/group/{groupName}', 'deleteGroup', change('group/{groupName}'), groups.deleteGroup),
  route(
    'PUT',
    '/v1/group/{groupName}/user/{userName}',
    'addUserToGroup',
    change('group/{groupName}'),
    memberships.addUserToGroup,
  ),
  route(
    'DELETE',
    '/v1/group/{groupName}/user/{userName}',
    'removeUserFromGroup',
    change('group/{groupName}'),
    memberships.removeUserFromGroup,
  ),
  route(
    'GET',
    '/v1/group/{groupName}/user',
    'listUsersInGroup',
    read('group/{groupName}'),
    memberships.listUsersInGroup,
  ),
  route(
    'GET',
    '/v1/user/{userName}/group',
    'listGroupsForUser',
    read('user/{userName}'),
    memberships.listGroupsForUser,
  ),

  route('POST', '/v1/policy', 'createPolicy', change('*'), policies.createPolicy, { status: 201 }),
  route('GET', '/v1/policy', 'listPolicies', read('*'), policies.listPolicies),
  route('GET', '/v1/policy/{policyName}', 'getPolicy', read('policy/{policyName}'), policies.getPolicy),
  route('POST', '/v1/policy/{policyName}', 'updatePolicy', change('policy/{policyName}'), policies.updatePolicy),
  route('DELETE', '/v1/policy/{policyName}', 'deletePolicy', change('policy/{policyName}'), policies.deletePolicy),
  route(
    'PUT',
    '/v1/user/{userName}/policy/{policyName}',
    'attachPolicyToUser',
    change('user/{userName}'),
    attachPolicy('user'),
  ),
  route(
    'DELETE',
    '/v1/user/{userName}/policy/{policyName}',
    'detachPolicyFromUser',
    change('user/{userName}'),
    detachPolicy('user'),
  ),
  route(
    'GET',
    '/v1/user/{userName}/policy',
    'listUserAttachedPolicies',
    read('user/{userName}'),
    listAttachedPolicies('user'),
  ),
  route(
    'PUT',
    '/v1/group/{groupName}/policy/{policyName}',
    'attachPolicyToGroup',
    change('group/{groupName}'),
    attachPolicy('group'),
  ),
  route(
    'DELETE',
    '/v1/group/{groupName}/policy/{policyName}',
    'detachPolicyFromGroup',
    change('group/{groupName}'),
    detachPolicy('group'),
  ),
  route(
    'GET',
    '/v1/group/{groupName}/policy',
    'listGroupAttachedPolicies',
    read('group/{groupName}'),
    listAttachedPolicies('group'),
  ),
  route(
    'PUT',
    '/v1/role/{roleName}/policy/{policyName}',
    'attachPolicyToRole',
    change('role/{roleName}'),
    attachPolicy('role'),
  ),
  route(
    'DELETE',
    '/v1/role/{roleName}/policy/{policyName}',
    'detachPolicyFromRole',
    change('role/{roleName}'),
    detachPolicy('role'),
  ),
  route(
    'GET',
    '/v1/role/{roleName}/policy',
    'listRoleAttachedPolicies',
    read('role/{roleName}'),
    listAttachedPolicies('role'),
  ),
  route(
    'GET',
    '/v1/policy/{policyId}/entity',
    'listPolicyEntities',
    read('policy/{policyId}'),
    policyEntities.listPolicyEntities,
  ),
  route(
    'GET',
    '/v1/policy/{policyId}/grant/{grantType}',
    'listPolicyEntitiesByGrantType',
    read('policy/{policyId}'),
    policyEntities.listPolicyEntitiesByGrantType,
  ),

  route('POST', '/v1/role', 'createRole', change('*'), roles.createRole, { status: 201 }),
  route('GET', '/v1/role', 'listRoles', read('*'), roles.listRoles),
  route('GET', '/v1/role/{roleName}', 'getRole', read('role/{roleName}'), roles.getRole),
  route('PUT', '/v1/role/{roleName}', 'updateRole', change('role/{roleName}'), roles.updateRole),
  route('DELETE', '/v1/role/{roleName}', 'deleteRole', change('role/{roleName}'), roles.deleteRole),

  route('GET', '/v1/subUser/idp/query', 'getSubUserIdp', read('*'), idp.getSubUserIdp),
  route('POST', '/v1/subUser/idp/updateStatus', 'updateSubUserIdpStatus', change('*'), idp.updateSubUserIdpStatus),
  route('POST', '/v1/subUser/idp/update', 'updateSubUserIdp', change('*'), idp.updateSubUserIdp),
  route('POST', '/v1/subUser/idp/delete', 'deleteSubUserIdp', change('*'), idp.deleteSubUserIdp),
  route('PUT', '/v1/subUser/{userName}/update', 'updateSubUser', change('user/{userName}'), subUser.updateSubUser),

  route('POST', '/v1/sessionToken', 'getSessionToken', AUTHENTICATED, sts.getSessionToken),
  route('POST', '/v1/credential', 'assumeRole', AUTHENTICATED, sts.assumeRole, { flag: 'assumeRole' }),
]
