import { TRUST_DOCUMENT } from '../acl/document-field'
import { defineOperation, type NoInput } from '../operation/operation'
import { ROLE_DOCS } from './docs'
import { codecReader, ignoreBody, listReader } from '../decode/reader'
import { descriptionInBody, roleNameInPath } from './fields'
import type { PolicyDocument } from './policy-operations'
import { roleCodec, type Role } from './role-model'

/** Input of `IamClient.createRole`. */
export interface CreateRoleInput {
  /** The role's name. */
  readonly name: string
  /** The role's description. */
  readonly description?: string | undefined
  /** Who may assume the role: a trust ACL (see `trustPolicy` in the acl toolkit) or a JSON string. */
  readonly assumeRolePolicyDocument: PolicyDocument
}

/** Input of operations that address one role. */
export interface RoleNameInput {
  /** The role's name. */
  readonly roleName: string
}

/** Input of `IamClient.updateRole`; unset fields are left unchanged. */
export interface UpdateRoleInput extends RoleNameInput {
  /** A new name for the role. */
  readonly name?: string | undefined
  /** A new description. */
  readonly description?: string | undefined
  /** A new trust document: who may assume the role. */
  readonly assumeRolePolicyDocument?: PolicyDocument | undefined
}

/** Input of `IamClient.listRoles` (no parameters). */
export type ListRolesInput = NoInput

/** `POST /v1/role`. */
export const createRole = defineOperation<CreateRoleInput, Role>()({
  name: 'createRole',
  service: 'iam',
  summary: 'Creates a role with a trust document saying who may assume it.',
  docs: ROLE_DOCS,
  status: 201,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: ['AlreadyExists', 'LimitExceeded'],
  method: 'POST',
  path: '/v1/role',
  fields: {
    name: { type: 'name', in: 'body', required: true },
    description: descriptionInBody,
    assumeRolePolicyDocument: { type: 'codec', in: 'body', codec: TRUST_DOCUMENT, required: true },
  },
  idempotent: false,
  reader: codecReader(roleCodec),
})

/** `GET /v1/role/{roleName}`. */
export const getRole = defineOperation<RoleNameInput, Role>()({
  name: 'getRole',
  service: 'iam',
  summary: 'Reads a role.',
  docs: ROLE_DOCS,
  status: 200,
  access: { permission: 'READ', resource: 'role/{roleName}' },
  errors: ['NotFound'],
  method: 'GET',
  path: '/v1/role/{roleName}',
  fields: { roleName: roleNameInPath },
  idempotent: true,
  reader: codecReader(roleCodec),
})

/** `PUT /v1/role/{roleName}`. */
export const updateRole = defineOperation<UpdateRoleInput, Role>()({
  name: 'updateRole',
  service: 'iam',
  summary: 'Renames a role or changes its description or trust document.',
  docs: ROLE_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'role/{roleName}' },
  errors: ['NotFound', 'AlreadyExists'],
  method: 'PUT',
  path: '/v1/role/{roleName}',
  fields: {
    roleName: roleNameInPath,
    name: { type: 'name', in: 'body' },
    description: descriptionInBody,
    assumeRolePolicyDocument: { type: 'codec', in: 'body', codec: TRUST_DOCUMENT },
  },
  idempotent: true,
  reader: codecReader(roleCodec),
})

/** `DELETE /v1/role/{roleName}`. */
export const deleteRole = defineOperation<RoleNameInput, void>()({
  name: 'deleteRole',
  service: 'iam',
  summary: 'Deletes a role; it must have no attached policies (`Conflict`).',
  docs: ROLE_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'role/{roleName}' },
  errors: ['NotFound', 'Conflict'],
  method: 'DELETE',
  path: '/v1/role/{roleName}',
  fields: { roleName: roleNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** `GET /v1/role`. */
export const listRoles = defineOperation<ListRolesInput, readonly Role[]>()({
  name: 'listRoles',
  service: 'iam',
  summary: 'Lists every role.',
  docs: ROLE_DOCS,
  status: 200,
  access: { permission: 'READ', resource: '*' },
  errors: [],
  method: 'GET',
  path: '/v1/role',
  fields: {},
  idempotent: true,
  reader: listReader('roles', roleCodec),
})
