import { freshId, targetKey, type EmulatorState, type UserRecord } from '../state'
import { failWith, isApiError, reply, type Outcome } from '../wire'
import { readBody } from './body'
import type { HandlerContext } from './context'
import { findUser } from './lookup'
import { alreadyExists, checkName, deleteConflict, limitExceeded } from './names'
import { replaceEntry } from './replace-entry'
import { userView } from './views'

/** U1 createUser. */
export function createUser({ state, body }: HandlerContext): Outcome {
  const read = readBody(body, { name: { kind: 'string', required: true }, description: { kind: 'string' } })
  if ('error' in read) return failWith(read.error)
  const { fields } = read
  const name = fields.name as string
  const bad = checkName('name', name)
  if (bad !== undefined) return failWith(bad)
  if (state.users.has(name)) return failWith(alreadyExists('user', name))
  if (state.users.size >= state.limits.usersPerAccount)
    return failWith(limitExceeded('users per account', state.limits.usersPerAccount))
  const user: UserRecord = {
    id: freshId(state),
    name,
    description: (fields.description as string | undefined) ?? '',
    enabled: true,
    createTime: state.timestamp(),
  }
  state.users.set(name, user)
  return reply(201, userView(user))
}

/** U2 getUser (`lastLoginTime` is never set: nobody logs in to the emulator's console). */
export function getUser({ state, params }: HandlerContext): Outcome {
  const user = findUser(state, params.userName)
  return isApiError(user) ? failWith(user) : reply(200, userView(user))
}

/** U3 updateUser: omitted fields stay as they are; `name` renames. */
export function updateUser({ state, params, body }: HandlerContext): Outcome {
  const user = findUser(state, params.userName)
  if (isApiError(user)) return failWith(user)
  const read = readBody(body, {
    name: { kind: 'string' },
    description: { kind: 'string' },
    enabled: { kind: 'boolean' },
  })
  if ('error' in read) return failWith(read.error)
  const { fields } = read
  const rename = fields.name as string | undefined
  if (rename !== undefined && rename !== user.name) {
    const bad = checkName('name', rename)
    if (bad !== undefined) return failWith(bad)
    if (state.users.has(rename)) return failWith(alreadyExists('user', rename))
  }
  const updated: UserRecord = {
    ...user,
    name: rename ?? user.name,
    description: (fields.description as string | undefined) ?? user.description,
    enabled: (fields.enabled as boolean | undefined) ?? user.enabled,
  }
  replaceEntry(state.users, user.name, updated.name, updated)
  return reply(200, userView(updated))
}

/** What still refers to a user (each one blocks deleting it). */
function userDependents(state: EmulatorState, user: UserRecord): string[] {
  const reasons: string[] = []
  if ([...state.accessKeys.values()].some((key) => key.userId === user.id)) reasons.push('access keys')
  if (state.memberships.countAt('user', user.id) > 0) reasons.push('group memberships')
  if (state.attachments.countAt('target', targetKey('user', user.id)) > 0) reasons.push('attached policies')
  if (user.loginProfile !== undefined) reasons.push('a login profile')
  return reasons
}

/** U4 deleteUser: 409 `DeleteConflict` while the user has keys, memberships, policies or a login profile. */
export function deleteUser({ state, params }: HandlerContext): Outcome {
  const user = findUser(state, params.userName)
  if (isApiError(user)) return failWith(user)
  const reasons = userDependents(state, user)
  if (reasons.length > 0) return failWith(deleteConflict('user', user.name, reasons))
  state.users.delete(user.name)
  return reply(200)
}

/** U5 listUsers. */
export function listUsers({ state }: HandlerContext): Outcome {
  return reply(200, { users: [...state.users.values()].map(userView) })
}
