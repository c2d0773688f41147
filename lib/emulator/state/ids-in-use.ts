import type { EmulatorState } from './emulator-state'

/**
 * Whether `id` already names something in `state`: the account, the root key pair, a user,
 * group, policy (Custom or System) or role, a sub-user's access key, an API key, or temporary
 * credentials.
 * New ids are checked against it, so no two things ever share an id.
 */
export function idInUse(state: EmulatorState, id: string): boolean {
  if (id === state.accountId || id === state.root.accessKeyId) return true
  if (state.accessKeys.has(id) || state.apiKeys.has(id) || state.sessions.has(id)) return true
  return (
    state.userById(id) !== undefined ||
    state.groupById(id) !== undefined ||
    state.policyById(id) !== undefined ||
    state.roleById(id) !== undefined
  )
}

/** A new id that nothing in `state` uses yet (see {@link idInUse}). */
export function freshId(state: EmulatorState): string {
  return state.ids.next((id) => idInUse(state, id))
}
