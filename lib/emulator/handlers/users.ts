import type { UserRecord } from '../state'
import { failWith, reply, type Outcome } from '../wire'
import { readBody } from './body'
import type { HandlerContext } from './context'
import { alreadyExists, checkName, limitExceeded, notFound } from './names'

/** The wire form of a user. */
export function userView(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    createTime: user.createTime,
    ...(user.description === '' ? {} : { description: user.description }),
    enabled: user.enabled,
  }
}

/** U1 createUser. */
export function createUser({ state, body }: HandlerContext): Outcome {
  const read = readBody(body, { name: { kind: 'string', required: true }, description: { kind: 'string' } })
  if ('error' in read) return failWith(read.error)
  const { fields } = read
  const name = fields.name as string
  const bad = checkName('name', name)
  if (bad !== undefined) return failWith(bad)
  if (state.users.has(name)) return failWith(alreadyExists('user', name))
  if (state.users.size >= state.limits.usersPerAccount) return failWith(limitExceeded('users per account', state.limits.usersPerAccount))
  const user: UserRecord = {
    id: state.ids.next(),
    name,
    description: (fields.description as string | undefined) ?? '',
    enabled: true,
    createTime: state.timestamp(),
  }
  state.users.set(name, user)
  return reply(201, userView(user))
}

/** U2 getUser. */
export function getUser({ state, params }: HandlerContext): Outcome {
  const user = state.users.get(params.userName ?? '')
  return user === undefined ? failWith(notFound('user', params.userName ?? '')) : reply(200, userView(user))
}

/** U3 updateUser: omitted fields stay as they are; `name` renames. */
export function updateUser({ state, params, body }: HandlerContext): Outcome {
  const current = params.userName ?? ''
  const user = state.users.get(current)
  if (user === undefined) return failWith(notFound('user', current))
  const read = readBody(body, { name: { kind: 'string' }, description: { kind: 'string' }, enabled: { kind: 'boolean' } })
  if ('error' in read) return failWith(read.error)
  const { fields } = read
  const rename = fields.name as string | undefined
  if (rename !== undefined && rename !== current) {
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
  state.users.delete(current)
  state.users.set(updated.name, updated)
  return reply(200, userView(updated))
}

/** U4 deleteUser. */
export function deleteUser({ state, params }: HandlerContext): Outcome {
  const name = params.userName ?? ''
  if (!state.users.has(name)) return failWith(notFound('user', name))
  state.users.delete(name)
  return reply(200)
}

/** U5 listUsers. */
export function listUsers({ state }: HandlerContext): Outcome {
  return reply(200, { users: [...state.users.values()].map(userView) })
}
