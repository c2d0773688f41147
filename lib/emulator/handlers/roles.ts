import { normaliseTrustDocument, parseAclText } from '../acl-document'
import { freshId, targetKey, type RoleRecord } from '../state'
import { failWith, isApiError, reply, type Outcome } from '../wire'
import { readBody } from './body'
import type { HandlerContext } from './context'
import { findRole } from './lookup'
import { alreadyExists, checkName, deleteConflict } from './names'
import { replaceEntry } from './replace-entry'
import { roleView } from './views'

/**
 * R1 createRole `{name, description?, assumeRolePolicyDocument}`: the trust document is checked
 * like a policy document (but `resource` may be absent) and stored normalised: `"id":"sts role
 * acl"`, and every entry with `"eid":"role acl entry"` and `"resource":["role/<roleId>"]`.
 */
export function createRole({ state, body }: HandlerContext): Outcome {
  const read = readBody(body, {
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
    assumeRolePolicyDocument: { kind: 'string', required: true },
  })
  if ('error' in read) return failWith(read.error)
  const name = read.fields.name as string
  const bad = checkName('name', name)
  if (bad !== undefined) return failWith(bad)
  const acl = parseAclText(read.fields.assumeRolePolicyDocument as string, 'assumeRolePolicyDocument', 'trust')
  if (isApiError(acl)) return failWith(acl)
  if (state.roles.has(name)) return failWith(alreadyExists('role', name))
  const id = freshId(state)
  const role: RoleRecord = {
    id,
    name,
    description: (read.fields.description as string | undefined) ?? '',
    assumeRolePolicyDocument: normaliseTrustDocument(acl, id),
    createTime: state.timestamp(),
  }
  state.roles.set(name, role)
  return reply(201, roleView(role))
}

/** R2 getRole. */
export function getRole({ state, params }: HandlerContext): Outcome {
  const role = findRole(state, params.roleName)
  return isApiError(role) ? failWith(role) : reply(200, roleView(role))
}

/** R3 updateRole `{description?, assumeRolePolicyDocument?, name?}`: omitted fields stay; `name` renames. */
export function updateRole({ state, params, body }: HandlerContext): Outcome {
  const role = findRole(state, params.roleName)
  if (isApiError(role)) return failWith(role)
  const read = readBody(body, {
    name: { kind: 'string' },
    description: { kind: 'string' },
    assumeRolePolicyDocument: { kind: 'string' },
  })
  if ('error' in read) return failWith(read.error)
  const rename = read.fields.name as string | undefined
  if (rename !== undefined && rename !== role.name) {
    const bad = checkName('name', rename)
    if (bad !== undefined) return failWith(bad)
    if (state.roles.has(rename)) return failWith(alreadyExists('role', rename))
  }
  let trust = role.assumeRolePolicyDocument
  if (read.fields.assumeRolePolicyDocument !== undefined) {
    const acl = parseAclText(read.fields.assumeRolePolicyDocument as string, 'assumeRolePolicyDocument', 'trust')
    if (isApiError(acl)) return failWith(acl)
    trust = normaliseTrustDocument(acl, role.id)
  }
  const updated: RoleRecord = {
    ...role,
    name: rename ?? role.name,
    description: (read.fields.description as string | undefined) ?? role.description,
    assumeRolePolicyDocument: trust,
  }
  replaceEntry(state.roles, role.name, updated.name, updated)
  return reply(200, roleView(updated))
}

/** R4 deleteRole: 409 `DeleteConflict` while policies are attached. */
export function deleteRole({ state, params }: HandlerContext): Outcome {
  const role = findRole(state, params.roleName)
  if (isApiError(role)) return failWith(role)
  if (state.attachments.countAt('target', targetKey('role', role.id)) > 0) {
    return failWith(deleteConflict('role', role.name, ['attached policies']))
  }
  state.roles.delete(role.name)
  return reply(200)
}

/** R5 listRoles. */
export function listRoles({ state }: HandlerContext): Outcome {
  return reply(200, { roles: [...state.roles.values()].map(roleView) })
}
