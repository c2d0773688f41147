import type { ResultAsync } from 'neverthrow'
import { BaseClient } from '../client/base-client'
import type { CallOptions, ClientConfig } from '../client/config'
import type { BceError } from '../errors/types'
import type { AccessKey, NewAccessKey } from './access-key-model'
import * as keys from './access-key-operations'
import type { AccessKeyInput } from './access-key-operations'
import type { Group } from './group-model'
import * as groups from './group-operations'
import type {
  CreateGroupInput,
  GroupMembershipInput,
  GroupNameInput,
  ListGroupsInput,
  UpdateGroupInput,
} from './group-operations'
import type { Idp } from './idp-model'
import * as idp from './idp-operations'
import type { NoInput, UpdateSubUserIdpInput, UpdateSubUserIdpStatusInput } from './idp-operations'
import type { LoginProfile } from './login-profile-model'
import type { Policy, PolicyEntity } from './policy-model'
import * as policies from './policy-operations'
import type {
  CreatePolicyInput,
  GroupPolicyInput,
  ListPoliciesInput,
  PolicyGrantInput,
  PolicyIdInput,
  PolicyNameInput,
  RolePolicyInput,
  UpdatePolicyInput,
  UserPolicyInput,
} from './policy-operations'
import type { Role } from './role-model'
import * as roles from './role-operations'
import type { CreateRoleInput, ListRolesInput, RoleNameInput, UpdateRoleInput } from './role-operations'
import type { User } from './user-model'
import * as users from './user-operations'
import type {
  CreateUserInput,
  ListUsersInput,
  SetUserOperationMfaInput,
  UnbindUserMfaDeviceInput,
  UpdateLoginProfileInput,
  UpdateSubUserInput,
  UpdateUserInput,
  UserNameInput,
} from './user-operations'

/** The public IAM endpoint (IAM is global; every region uses it). */
export const IAM_ENDPOINT = 'https://iam.bj.baidubce.com'

/** Configuration of an {@link IamClient}; `endpoint` defaults to {@link IAM_ENDPOINT}. */
export type IamClientConfig = ClientConfig

/** The shape of a client method: one input object, optional call options, a `ResultAsync`. */
export type ClientMethod<I, O> = (input: I, options?: CallOptions) => ResultAsync<O, BceError>

/**
 * Client for Baidu AI Cloud IAM. Every method returns a `ResultAsync` that never rejects; the
 * constructor never throws (an invalid configuration makes every call return `InvalidConfig`).
 * Operations marked idempotent are retried after ambiguous failures; creates are not.
 *
 * @example
 * ```ts
 * const iam = new IamClient({ credentials: { accessKeyId, secretAccessKey } })
 * const user = await iam.getUser({ userName: 'alice' })
 * user.match(
 *   (u) => console.log(u.id),
 *   (e) => console.error(e._tag === 'BceServiceError' ? e.kind : e.reason),
 * )
 * await iam.close()
 * ```
 */
export class IamClient extends BaseClient {
  /** Creates a client; configuration problems surface on the first call (or use {@link IamClient.create}). */
  constructor(config: IamClientConfig) {
    super(config, IAM_ENDPOINT)
  }

  // ── Users (U1–U11) ──────────────────────────────────────────────────────────────────────

  /** U1: creates a sub-user (`POST /v1/user`, 201). A duplicate name is `AlreadyExists`. */
  readonly createUser: ClientMethod<CreateUserInput, User> = (input, options) =>
    this.call(users.createUser, input, options)
  /** U2: reads a sub-user; a missing one is `NotFound`. */
  readonly getUser: ClientMethod<UserNameInput, User> = (input, options) => this.call(users.getUser, input, options)
  /** U3: renames, describes, enables or disables a sub-user; unset fields stay as they are. */
  readonly updateUser: ClientMethod<UpdateUserInput, User> = (input, options) =>
    this.call(users.updateUser, input, options)
  /** U4: deletes a sub-user; it must have no access keys, groups, policies or login profile left (`Conflict`). */
  readonly deleteUser: ClientMethod<UserNameInput, void> = (input, options) =>
    this.call(users.deleteUser, input, options)
  /** U5: lists every sub-user (not paginated; at most 500). */
  readonly listUsers: (input?: ListUsersInput, options?: CallOptions) => ResultAsync<readonly User[], BceError> = (
    input = {},
    options,
  ) => this.call(users.listUsers, input, options)
  /** U6: creates or changes a sub-user's console login; only the fields given change. */
  readonly updateLoginProfile: ClientMethod<UpdateLoginProfileInput, LoginProfile> = (input, options) =>
    this.call(users.updateLoginProfile, input, options)
  /** U7: reads a sub-user's console login settings (`NotFound` when there are none). */
  readonly getLoginProfile: ClientMethod<UserNameInput, LoginProfile> = (input, options) =>
    this.call(users.getLoginProfile, input, options)
  /** U8: turns a sub-user's console login off. */
  readonly deleteLoginProfile: ClientMethod<UserNameInput, void> = (input, options) =>
    this.call(users.deleteLoginProfile, input, options)
  /** U9: switches MFA "operation protection" for a sub-user. */
  readonly setUserOperationMfa: ClientMethod<SetUserOperationMfaInput, void> = (input, options) =>
    this.call(users.setUserOperationMfa, input, options)
  /** U10: unbinds a sub-user's MFA device (experimental: documented only by the Python SDK). */
  readonly unbindUserMfaDevice: ClientMethod<UnbindUserMfaDeviceInput, void> = (input, options) =>
    this.call(users.unbindUserMfaDevice, input, options)
  /** U11: changes a sub-user's password or enabled state. */
  readonly updateSubUser: ClientMethod<UpdateSubUserInput, User> = (input, options) =>
    this.call(users.updateSubUser, input, options)

  // ── Access keys (K1–K5) ─────────────────────────────────────────────────────────────────

  /**
   * K1: creates an access key; the result's `secret` is returned only this once (it is hidden
   * from every rendering: read `key.secret` explicitly). Never retried once sent.
   */
  readonly createAccessKey: ClientMethod<UserNameInput, NewAccessKey> = (input, options) =>
    this.call(keys.createAccessKey, input, options)
  /** K2: disables an access key; requests signed with it fail at once. */
  readonly disableAccessKey: ClientMethod<AccessKeyInput, AccessKey> = (input, options) =>
    this.call(keys.disableAccessKey, input, options)
  /** K3: re-enables an access key. */
  readonly enableAccessKey: ClientMethod<AccessKeyInput, AccessKey> = (input, options) =>
    this.call(keys.enableAccessKey, input, options)
  /** K4: deletes an access key. */
  readonly deleteAccessKey: ClientMethod<AccessKeyInput, void> = (input, options) =>
    this.call(keys.deleteAccessKey, input, options)
  /** K5: lists a sub-user's access keys (never with secrets). */
  readonly listAccessKeys: ClientMethod<UserNameInput, readonly AccessKey[]> = (input, options) =>
    this.call(keys.listAccessKeys, input, options)

  // ── Groups (G1–G9) ──────────────────────────────────────────────────────────────────────

  /** G1: creates a group (name ≤ 64, description ≤ 128 characters). */
  readonly createGroup: ClientMethod<CreateGroupInput, Group> = (input, options) =>
    this.call(groups.createGroup, input, options)
  /** G2: reads a group. */
  readonly getGroup: ClientMethod<GroupNameInput, Group> = (input, options) =>
    this.call(groups.getGroup, input, options)
  /** G3: renames or describes a group. */
  readonly updateGroup: ClientMethod<UpdateGroupInput, Group> = (input, options) =>
    this.call(groups.updateGroup, input, options)
  /** G4: deletes a group; it must have no members or policies left (`Conflict`). */
  readonly deleteGroup: ClientMethod<GroupNameInput, void> = (input, options) =>
    this.call(groups.deleteGroup, input, options)
  /** G5: lists every group. */
  readonly listGroups: (input?: ListGroupsInput, options?: CallOptions) => ResultAsync<readonly Group[], BceError> = (
    input = {},
    options,
  ) => this.call(groups.listGroups, input, options)
  /** G6: adds a user to a group (adding a member again is harmless). */
  readonly addUserToGroup: ClientMethod<GroupMembershipInput, void> = (input, options) =>
    this.call(groups.addUserToGroup, input, options)
  /** G7: removes a user from a group (`NotFound` if not a member). */
  readonly removeUserFromGroup: ClientMethod<GroupMembershipInput, void> = (input, options) =>
    this.call(groups.removeUserFromGroup, input, options)
  /** G8: lists a group's members. */
  readonly listUsersInGroup: ClientMethod<GroupNameInput, readonly User[]> = (input, options) =>
    this.call(groups.listUsersInGroup, input, options)
  /** G9: lists the groups a user belongs to. */
  readonly listGroupsForUser: ClientMethod<UserNameInput, readonly Group[]> = (input, options) =>
    this.call(groups.listGroupsForUser, input, options)

  // ── Policies and attachments (P1–P16) ───────────────────────────────────────────────────

  /** P1: creates a custom policy from a typed ACL or a JSON string. */
  readonly createPolicy: ClientMethod<CreatePolicyInput, Policy> = (input, options) =>
    this.call(policies.createPolicy, input, options)
  /** P2: reads a policy (`policyType: 'System'` for platform policies). */
  readonly getPolicy: ClientMethod<PolicyNameInput, Policy> = (input, options) =>
    this.call(policies.getPolicy, input, options)
  /** P3: changes a custom policy (a POST on the wire). */
  readonly updatePolicy: ClientMethod<UpdatePolicyInput, Policy> = (input, options) =>
    this.call(policies.updatePolicy, input, options)
  /** P4: deletes a custom policy; it must not be attached anywhere (`Conflict`). */
  readonly deletePolicy: ClientMethod<PolicyNameInput, void> = (input, options) =>
    this.call(policies.deletePolicy, input, options)
  /** P5: lists policies of one type (default Custom), optionally filtered by name. */
  readonly listPolicies: (
    input?: ListPoliciesInput,
    options?: CallOptions,
  ) => ResultAsync<readonly Policy[], BceError> = (input = {}, options) =>
    this.call(policies.listPolicies, input, options)
  /** P6: attaches a policy to a user (attaching twice is harmless). */
  readonly attachPolicyToUser: ClientMethod<UserPolicyInput, void> = (input, options) =>
    this.call(policies.attachPolicyToUser, input, options)
  /** P7: detaches a policy from a user (`NotFound` if not attached). */
  readonly detachPolicyFromUser: ClientMethod<UserPolicyInput, void> = (input, options) =>
    this.call(policies.detachPolicyFromUser, input, options)
  /** P8: lists the policies attached to a user (with `attachTime`). */
  readonly listUserAttachedPolicies: ClientMethod<UserNameInput, readonly Policy[]> = (input, options) =>
    this.call(policies.listUserAttachedPolicies, input, options)
  /** P9: attaches a policy to a group (at most 5 per group). */
  readonly attachPolicyToGroup: ClientMethod<GroupPolicyInput, void> = (input, options) =>
    this.call(policies.attachPolicyToGroup, input, options)
  /** P10: detaches a policy from a group. */
  readonly detachPolicyFromGroup: ClientMethod<GroupPolicyInput, void> = (input, options) =>
    this.call(policies.detachPolicyFromGroup, input, options)
  /** P11: lists the policies attached to a group. */
  readonly listGroupAttachedPolicies: ClientMethod<GroupNameInput, readonly Policy[]> = (input, options) =>
    this.call(policies.listGroupAttachedPolicies, input, options)
  /** P12: attaches a policy to a role. */
  readonly attachPolicyToRole: ClientMethod<RolePolicyInput, void> = (input, options) =>
    this.call(policies.attachPolicyToRole, input, options)
  /** P13: detaches a policy from a role. */
  readonly detachPolicyFromRole: ClientMethod<RolePolicyInput, void> = (input, options) =>
    this.call(policies.detachPolicyFromRole, input, options)
  /** P14: lists the policies attached to a role. */
  readonly listRoleAttachedPolicies: ClientMethod<RoleNameInput, readonly Policy[]> = (input, options) =>
    this.call(policies.listRoleAttachedPolicies, input, options)
  /** P15: lists the users, groups and roles a policy (by **id**) is attached to. */
  readonly listPolicyEntities: ClientMethod<PolicyIdInput, readonly PolicyEntity[]> = (input, options) =>
    this.call(policies.listPolicyEntities, input, options)
  /** P16: like P15, restricted to one kind of principal. */
  readonly listPolicyEntitiesByGrantType: ClientMethod<PolicyGrantInput, readonly PolicyEntity[]> = (input, options) =>
    this.call(policies.listPolicyEntitiesByGrantType, input, options)

  // ── Roles (R1–R5) ───────────────────────────────────────────────────────────────────────

  /** R1: creates a role with a trust document saying who may assume it. */
  readonly createRole: ClientMethod<CreateRoleInput, Role> = (input, options) =>
    this.call(roles.createRole, input, options)
  /** R2: reads a role. */
  readonly getRole: ClientMethod<RoleNameInput, Role> = (input, options) => this.call(roles.getRole, input, options)
  /** R3: renames a role or changes its description or trust document. */
  readonly updateRole: ClientMethod<UpdateRoleInput, Role> = (input, options) =>
    this.call(roles.updateRole, input, options)
  /** R4: deletes a role; it must have no attached policies (`Conflict`). */
  readonly deleteRole: ClientMethod<RoleNameInput, void> = (input, options) =>
    this.call(roles.deleteRole, input, options)
  /** R5: lists every role. */
  readonly listRoles: (input?: ListRolesInput, options?: CallOptions) => ResultAsync<readonly Role[], BceError> = (
    input = {},
    options,
  ) => this.call(roles.listRoles, input, options)

  // ── IAM-user SSO (I1–I4) ────────────────────────────────────────────────────────────────

  /** I1: reads the SAML identity provider for sub-user SSO. */
  readonly getSubUserIdp: (input?: NoInput, options?: CallOptions) => ResultAsync<Idp, BceError> = (
    input = {},
    options,
  ) => this.call(idp.getSubUserIdp, input, options)
  /** I2: enables or disables sub-user SSO. */
  readonly updateSubUserIdpStatus: ClientMethod<UpdateSubUserIdpStatusInput, Idp> = (input, options) =>
    this.call(idp.updateSubUserIdpStatus, input, options)
  /** I3: uploads IdP metadata or changes the auxiliary domain. */
  readonly updateSubUserIdp: ClientMethod<UpdateSubUserIdpInput, Idp> = (input, options) =>
    this.call(idp.updateSubUserIdp, input, options)
  /** I4: removes the identity provider. */
  readonly deleteSubUserIdp: (input?: NoInput, options?: CallOptions) => ResultAsync<void, BceError> = (
    input = {},
    options,
  ) => this.call(idp.deleteSubUserIdp, input, options)
}
