import type { Acl } from '../acl/types'
import { defineOperation, type FieldSpec, type OperationSpec } from '../operation/operation'
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

/** Input of {@link IamClient.createPolicy}. */
export interface CreatePolicyInput {
  /** 1–64 characters. */
  readonly name: string
  readonly description?: string
  readonly document: PolicyDocument
}

/** Input naming one policy; `policyType` defaults to `Custom` on the service side and is omitted when unset. */
export interface PolicyNameInput {
  readonly policyName: string
  readonly policyType?: PolicyType
}

/** Input of {@link IamClient.updatePolicy} (custom policies only); unset fields are left unchanged. */
export interface UpdatePolicyInput {
  readonly policyName: string
  readonly name?: string
  readonly description?: string
  readonly document?: PolicyDocument
}

/** Input of {@link IamClient.listPolicies}. */
export interface ListPoliciesInput {
  readonly policyType?: PolicyType
  /** Filter on the policy name (the service's match semantics are undocumented). */
  readonly nameFilter?: string
}

/** Input of {@link IamClient.listPolicyEntities}: the policy **id**, not its name. */
export interface PolicyIdInput {
  readonly policyId: string
}

/** Input of {@link IamClient.listPolicyEntitiesByGrantType}. */
export interface PolicyGrantInput extends PolicyIdInput {
  readonly grantType: PolicyGrantType
}

/** Attaching or detaching a policy to a user. */
export interface UserPolicyInput extends PolicyNameInput {
  readonly userName: string
}

/** Attaching or detaching a policy to a group. */
export interface GroupPolicyInput extends PolicyNameInput {
  readonly groupName: string
}

/** Attaching or detaching a policy to a role. */
export interface RolePolicyInput extends PolicyNameInput {
  readonly roleName: string
}

const document: FieldSpec = { type: 'document', in: 'body', requireResource: true }

/** P1 `POST /v1/policy`. */
export const createPolicy = defineOperation<CreatePolicyInput, Policy>({
  name: 'createPolicy',
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

/** P2 `GET /v1/policy/{policyName}?policyType=`. */
export const getPolicy = defineOperation<PolicyNameInput, Policy>({
  name: 'getPolicy',
  method: 'GET',
  path: '/v1/policy/{policyName}',
  fields: { policyName: policyNameInPath, policyType: policyTypeInQuery },
  idempotent: true,
  reader: codecReader(policyCodec),
})

/** P3 `POST /v1/policy/{policyName}` (a POST: never retried after an ambiguous failure). */
export const updatePolicy = defineOperation<UpdatePolicyInput, Policy>({
  name: 'updatePolicy',
  method: 'POST',
  path: '/v1/policy/{policyName}',
  fields: {
    policyName: policyNameInPath,
    name: { type: 'name', in: 'body', maxLength: MAX_POLICY_NAME },
    description: descriptionInBody,
    document,
  },
  idempotent: false,
  reader: codecReader(policyCodec),
})

/** P4 `DELETE /v1/policy/{policyName}`. */
export const deletePolicy = defineOperation<PolicyNameInput, void>({
  name: 'deletePolicy',
  method: 'DELETE',
  path: '/v1/policy/{policyName}',
  fields: { policyName: policyNameInPath, policyType: policyTypeInQuery },
  idempotent: true,
  reader: ignoreBody(),
})

/** P5 `GET /v1/policy?policyType=&nameFilter=`. */
export const listPolicies = defineOperation<ListPoliciesInput, readonly Policy[]>({
  name: 'listPolicies',
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

function attachment<I extends PolicyNameInput>(
  name: string,
  principal: Principal,
  method: 'PUT' | 'DELETE',
): OperationSpec<I, void> {
  const { segment, field, spec } = principals[principal]
  return defineOperation<I, void>({
    name,
    method,
    path: `/v1/${segment}/{${field}}/policy/{policyName}`,
    fields: { [field]: spec, policyName: policyNameInPath, policyType: policyTypeInQuery } as OperationSpec<
      I,
      void
    >['fields'],
    idempotent: true,
    reader: ignoreBody(),
  })
}

function attachedList<I>(name: string, principal: Principal): OperationSpec<I, readonly Policy[]> {
  const { segment, field, spec } = principals[principal]
  return defineOperation<I, readonly Policy[]>({
    name,
    method: 'GET',
    path: `/v1/${segment}/{${field}}/policy`,
    fields: { [field]: spec } as OperationSpec<I, readonly Policy[]>['fields'],
    idempotent: true,
    reader: listReader('policies', policyCodec),
  })
}

/** P6 `PUT /v1/user/{userName}/policy/{policyName}` (attaching twice is harmless). */
export const attachPolicyToUser = attachment<UserPolicyInput>('attachPolicyToUser', 'user', 'PUT')
/** P7 `DELETE /v1/user/{userName}/policy/{policyName}`. */
export const detachPolicyFromUser = attachment<UserPolicyInput>('detachPolicyFromUser', 'user', 'DELETE')
/** P8 `GET /v1/user/{userName}/policy`. */
export const listUserAttachedPolicies = attachedList<{ readonly userName: string }>('listUserAttachedPolicies', 'user')
/** P9 `PUT /v1/group/{groupName}/policy/{policyName}`. */
export const attachPolicyToGroup = attachment<GroupPolicyInput>('attachPolicyToGroup', 'group', 'PUT')
/** P10 `DELETE /v1/group/{groupName}/policy/{policyName}`. */
export const detachPolicyFromGroup = attachment<GroupPolicyInput>('detachPolicyFromGroup', 'group', 'DELETE')
/** P11 `GET /v1/group/{groupName}/policy`. */
export const listGroupAttachedPolicies = attachedList<{ readonly groupName: string }>(
  'listGroupAttachedPolicies',
  'group',
)
/** P12 `PUT /v1/role/{roleName}/policy/{policyName}`. */
export const attachPolicyToRole = attachment<RolePolicyInput>('attachPolicyToRole', 'role', 'PUT')
/** P13 `DELETE /v1/role/{roleName}/policy/{policyName}`. */
export const detachPolicyFromRole = attachment<RolePolicyInput>('detachPolicyFromRole', 'role', 'DELETE')
/** P14 `GET /v1/role/{roleName}/policy`. */
export const listRoleAttachedPolicies = attachedList<{ readonly roleName: string }>('listRoleAttachedPolicies', 'role')

/** P15 `GET /v1/policy/{policyId}/entity`. */
export const listPolicyEntities = defineOperation<PolicyIdInput, readonly PolicyEntity[]>({
  name: 'listPolicyEntities',
  method: 'GET',
  path: '/v1/policy/{policyId}/entity',
  fields: { policyId: policyIdInPath },
  idempotent: true,
  reader: listReader('entities', policyEntityCodec),
})

/** P16 `GET /v1/policy/{policyId}/grant/{grantType}` (response shape unverified; read like P15). */
export const listPolicyEntitiesByGrantType = defineOperation<PolicyGrantInput, readonly PolicyEntity[]>({
  name: 'listPolicyEntitiesByGrantType',
  method: 'GET',
  path: '/v1/policy/{policyId}/grant/{grantType}',
  fields: {
    policyId: policyIdInPath,
    grantType: { type: 'enum', in: 'path', required: true, values: ['UserPolicy', 'GroupPolicy', 'RolePolicy'] },
  },
  idempotent: true,
  reader: listReader('entities', policyEntityCodec),
})
