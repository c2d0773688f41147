import { err, safeTry } from 'neverthrow'
import { freshId, targetKey, type EmulatorState, type UserRecord } from '../state'
import { reply, type Outcome } from '../wire'
import { readBody } from './body'
import type { HandlerContext } from './context'
import { findUser } from './lookup'
import { alreadyExists, checkName, deleteConflict, limitExceeded } from './names'
import { replaceEntry } from './replace-entry'
import { userView } from './views'

/** U1 createUser. */
export function createUser({ state, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const fields = yield* readBody(body, { name: { kind: 'string', required: true }, description: { kind: 'string' } })
    const name = yield* checkName('name', fields.name as string)
    if (state.users.has(name)) return err(alreadyExists('user', name))
    if (state.users.size >= state.limits.usersPerAccount)
      return err(limitExceeded('users per account', state.limits.usersPerAccount))
    const user: UserRecord = {
      id: freshId(state),
      name,
      description: (fields.description as string | undefined) ?? '',
      enabled: true,
      createTime: state.timestamp(),
    }
    state.users.set(name, user)
    return reply(201, userView(user))
  })
}

/** U2 getUser (`lastLoginTime` is never set: nobody logs in to the emulator's console). */
export function getUser({ state, params }: HandlerContext): Outcome {
  return findUser(state, params.userName).andThen((user) => reply(200, userView(user)))
}

/** `contact` as a record field: left out when never set. */
const contactOf = (contact: string | undefined): { readonly contact?: string } =>
  contact === undefined ? {} : { contact }

/** U3 updateUser `{name?, description?, enabled?, contact?}`: omitted fields stay as they are; `name` renames. */
export function updateUser({ state, params, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const user = yield* findUser(state, params.userName)
    const fields = yield* readBody(body, {
      name: { kind: 'string' },
      description: { kind: 'string' },
      enabled: { kind: 'boolean' },
      contact: { kind: 'string' },
    })
    const rename = fields.name as string | undefined
    if (rename !== undefined && rename !== user.name) {
      yield* checkName('name', rename)
      if (state.users.has(rename)) return err(alreadyExists('user', rename))
    }
    const updated: UserRecord = {
      ...user,
      name: rename ?? user.name,
      description: (fields.description as string | undefined) ?? user.description,
      enabled: (fields.enabled as boolean | undefined) ?? user.enabled,
      ...contactOf((fields.contact as string | undefined) ?? user.contact),
    }
    replaceEntry(state.users, user.name, updated.name, updated)
    return reply(200, userView(updated))
  })
}

/** What still refers to a user (each one blocks deleting it). */
function userDependents(state: EmulatorState, user: UserRecord): string[] {
  const reasons: string[] = []
  if (state.accessKeys.ownedBy(user.id).length > 0) reasons.push('access keys')
  if (state.apiKeys.ownedBy(user.id).length > 0) reasons.push('API keys')
  if (state.memberships.countAt('user', user.id) > 0) reasons.push('group memberships')
  if (state.attachments.countAt('target', targetKey('user', user.id)) > 0) reasons.push('attached policies')
  if (user.loginProfile !== undefined) reasons.push('a login profile')
  return reasons
}

/** U4 deleteUser: 409 `DeleteConflict` while the user has keys, memberships, policies or a login profile. */
export function deleteUser({ state, params }: HandlerContext): Outcome {
  return findUser(state, params.userName).andThen((user) => {
    const reasons = userDependents(state, user)
    if (reasons.length > 0) return err(deleteConflict('user', user.name, reasons))
    state.users.delete(user.name)
    return reply(200)
  })
}

/** U5 listUsers. */
export function listUsers({ state }: HandlerContext): Outcome {
  return reply(200, { users: [...state.users.values()].map(userView) })
}
