import { ok } from 'neverthrow'
import { POLICY_DOCUMENT } from '../acl/document-field'
import type { Acl } from '../acl/types'
import type { OperationErrorKind } from '../errors/kinds'
import {
  defineOperation,
  type FieldCodec,
  type FieldSpec,
  type FieldSpecs,
  type OperationSpec,
} from '../operation/operation'
import { codecReader, ignoreBody, listReader } from '../decode/reader'
import {
  descriptionInBody,
  groupNameInPath,
  MAX_POLICY_NAME,
  policyIdInPath,
  policyNameInPath,
  policyTypeInQuery,
  roleNameInPath,
  userNameInPath,
} from './fields'
import { GO_SDK_DOCS, POLICY_DOCS, PYTHON_SDK_DOCS } from './docs'
import {
  policyCodec,
  policyEntityCodec,
  type Policy,
  type PolicyEntity,
  type PolicyGrantType,
  type PolicyType,
} from './policy-model'

/** A policy document: a typed ACL (serialised by the SDK) or a pre-serialised JSON string. */
export type PolicyDocument = Acl | string

/** Input of `IamClient.createPolicy`. */
export interface CreatePolicyInput {
  /** 1–64 characters. */
  readonly name: string
  /** The policy's description. */
  readonly description?: string | undefined
  /** The ACL document: a typed `Acl` or its JSON text. */
  readonly document: PolicyDocument
}

/** Input naming one policy; `policyType` defaults to `Custom` on the service side and is omitted when unset. */
export interface PolicyNameInput {
  /** The policy's name. */
  readonly policyName: string
  /** `Custom` (default) or `System`. */
  readonly policyType?: PolicyType | undefined
}

/** Input of `IamClient.deletePolicy`: a custom policy's name (no official SDK sends a `policyType` here). */
export interface DeletePolicyInput {
  /** The custom policy's name. */
  readonly policyName: string
}

/** Input of `IamClient.updatePolicy` (custom policies only); unset fields are left unchanged. */
export interface UpdatePolicyInput {
  /** The custom policy's name. */
  readonly policyName: string
  /** A new name for the policy. */
  readonly name?: string | undefined
  /** A new description. */
  readonly description?: string | undefined
  /**
   * The new document. Omitted, or `''`, keeps the current document: the official Go SDK always
   * sends `document` and sends `""` for an update of the name or description only
   * (`UpdatePolicyArgs.Document` has no `omitempty`), so the emulator reads `""` as "unchanged".
   */
  readonly document?: PolicyDocument | undefined
}

/** Input of `IamClient.listPolicies`. */
export interface ListPoliciesInput {
  /** List `Custom` (default) or `System` policies. */
  readonly policyType?: PolicyType | undefined
  /** Filter on the policy name (the service's match semantics are undocumented). */
  readonly nameFilter?: string | undefined
}

/** Input of `IamClient.listPolicyEntities`: the policy **id**, not its name. */
export interface PolicyIdInput {
  /** The policy's id (`Policy.id`). */
  readonly policyId: string
}

/** Input of `IamClient.listPolicyEntitiesByGrantType`. */
export interface PolicyGrantInput extends PolicyIdInput {
  /** Which principals to list: `UserPolicy`, `GroupPolicy` or `RolePolicy`. */
  readonly grantType: PolicyGrantType
}

/** Attaching or detaching a policy to a user. */
export interface UserPolicyInput extends PolicyNameInput {
  /** The sub-user's name. */
  readonly userName: string
}

/** Attaching or detaching a policy to a group. */
export interface GroupPolicyInput extends PolicyNameInput {
  /** The group's name. */
  readonly groupName: string
}

/** Attaching or detaching a policy to a role. */
export interface RolePolicyInput extends PolicyNameInput {
  /** The role's name. */
  readonly roleName: string
}

const document: FieldSpec = { type: 'codec', in: 'body', codec: POLICY_DOCUMENT }

/** updatePolicy's document: `''` is sent as is and means "keep the current document" (as the Go SDK sends it). */
const KEEP_OR_POLICY_DOCUMENT: FieldCodec = {
  describes: `${POLICY_DOCUMENT.describes}, or '' to keep the current one`,
  encode: (value) => (value === '' ? ok('') : POLICY_DOCUMENT.encode(value)),
}

/** `POST /v1/policy`. */
export const createPolicy = defineOperation<CreatePolicyInput, Policy>()({
  name: 'createPolicy',
  service: 'iam',
  summary: 'Creates a custom policy from a typed ACL or a JSON string.',
  docs: POLICY_DOCS,
  status: 201,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: ['AlreadyExists', 'LimitExceeded'],
  method: 'POST',
  path: '/v1/policy',
  fields: {
    name: { type: 'name', in: 'body', required: true, maxLength: MAX_POLICY_NAME },
    description: descriptionInBody,
    document: { ...document, required: true },
  },
  idempotent: false,
  reader: codecReader(policyCodec),
})

/** `GET /v1/policy/{policyName}?policyType=`. */
export const getPolicy = defineOperation<PolicyNameInput, Policy>()({
  name: 'getPolicy',
  service: 'iam',
  summary: "Reads a policy (`policyType: 'System'` for platform policies).",
  docs: POLICY_DOCS,
  status: 200,
  access: { permission: 'READ', resource: 'policy/{policyName}' },
  errors: ['NotFound'],
  method: 'GET',
  path: '/v1/policy/{policyName}',
  fields: { policyName: policyNameInPath, policyType: policyTypeInQuery },
  idempotent: true,
  reader: codecReader(policyCodec),
})

/** `POST /v1/policy/{policyName}` (a POST: never retried after an ambiguous failure). */
export const updatePolicy = defineOperation<UpdatePolicyInput, Policy>()({
  name: 'updatePolicy',
  service: 'iam',
  summary: 'Changes a custom policy (a POST on the wire: never retried after an ambiguous failure).',
  docs: POLICY_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'policy/{policyName}' },
  errors: ['NotFound', 'AlreadyExists'],
  method: 'POST',
  path: '/v1/policy/{policyName}',
  fields: {
    policyName: policyNameInPath,
    name: { type: 'name', in: 'body', maxLength: MAX_POLICY_NAME },
    description: descriptionInBody,
    document: { type: 'codec', in: 'body', codec: KEEP_OR_POLICY_DOCUMENT },
  },
  idempotent: false,
  reader: codecReader(policyCodec),
})

/** `DELETE /v1/policy/{policyName}` (custom policies only; no query parameter in any official SDK). */
export const deletePolicy = defineOperation<DeletePolicyInput, void>()({
  name: 'deletePolicy',
  service: 'iam',
  summary: 'Deletes a custom policy; it must not be attached anywhere (`Conflict`).',
  docs: POLICY_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'policy/{policyName}' },
  errors: ['NotFound', 'Conflict'],
  method: 'DELETE',
  path: '/v1/policy/{policyName}',
  fields: { policyName: policyNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** `GET /v1/policy?policyType=&nameFilter=`. */
export const listPolicies = defineOperation<ListPoliciesInput, readonly Policy[]>()({
  name: 'listPolicies',
  service: 'iam',
  summary: 'Lists policies of one type (default Custom), optionally filtered by name.',
  docs: POLICY_DOCS,
  status: 200,
  access: { permission: 'READ', resource: '*' },
  errors: [],
  method: 'GET',
  path: '/v1/policy',
  fields: { policyType: policyTypeInQuery, nameFilter: { type: 'string', in: 'query' } },
  idempotent: true,
  reader: listReader('policies', policyCodec),
})

/** The three attachment families: which path segment and which input field names the principal. */
const principals = {
  user: { segment: 'user', field: 'userName', spec: userNameInPath },
  group: { segment: 'group', field: 'groupName', spec: groupNameInPath },
  role: { segment: 'role', field: 'roleName', spec: roleNameInPath },
} as const

type Principal = keyof typeof principals

/** Attaching (PUT) or detaching (DELETE) a policy to one principal. */
function attachment<I extends PolicyNameInput, const N extends string, const K extends OperationErrorKind>(
  name: N,
  principal: Principal,
  method: 'PUT' | 'DELETE',
  summary: string,
  errors: readonly K[],
): OperationSpec<I, void, N, K> {
  const { segment, field, spec } = principals[principal]
  return defineOperation<I, void>()({
    name,
    service: 'iam',
    summary,
    docs: POLICY_DOCS,
    status: 200,
    access: { permission: 'FULL_CONTROL', resource: `${segment}/{${field}}` },
    errors,
    method,
    path: `/v1/${segment}/{${field}}/policy/{policyName}`,
    fields: { [field]: spec, policyName: policyNameInPath, policyType: policyTypeInQuery } as FieldSpecs<I>,
    idempotent: true,
    reader: ignoreBody(),
  })
}

/** Listing the policies attached to one principal. */
function attachedList<I, const N extends string>(
  name: N,
  principal: Principal,
  summary: string,
): OperationSpec<I, readonly Policy[], N, 'NotFound'> {
  const { segment, field, spec } = principals[principal]
  return defineOperation<I, readonly Policy[]>()({
    name,
    service: 'iam',
    summary,
    docs: POLICY_DOCS,
    status: 200,
    access: { permission: 'READ', resource: `${segment}/{${field}}` },
    errors: ['NotFound'],
    method: 'GET',
    path: `/v1/${segment}/{${field}}/policy`,
    fields: { [field]: spec } as FieldSpecs<I>,
    idempotent: true,
    reader: listReader('policies', policyCodec),
  })
}

/** `PUT /v1/user/{userName}/policy/{policyName}`. */
export const attachPolicyToUser = attachment<UserPolicyInput, 'attachPolicyToUser', 'NotFound'>(
  'attachPolicyToUser',
  'user',
  'PUT',
  'Attaches a policy to a user (attaching twice is harmless).',
  ['NotFound'],
)
/** `DELETE /v1/user/{userName}/policy/{policyName}`. */
export const detachPolicyFromUser = attachment<UserPolicyInput, 'detachPolicyFromUser', 'NotFound'>(
  'detachPolicyFromUser',
  'user',
  'DELETE',
  'Detaches a policy from a user (`NotFound` if not attached).',
  ['NotFound'],
)
/** `GET /v1/user/{userName}/policy`. */
export const listUserAttachedPolicies = attachedList<{ readonly userName: string }, 'listUserAttachedPolicies'>(
  'listUserAttachedPolicies',
  'user',
  'Lists the policies attached to a user (with `attachTime`).',
)
/** `PUT /v1/group/{groupName}/policy/{policyName}`. */
export const attachPolicyToGroup = attachment<GroupPolicyInput, 'attachPolicyToGroup', 'NotFound' | 'LimitExceeded'>(
  'attachPolicyToGroup',
  'group',
  'PUT',
  'Attaches a policy to a group (at most 5 per group: `LimitExceeded`).',
  ['NotFound', 'LimitExceeded'],
)
/** `DELETE /v1/group/{groupName}/policy/{policyName}`. */
export const detachPolicyFromGroup = attachment<GroupPolicyInput, 'detachPolicyFromGroup', 'NotFound'>(
  'detachPolicyFromGroup',
  'group',
  'DELETE',
  'Detaches a policy from a group (`NotFound` if not attached).',
  ['NotFound'],
)
/** `GET /v1/group/{groupName}/policy`. */
export const listGroupAttachedPolicies = attachedList<{ readonly groupName: string }, 'listGroupAttachedPolicies'>(
  'listGroupAttachedPolicies',
  'group',
  'Lists the policies attached to a group.',
)
/** `PUT /v1/role/{roleName}/policy/{policyName}`. */
export const attachPolicyToRole = attachment<RolePolicyInput, 'attachPolicyToRole', 'NotFound' | 'LimitExceeded'>(
  'attachPolicyToRole',
  'role',
  'PUT',
  'Attaches a policy to a role (the account limits the policies per role: `LimitExceeded`).',
  ['NotFound', 'LimitExceeded'],
)
/** `DELETE /v1/role/{roleName}/policy/{policyName}`. */
export const detachPolicyFromRole = attachment<RolePolicyInput, 'detachPolicyFromRole', 'NotFound'>(
  'detachPolicyFromRole',
  'role',
  'DELETE',
  'Detaches a policy from a role (`NotFound` if not attached).',
  ['NotFound'],
)
/** `GET /v1/role/{roleName}/policy`. */
export const listRoleAttachedPolicies = attachedList<{ readonly roleName: string }, 'listRoleAttachedPolicies'>(
  'listRoleAttachedPolicies',
  'role',
  'Lists the policies attached to a role.',
)

/** `GET /v1/policy/{policyId}/entity`. */
export const listPolicyEntities = defineOperation<PolicyIdInput, readonly PolicyEntity[]>()({
  name: 'listPolicyEntities',
  service: 'iam',
  summary: 'Lists the users, groups and roles a policy (by **id**) is attached to.',
  docs: GO_SDK_DOCS,
  status: 200,
  access: { permission: 'READ', resource: 'policy/{policyId}' },
  errors: ['NotFound'],
  method: 'GET',
  path: '/v1/policy/{policyId}/entity',
  fields: { policyId: policyIdInPath },
  idempotent: true,
  reader: listReader('entities', policyEntityCodec),
})

/** `GET /v1/policy/{policyId}/grant/{grantType}`; the answer's key `entities` is confirmed by the newer Go SDK (`ListTheSubjectsGrantedPermissionsResponse`). */
export const listPolicyEntitiesByGrantType = defineOperation<PolicyGrantInput, readonly PolicyEntity[]>()({
  name: 'listPolicyEntitiesByGrantType',
  service: 'iam',
  summary: 'Lists the principals of one kind a policy (by **id**) is attached to.',
  docs: PYTHON_SDK_DOCS,
  status: 200,
  access: { permission: 'READ', resource: 'policy/{policyId}' },
  errors: ['NotFound'],
  method: 'GET',
  path: '/v1/policy/{policyId}/grant/{grantType}',
  fields: {
    policyId: policyIdInPath,
    grantType: { type: 'enum', in: 'path', required: true, values: ['UserPolicy', 'GroupPolicy', 'RolePolicy'] },
  },
  idempotent: true,
  reader: listReader('entities', policyEntityCodec),
})
