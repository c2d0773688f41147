import { defineRegistry } from '../operation/registry'
import { getAccountSummary } from './account-operations'
import {
  createApiKey,
  decryptApiKey,
  deleteApiKey,
  getApiKey,
  getBearerToken,
  listApiKeys,
  updateApiKey,
} from './api-key-operations'
import {
  createAccessKey,
  deleteAccessKey,
  disableAccessKey,
  enableAccessKey,
  getAccessKeyLastUsedTime,
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
 * Every IAM operation, keyed by its method name: the single source of the {@link (IamClient:class)}
 * methods, the emulator's IAM routes, the catalogue and the README table.
 */
export const IAM_OPERATIONS = defineRegistry({
  /** Creates a sub-user; a duplicate name is `AlreadyExists`. See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  createUser,
  /** Reads a sub-user; a missing one is `NotFound`. See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  getUser,
  /** Renames, describes, enables or disables a sub-user; unset fields stay as they are. See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  updateUser,
  /** Deletes a sub-user; it must have no access keys, groups, policies or login profile left (`Conflict`). See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  deleteUser,
  /** Lists every sub-user (not paginated; at most 500). See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  listUsers,
  /** Creates or changes a sub-user's console login; only the fields given change. See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  updateLoginProfile,
  /** Reads a sub-user's console login settings (`NotFound` when there are none). See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  getLoginProfile,
  /** Turns a sub-user's console login off. See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  deleteLoginProfile,
  /** Switches MFA "operation protection" for a sub-user. See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  setUserOperationMfa,
  /** Unbinds a sub-user's MFA device (in the Python and newer Go SDKs, not in the API reference). See {@link https://github.com/baidubce/baiducloud-go-sdk/blob/main/services/iam/iam_client.go | Baidu's documentation}. */
  unbindUserMfaDevice,
  /** Changes a sub-user's password or enabled state. See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  updateSubUser,
  /** Creates an access key; its `secret` is returned only this once. Never retried once sent. See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  createAccessKey,
  /** Disables an access key; requests signed with it fail at once. See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  disableAccessKey,
  /** Re-enables an access key. See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  enableAccessKey,
  /** Deletes an access key. See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  deleteAccessKey,
  /** Lists a sub-user's access keys (never with secrets). See {@link https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en | Baidu's documentation}. */
  listAccessKeys,
  /** When an access key last authenticated a request (absent if never). See {@link https://github.com/baidubce/baiducloud-go-sdk/blob/main/services/iam/iam_client.go | Baidu's documentation}. */
  getAccessKeyLastUsedTime,
  /** Creates a group (name at most 64, description at most 128 characters). See {@link https://intl.cloud.baidu.com/doc/IAM/s/ljx35h8lx-en | Baidu's documentation}. */
  createGroup,
  /** Reads a group. See {@link https://intl.cloud.baidu.com/doc/IAM/s/ljx35h8lx-en | Baidu's documentation}. */
  getGroup,
  /** Renames or describes a group. See {@link https://intl.cloud.baidu.com/doc/IAM/s/ljx35h8lx-en | Baidu's documentation}. */
  updateGroup,
  /** Deletes a group; it must have no members or policies left (`Conflict`). See {@link https://intl.cloud.baidu.com/doc/IAM/s/ljx35h8lx-en | Baidu's documentation}. */
  deleteGroup,
  /** Lists every group. See {@link https://intl.cloud.baidu.com/doc/IAM/s/ljx35h8lx-en | Baidu's documentation}. */
  listGroups,
  /** Adds a user to a group (adding a member again is harmless). See {@link https://intl.cloud.baidu.com/doc/IAM/s/ljx35h8lx-en | Baidu's documentation}. */
  addUserToGroup,
  /** Removes a user from a group (`NotFound` if not a member). See {@link https://intl.cloud.baidu.com/doc/IAM/s/ljx35h8lx-en | Baidu's documentation}. */
  removeUserFromGroup,
  /** Lists a group's members. See {@link https://intl.cloud.baidu.com/doc/IAM/s/ljx35h8lx-en | Baidu's documentation}. */
  listUsersInGroup,
  /** Lists the groups a user belongs to. See {@link https://intl.cloud.baidu.com/doc/IAM/s/ljx35h8lx-en | Baidu's documentation}. */
  listGroupsForUser,
  /** Creates a custom policy from a typed ACL or a JSON string. See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  createPolicy,
  /** Reads a policy (`policyType: 'System'` for platform policies). See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  getPolicy,
  /** Changes a custom policy (a POST on the wire: never retried after an ambiguous failure). See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  updatePolicy,
  /** Deletes a custom policy; it must not be attached anywhere (`Conflict`). See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  deletePolicy,
  /** Lists policies of one type (default Custom), optionally filtered by name. See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  listPolicies,
  /** Attaches a policy to a user (attaching twice is harmless). See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  attachPolicyToUser,
  /** Detaches a policy from a user (`NotFound` if not attached). See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  detachPolicyFromUser,
  /** Lists the policies attached to a user (with `attachTime`). See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  listUserAttachedPolicies,
  /** Attaches a policy to a group (at most 5 per group: `LimitExceeded`). See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  attachPolicyToGroup,
  /** Detaches a policy from a group (`NotFound` if not attached). See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  detachPolicyFromGroup,
  /** Lists the policies attached to a group. See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  listGroupAttachedPolicies,
  /** Attaches a policy to a role (the account limits the policies per role: `LimitExceeded`). See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  attachPolicyToRole,
  /** Detaches a policy from a role (`NotFound` if not attached). See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  detachPolicyFromRole,
  /** Lists the policies attached to a role. See {@link https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en | Baidu's documentation}. */
  listRoleAttachedPolicies,
  /** Lists the users, groups and roles a policy (by **id**) is attached to. See {@link https://github.com/baidubce/bce-sdk-go/blob/master/doc/IAM.md | Baidu's documentation}. */
  listPolicyEntities,
  /** Lists the principals of one kind a policy (by **id**) is attached to. See {@link https://github.com/baidubce/bce-sdk-python/blob/master/baidubce/services/iam/iam_client.py | Baidu's documentation}. */
  listPolicyEntitiesByGrantType,
  /** Creates a role with a trust document saying who may assume it. See {@link https://intl.cloud.baidu.com/en/doc/IAM/s/ek5eq1zp1-intl-en | Baidu's documentation}. */
  createRole,
  /** Reads a role. See {@link https://intl.cloud.baidu.com/en/doc/IAM/s/ek5eq1zp1-intl-en | Baidu's documentation}. */
  getRole,
  /** Renames a role or changes its description or trust document. See {@link https://intl.cloud.baidu.com/en/doc/IAM/s/ek5eq1zp1-intl-en | Baidu's documentation}. */
  updateRole,
  /** Deletes a role; it must have no attached policies (`Conflict`). See {@link https://intl.cloud.baidu.com/en/doc/IAM/s/ek5eq1zp1-intl-en | Baidu's documentation}. */
  deleteRole,
  /** Lists every role. See {@link https://intl.cloud.baidu.com/en/doc/IAM/s/ek5eq1zp1-intl-en | Baidu's documentation}. */
  listRoles,
  /** Creates a permanent API key; the answer carries the key (`tokenId`, secret). Never retried once sent. See {@link https://cloud.baidu.com/doc/Reference/s/dmcvlynvd | Baidu's documentation}. */
  createApiKey,
  /** Lists one page of a user's permanent API keys (`pageNo` from 1). See {@link https://cloud.baidu.com/doc/Reference/s/dmcvlynvd | Baidu's documentation}. */
  listApiKeys,
  /** Reads one permanent API key's details (ACL, services). See {@link https://cloud.baidu.com/doc/Reference/s/dmcvlynvd | Baidu's documentation}. */
  getApiKey,
  /** Replaces a permanent API key's ACL. See {@link https://cloud.baidu.com/doc/Reference/s/dmcvlynvd | Baidu's documentation}. */
  updateApiKey,
  /** Deletes a permanent API key. See {@link https://cloud.baidu.com/doc/Reference/s/dmcvlynvd | Baidu's documentation}. */
  deleteApiKey,
  /** Reads a permanent API key in plain text (`tokenId`, secret). See {@link https://cloud.baidu.com/doc/Reference/s/dmcvlynvd | Baidu's documentation}. */
  decryptApiKey,
  /** Creates a short-term API key (bearer token, secret), optionally narrowed by an ACL. See {@link https://cloud.baidu.com/doc/Reference/s/Gm5z8ryv5 | Baidu's documentation}. */
  getBearerToken,
  /** Reads the SAML identity provider for sub-user SSO. See {@link https://github.com/baidubce/bce-sdk-go/blob/master/doc/IAM.md | Baidu's documentation}. */
  getSubUserIdp,
  /** Enables or disables sub-user SSO. See {@link https://github.com/baidubce/bce-sdk-go/blob/master/doc/IAM.md | Baidu's documentation}. */
  updateSubUserIdpStatus,
  /** Uploads IdP metadata or changes the auxiliary domain. See {@link https://github.com/baidubce/bce-sdk-go/blob/master/doc/IAM.md | Baidu's documentation}. */
  updateSubUserIdp,
  /** Removes the identity provider. See {@link https://github.com/baidubce/bce-sdk-go/blob/master/doc/IAM.md | Baidu's documentation}. */
  deleteSubUserIdp,
  /** The account's limits and its current numbers of users, groups and custom policies. See {@link https://github.com/baidubce/baiducloud-go-sdk/blob/main/services/iam/iam_client.go | Baidu's documentation}. */
  getAccountSummary,
})

/** The IAM operation registry's type. */
export type IamOperations = typeof IAM_OPERATIONS

/** The name of an IAM operation (an {@link (IamClient:class)} method). */
export type IamOperationName = keyof IamOperations
