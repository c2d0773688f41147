import type { IamClient, IamError, User } from 'bce-iam'
import type { ResultAsync } from 'neverthrow'
import { ensureEntity } from './ensure-entity'
import type { Ensured } from './ensure-types'

/** A user as {@link ensureUser} should leave it; unset fields are not compared or changed. */
export interface UserSpec {
  /** The sub-user's name. */
  readonly name: string
  /** The description the user should have; left unchanged when absent. */
  readonly description?: string | undefined
  /** `false` disables the sub-user. */
  readonly enabled?: boolean | undefined
}

/** Every error {@link ensureUser} can resolve to. */
export type EnsureUserError = IamError<'createUser'> | IamError<'getUser'> | IamError<'updateUser'>

/** Whether `live` differs from `spec` in the fields it sets (an absent description reads as ''). */
export function userDiffers(spec: UserSpec, live: User): boolean {
  return (
    (spec.description !== undefined && spec.description !== (live.description ?? '')) ||
    (spec.enabled !== undefined && spec.enabled !== (live.enabled ?? true))
  )
}

/**
 * Makes the sub-user `spec.name` exist with the given description and enabled state: creates
 * it (then disables it when asked; the create cannot), or finds it and updates what differs,
 * or confirms a create whose answer was lost by reading it back. Never rejects.
 *
 * @example
 * ```ts
 * const alice = await ensureUser(iam, { name: 'alice', description: 'developer' })
 * alice.map(({ value, action }) => console.log(value.id, action)) // 'created' the first time, then 'existing'
 * ```
 */
export function ensureUser(iam: IamClient, spec: UserSpec): ResultAsync<Ensured<User>, EnsureUserError> {
  const { name, description, enabled } = spec
  return ensureEntity<User, EnsureUserError>({
    create: () => iam.createUser(description === undefined ? { name } : { name, description }),
    read: () => iam.getUser({ userName: name }),
    differs: (live) => userDiffers(spec, live),
    incomplete: (created) => enabled !== undefined && enabled !== (created.enabled ?? true),
    update: () =>
      iam.updateUser({
        userName: name,
        ...(description === undefined ? {} : { description }),
        ...(enabled === undefined ? {} : { enabled }),
      }),
  })
}
