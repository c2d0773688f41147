import { defineRegistry } from '../operation/registry'
import {
  createAccessKey,
  deleteAccessKey,
  disableAccessKey,
  enableAccessKey,
  listAccessKeys,
} from './access-key-operations'
import {
  addUserToGroup,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  listGroupsForUser,
  listUsersInGroup,
  removeUserFromGroup,
  updateGroup,
} from './group-operations'
import { deleteSubUserIdp, getSubUserIdp, updateSubUserIdp, updateSubUserIdpStatus } from './idp-operations'
import {
  attachPolicyToGroup,
  attachPolicyToRole,
  attachPolicyToUser,
  createPolicy,
  deletePolicy,
  detachPolicyFromGroup,
  detachPolicyFromRole,
  detachPolicyFromUser,
  getPolicy,
  listGroupAttachedPolicies,
  listPolicies,
  listPolicyEntities,
  listPolicyEntitiesByGrantType,
  listRoleAttachedPolicies,
  listUserAttachedPolicies,
  updatePolicy,
} from './policy-operations'
import { createRole, deleteRole, getRole, listRoles, updateRole } from './role-operations'
import {
  createUser,
  deleteLoginProfile,
  deleteUser,
  getLoginProfile,
  getUser,
  listUsers,
  setUserOperationMfa,
  unbindUserMfaDevice,
  updateLoginProfile,
  updateSubUser,
  updateUser,
} from './user-operations'

/**
 * Every IAM operation, keyed by its method name: the single source of the {@link IamClient}
 * methods, the emulator's IAM routes, the catalogue and the README table.
 */
export const IAM_OPERATIONS = defineRegistry({
  createUser,
  getUser,
  updateUser,
  deleteUser,
  listUsers,
  updateLoginProfile,
  getLoginProfile,
  deleteLoginProfile,
  setUserOperationMfa,
  unbindUserMfaDevice,
  updateSubUser,
  createAccessKey,
  disableAccessKey,
  enableAccessKey,
  deleteAccessKey,
  listAccessKeys,
  createGroup,
  getGroup,
  updateGroup,
  deleteGroup,
  listGroups,
  addUserToGroup,
  removeUserFromGroup,
  listUsersInGroup,
  listGroupsForUser,
  createPolicy,
  getPolicy,
  updatePolicy,
  deletePolicy,
  listPolicies,
  attachPolicyToUser,
  detachPolicyFromUser,
  listUserAttachedPolicies,
  attachPolicyToGroup,
  detachPolicyFromGroup,
  listGroupAttachedPolicies,
  attachPolicyToRole,
  detachPolicyFromRole,
  listRoleAttachedPolicies,
  listPolicyEntities,
  listPolicyEntitiesByGrantType,
  createRole,
  getRole,
  updateRole,
  deleteRole,
  listRoles,
  getSubUserIdp,
  updateSubUserIdpStatus,
  updateSubUserIdp,
  deleteSubUserIdp,
})

/** The IAM operation registry's type. */
export type IamOperations = typeof IAM_OPERATIONS

/** The name of an IAM operation (an {@link IamClient} method). */
export type IamOperationName = keyof IamOperations
