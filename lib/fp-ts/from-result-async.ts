import * as E from 'fp-ts/Either'
import type { TaskEither } from 'fp-ts/TaskEither'
import type { ResultAsync } from 'neverthrow'

/**
 * A `TaskEither` from a function returning a `ResultAsync` (a call with a composed `orElse`, a
 * `safeTry` block, …): each run of the task calls `make` once. Since a `ResultAsync` never
 * rejects, neither does the task.
 *
 * @example
 * ```ts
 * const ensured = fromResultAsync(() => iam.createUser({ name }).orElse(recover('AlreadyExists', () => iam.getUser({ userName: name }))))
 * ```
 */
export function fromResultAsync<A, Err>(make: () => ResultAsync<A, Err>): TaskEither<Err, A> {
  return () => make().match(E.right<Err, A>, E.left<Err, A>)
}
