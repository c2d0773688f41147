import type { BceError, ServiceError, ServiceErrorKind, WithoutKinds } from 'bce-iam'
import * as E from 'fp-ts/Either'
import type { TaskEither } from 'fp-ts/TaskEither'

/**
 * A recovery step for `pipe`: when the task fails with a service error of one of `kinds`, run the
 * task `handler` makes from it instead; anything else passes through unchanged. The handled kinds
 * leave the error type (the handler's own errors join it), like `recover` does for neverthrow.
 *
 * @example
 * ```ts
 * // TaskEither<errors of createUser without AlreadyExists | errors of getUser, User>
 * const ensured = pipe(iam.createUser({ name }), orElseKind('AlreadyExists', () => iam.getUser({ userName: name })))
 * ```
 */
export function orElseKind<K extends ServiceErrorKind, E2, B>(
  kinds: K | readonly [K, ...K[]],
  handler: (error: ServiceError<K>) => TaskEither<E2, B>,
): <Err extends BceError, A>(task: TaskEither<Err, A>) => TaskEither<E2 | WithoutKinds<Err, K>, A | B> {
  const handled: readonly ServiceErrorKind[] = typeof kinds === 'string' ? [kinds] : kinds
  return <Err extends BceError, A>(task: TaskEither<Err, A>): TaskEither<E2 | WithoutKinds<Err, K>, A | B> =>
    async () => {
      const outcome = await task()
      if (E.isRight(outcome)) return outcome
      const error: BceError = outcome.left
      if (error._tag === 'BceServiceError' && handled.includes(error.kind)) return handler(error as ServiceError<K>)()
      return E.left(outcome.left as WithoutKinds<Err, K>)
    }
}
