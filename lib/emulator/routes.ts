import * as account from './handlers/account'
import * as accessKeys from './handlers/access-keys'
import * as apiKeys from './handlers/api-keys'
import { attachPolicy, detachPolicy, listAttachedPolicies } from './handlers/attachments'
import { getBearerToken } from './handlers/bearer-token'
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
import { OPERATION_CATALOG, type OperationName } from '../operations'
import type { AnyOperationSpec } from '../operation/operation'
import type { Route } from './route-match'

/** A handler for every SDK operation: a missing one does not compile. */
export type HandlerTable = { readonly [N in OperationName]: Route['handle'] }

/** What the emulator does for each operation; everything else about a route comes from its declaration. */
export const HANDLERS: HandlerTable = {
  createUser: users.createUser,
  getUser: users.getUser,
  updateUser: users.updateUser,
  deleteUser: users.deleteUser,
  listUsers: users.listUsers,
  updateLoginProfile: loginProfile.updateLoginProfile,
  getLoginProfile: loginProfile.getLoginProfile,
  deleteLoginProfile: loginProfile.deleteLoginProfile,
  setUserOperationMfa: mfa.setUserOperationMfa,
  unbindUserMfaDevice: mfa.unbindUserMfaDevice,
  updateSubUser: subUser.updateSubUser,
  createAccessKey: accessKeys.createAccessKey,
  disableAccessKey: accessKeys.disableAccessKey,
  enableAccessKey: accessKeys.enableAccessKey,
  deleteAccessKey: accessKeys.deleteAccessKey,
  listAccessKeys: accessKeys.listAccessKeys,
  getAccessKeyLastUsedTime: accessKeys.getAccessKeyLastUsedTime,
  createGroup: groups.createGroup,
  getGroup: groups.getGroup,
  updateGroup: groups.updateGroup,
  deleteGroup: groups.deleteGroup,
  listGroups: groups.listGroups,
  addUserToGroup: memberships.addUserToGroup,
  removeUserFromGroup: memberships.removeUserFromGroup,
  listUsersInGroup: memberships.listUsersInGroup,
  listGroupsForUser: memberships.listGroupsForUser,
  createPolicy: policies.createPolicy,
  getPolicy: policies.getPolicy,
  updatePolicy: policies.updatePolicy,
  deletePolicy: policies.deletePolicy,
  listPolicies: policies.listPolicies,
  attachPolicyToUser: attachPolicy('user'),
  detachPolicyFromUser: detachPolicy('user'),
  listUserAttachedPolicies: listAttachedPolicies('user'),
  attachPolicyToGroup: attachPolicy('group'),
  detachPolicyFromGroup: detachPolicy('group'),
  listGroupAttachedPolicies: listAttachedPolicies('group'),
  attachPolicyToRole: attachPolicy('role'),
  detachPolicyFromRole: detachPolicy('role'),
  listRoleAttachedPolicies: listAttachedPolicies('role'),
  listPolicyEntities: policyEntities.listPolicyEntities,
  listPolicyEntitiesByGrantType: policyEntities.listPolicyEntitiesByGrantType,
  createRole: roles.createRole,
  getRole: roles.getRole,
  updateRole: roles.updateRole,
  deleteRole: roles.deleteRole,
  listRoles: roles.listRoles,
  createApiKey: apiKeys.createApiKey,
  listApiKeys: apiKeys.listApiKeys,
  getApiKey: apiKeys.getApiKey,
  updateApiKey: apiKeys.updateApiKey,
  deleteApiKey: apiKeys.deleteApiKey,
  decryptApiKey: apiKeys.decryptApiKey,
  getBearerToken,
  getSubUserIdp: idp.getSubUserIdp,
  updateSubUserIdpStatus: idp.updateSubUserIdpStatus,
  updateSubUserIdp: idp.updateSubUserIdp,
  deleteSubUserIdp: idp.deleteSubUserIdp,
  getAccountSummary: account.getAccountSummary,
  getSessionToken: sts.getSessionToken,
  assumeRole: sts.assumeRole,
  getSigninSecurityToken: sts.getSigninSecurityToken,
}

/** The route of one declared operation, served by `handle`. */
export function routeOf(spec: AnyOperationSpec, handle: Route['handle']): Route {
  const flag = spec.flags?.[0]
  return {
    method: spec.method,
    pattern: spec.path,
    // The catalogue's names are exactly OperationName (OPERATION_CATALOG is built from the registries).
    operation: spec.name as OperationName,
    status: spec.status,
    permission: spec.access.permission,
    resource: spec.access.resource,
    handle,
    ...(flag === undefined ? {} : { flag }),
  }
}

/** How many leading path segments are literal (a literal segment outranks a `{param}` one). */
function literalPrefix(pattern: string): number {
  const segments = pattern.split('/')
  const first = segments.findIndex((segment) => segment.startsWith('{'))
  return first === -1 ? segments.length : first
}

/**
 * Every IAM and STS route the emulator serves (one port: their paths do not collide), derived
 * from the SDK's operation declarations and {@link HANDLERS}; there is no second table. Where a
 * literal segment and a `{param}` could both match the same path (`/v1/subUser/idp/update` vs
 * `/v1/subUser/{userName}/update`), the route with the longer literal prefix comes first, so
 * matching does not depend on declaration order.
 *
 * Each route declares what a caller other than the root account needs (the operation's
 * `access`): `READ` for reads, `FULL_CONTROL` for changes, on service `bce:iam` and the
 * resource that names the target (`user/<userName>`, `group/<groupName>`, `policy/<policyName>`,
 * `role/<roleName>`, or `*` for account-level operations: lists, creates, SSO settings and
 * setUserOperationMfa, whose user is named in the body). STS operations need authentication only.
 */
export const ROUTES: readonly Route[] = OPERATION_CATALOG.map((spec) =>
  routeOf(spec, HANDLERS[spec.name as OperationName]),
).sort((a, b) => literalPrefix(b.pattern) - literalPrefix(a.pattern))
