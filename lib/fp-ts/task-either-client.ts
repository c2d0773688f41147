import type { IamClient, IamMethods, StsClient, StsMethods } from 'bce-iam'
import type { TaskEither } from 'fp-ts/TaskEither'
import type { ResultAsync } from 'neverthrow'
import { adaptMethods } from '../adapt-methods'
import { fromResultAsync } from './from-result-async'

/**
 * A client method `M` as a `TaskEither`: the same parameters (an optional input stays optional),
 * the same value, and exactly the same error union (the operation's declared service-error kinds,
 * the common kinds, client errors).
 */
export type TaskEitherMethod<M> = M extends (...args: infer P) => ResultAsync<infer A, infer Err>
  ? (...args: P) => TaskEither<Err, A>
  : never

/** The methods `C` of a client, each as a {@link TaskEitherMethod}. */
export type TaskEitherMethods<C> = { readonly [N in keyof C]: TaskEitherMethod<C[N]> }

/** Every `IamClient` operation as a `TaskEither`, e.g. `getUser: (input, options?) => TaskEither<…, User>`. */
export type TaskEitherIamClient = TaskEitherMethods<IamMethods>

/** Every `StsClient` operation as a `TaskEither`. */
export type TaskEitherStsClient = TaskEitherMethods<StsMethods>

/**
 * The operations of `client` as `TaskEither`s, built from its operation registry (so a new
 * operation needs no change here). Calling a method sends nothing: each run of the returned task
 * makes one call, and the task's promise always resolves (to `Right` with the value or `Left`
 * with the SDK's frozen error), never rejects. Close the client itself when done.
 *
 * @example
 * ```ts
 * import { pipe } from 'fp-ts/function'
 * import * as TE from 'fp-ts/TaskEither'
 * const iam = taskEitherClient(new IamClient(config))
 * const name = await pipe(iam.getUser({ userName: 'alice' }), TE.map((user) => user.name))()
 * ```
 */
export function taskEitherClient(client: IamClient): TaskEitherIamClient
/** The operations of an STS client as `TaskEither`s (see the IAM overload). */
export function taskEitherClient(client: StsClient): TaskEitherStsClient
export function taskEitherClient(client: IamClient | StsClient): TaskEitherIamClient | TaskEitherStsClient {
  return adaptMethods(
    client,
    (method) =>
      (...args: readonly unknown[]): TaskEither<unknown, unknown> =>
        fromResultAsync(() => method(...args)),
  ) as unknown as TaskEitherIamClient | TaskEitherStsClient
}
