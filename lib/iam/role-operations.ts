import { defineOperation } from '../operation/operation'
import { codecReader, ignoreBody, listReader } from '../decode/reader'
import { descriptionInBody, roleNameInPath } from './fields'
import type { PolicyDocument } from './policy-operations'
import { roleCodec, type Role } from './role-model'

/** Input of {@link IamClient.createRole}. */
export interface CreateRoleInput {
  readonly name: string
  readonly description?: string
  /** Who may assume the role: a trust ACL (see `trustPolicy` in the acl toolkit) or a JSON string. */
  readonly assumeRolePolicyDocument: PolicyDocument
}

/** Input of operations that address one role. */
export interface RoleNameInput {
  readonly roleName: string
}

/** Input of {@link IamClient.updateRole}; unset fields are left unchanged. */
export interface UpdateRoleInput extends RoleNameInput {
  readonly name?: string
  readonly description?: string
  readonly assumeRolePolicyDocument?: PolicyDocument
}

/** Input of {@link IamClient.listRoles} (no parameters). */
export type ListRolesInput = Record<string, never>

/** R1 `POST /v1/role`. */
export const createRole = defineOperation<CreateRoleInput, Role>({
  name: 'createRole',
  method: 'POST',
  path: '/v1/role',
  fields: {
    name: { type: 'name', in: 'body', required: true },
    description: descriptionInBody,
    assumeRolePolicyDocument: { type: 'document', in: 'body', required: true, requireResource: false },
  },
  idempotent: false,
  reader: codecReader(roleCodec),
})

/** R2 `GET /v1/role/{roleName}`. */
export const getRole = defineOperation<RoleNameInput, Role>({
  name: 'getRole',
  method: 'GET',
  path: '/v1/role/{roleName}',
  fields: { roleName: roleNameInPath },
  idempotent: true,
  reader: codecReader(roleCodec),
})

/** R3 `PUT /v1/role/{roleName}`. */
export const updateRole = defineOperation<UpdateRoleInput, Role>({
  name: 'updateRole',
  method: 'PUT',
  path: '/v1/role/{roleName}',
  fields: {
    roleName: roleNameInPath,
    name: { type: 'name', in: 'body' },
    description: descriptionInBody,
    assumeRolePolicyDocument: { type: 'document', in: 'body', requireResource: false },
  },
  idempotent: true,
  reader: codecReader(roleCodec),
})

/** R4 `DELETE /v1/role/{roleName}`. */
export const deleteRole = defineOperation<RoleNameInput, void>({
  name: 'deleteRole',
  method: 'DELETE',
  path: '/v1/role/{roleName}',
  fields: { roleName: roleNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** R5 `GET /v1/role`. */
export const listRoles = defineOperation<ListRolesInput, readonly Role[]>({
  name: 'listRoles',
  method: 'GET',
  path: '/v1/role',
  fields: {},
  idempotent: true,
  reader: listReader('roles', roleCodec),
})
