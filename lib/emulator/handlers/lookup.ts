import { err, ok, type Result } from 'neverthrow'
import type { EmulatorState, GroupRecord, RoleRecord, UserRecord } from '../state'
import type { ApiError } from '../wire'
import { notFound } from './names'

const found = <R>(record: R | undefined, kind: string, name: string): Result<R, ApiError> =>
  record === undefined ? err(notFound(kind, name)) : ok(record)

/** The user with this name, or 404 `NotFound`. */
export function findUser(state: EmulatorState, name: string | undefined): Result<UserRecord, ApiError> {
  return found(state.users.get(name ?? ''), 'user', name ?? '')
}

/** The group with this name, or 404 `NotFound`. */
export function findGroup(state: EmulatorState, name: string | undefined): Result<GroupRecord, ApiError> {
  return found(state.groups.get(name ?? ''), 'group', name ?? '')
}

/** The role with this name, or 404 `NotFound`. */
export function findRole(state: EmulatorState, name: string | undefined): Result<RoleRecord, ApiError> {
  return found(state.roles.get(name ?? ''), 'role', name ?? '')
}
