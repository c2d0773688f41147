import type { EmulatorState, GroupRecord, RoleRecord, UserRecord } from '../state'
import type { ApiError } from '../wire'
import { notFound } from './names'

/** The user with this name, or 404 `NotFound`. */
export function findUser(state: EmulatorState, name: string | undefined): UserRecord | ApiError {
  return state.users.get(name ?? '') ?? notFound('user', name ?? '')
}

/** The group with this name, or 404 `NotFound`. */
export function findGroup(state: EmulatorState, name: string | undefined): GroupRecord | ApiError {
  return state.groups.get(name ?? '') ?? notFound('group', name ?? '')
}

/** The role with this name, or 404 `NotFound`. */
export function findRole(state: EmulatorState, name: string | undefined): RoleRecord | ApiError {
  return state.roles.get(name ?? '') ?? notFound('role', name ?? '')
}
