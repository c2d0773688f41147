import { err, safeTry } from 'neverthrow'
import { normaliseTrustDocument, parseAclText } from '../acl-document'
import { freshId, targetKey, type RoleRecord } from '../state'
import { reply, type Outcome } from '../wire'
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
  return safeTry(function* () {
    const fields = yield* readBody(body, {
      name: { kind: 'string', required: true },
      description: { kind: 'string' },
      assumeRolePolicyDocument: { kind: 'string', required: true },
    })
    const name = yield* checkName('name', fields.name as string)
    const acl = yield* parseAclText(fields.assumeRolePolicyDocument as string, 'assumeRolePolicyDocument', 'trust')
    if (state.roles.has(name)) return err(alreadyExists('role', name))
    const id = freshId(state)
    const role: RoleRecord = {
      id,
      name,
      description: (fields.description as string | undefined) ?? '',
      assumeRolePolicyDocument: normaliseTrustDocument(acl, id),
      createTime: state.timestamp(),
    }
    state.roles.set(name, role)
    return reply(201, roleView(role))
  })
}

/** R2 getRole. */
export function getRole({ state, params }: HandlerContext): Outcome {
  return findRole(state, params.roleName).andThen((role) => reply(200, roleView(role)))
}

/** R3 updateRole `{description?, assumeRolePolicyDocument?, name?}`: omitted fields stay; `name` renames. */
export function updateRole({ state, params, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const role = yield* findRole(state, params.roleName)
    const fields = yield* readBody(body, {
      name: { kind: 'string' },
      description: { kind: 'string' },
      assumeRolePolicyDocument: { kind: 'string' },
    })
    const rename = fields.name as string | undefined
    if (rename !== undefined && rename !== role.name) {
      yield* checkName('name', rename)
      if (state.roles.has(rename)) return err(alreadyExists('role', rename))
    }
    let trust = role.assumeRolePolicyDocument
    if (fields.assumeRolePolicyDocument !== undefined) {
      const acl = yield* parseAclText(fields.assumeRolePolicyDocument as string, 'assumeRolePolicyDocument', 'trust')
      trust = normaliseTrustDocument(acl, role.id)
    }
    const updated: RoleRecord = {
      ...role,
      name: rename ?? role.name,
      description: (fields.description as string | undefined) ?? role.description,
      assumeRolePolicyDocument: trust,
    }
    replaceEntry(state.roles, role.name, updated.name, updated)
    return reply(200, roleView(updated))
  })
}

/** R4 deleteRole: 409 `DeleteConflict` while policies are attached. */
export function deleteRole({ state, params }: HandlerContext): Outcome {
  return findRole(state, params.roleName).andThen((role) => {
    if (state.attachments.countAt('target', targetKey('role', role.id)) > 0)
      return err(deleteConflict('role', role.name, ['attached policies']))
    state.roles.delete(role.name)
    return reply(200)
  })
}

/** R5 listRoles. */
export function listRoles({ state }: HandlerContext): Outcome {
  return reply(200, { roles: [...state.roles.values()].map(roleView) })
}
