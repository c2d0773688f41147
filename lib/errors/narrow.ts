import { errAsync, ResultAsync, type Result } from 'neverthrow'
import type { BceError, ServiceError, ServiceErrorKind } from './types'

/** The service-error kinds an error type can hold, e.g. those of one operation's error union. */
export type KindsOf<E> = E extends { readonly _tag: 'BceServiceError'; readonly kind: infer K } ? K : never

/** The members of the error union `E` that are service errors of one of the kinds `K`. */
export type ServiceErrorIn<E, K extends ServiceErrorKind> = Extract<
  E,
  { readonly _tag: 'BceServiceError'; readonly kind: K }
>

/** `E` without the service errors of the kinds `K`: what is left once they are handled. */
export type WithoutKinds<E, K extends ServiceErrorKind> = Exclude<
  E,
  { readonly _tag: 'BceServiceError'; readonly kind: K }
>

const isServiceErrorOf = (error: BceError, kinds: readonly ServiceErrorKind[]): boolean =>
  error._tag === 'BceServiceError' && (kinds.length === 0 || kinds.includes(error.kind))

/**
 * Whether `error` is a service error (of one of `kinds`, when given); a type guard that narrows
 * an operation's error union. Only kinds the union can hold are accepted, so asking a `getUser`
 * error whether it is `AlreadyExists` does not compile.
 *
 * @example
 * ```ts
 * const result = await iam.getUser({ userName })
 * if (result.isErr() && isServiceError(result.error, 'NotFound')) console.log(result.error.code)
 * ```
 */
export function isServiceError<E extends BceError>(error: E): error is ServiceErrorIn<E, ServiceErrorKind>
/** Whether `error` is a service error of one of `kinds`; narrows `error` to that error. */
export function isServiceError<E extends BceError, K extends KindsOf<E>>(
  error: E,
  ...kinds: [K, ...K[]]
): error is ServiceErrorIn<E, K>
export function isServiceError(error: BceError, ...kinds: ServiceErrorKind[]): boolean {
  return isServiceErrorOf(error, kinds)
}

/**
 * A recovery step for neverthrow's `orElse`: a service error of one of `kinds` is handed to
 * `handler` (whose result becomes the call's), anything else passes through unchanged. The
 * handled kinds leave the error type:
 *
 * @example
 * ```ts
 * // ResultAsync<User, BceClientError | ServiceError<'LimitExceeded' | common kinds> | errors of getUser>
 * const user = iam.createUser({ name }).orElse(recover('AlreadyExists', () => iam.getUser({ userName: name })))
 * ```
 */
export function recover<K extends ServiceErrorKind, T, F>(
  kinds: K | readonly [K, ...K[]],
  handler: (error: ServiceError<K>) => Result<T, F> | ResultAsync<T, F>,
): <E extends BceError>(error: E) => ResultAsync<T, F | WithoutKinds<E, K>> {
  const handled: readonly ServiceErrorKind[] = typeof kinds === 'string' ? [kinds] : kinds
  return <E extends BceError>(error: E): ResultAsync<T, F | WithoutKinds<E, K>> => {
    if (!isServiceErrorOf(error, handled)) return errAsync(error as WithoutKinds<E, K>)
    const outcome = handler(error as unknown as ServiceError<K>)
    return outcome instanceof ResultAsync ? outcome : new ResultAsync(Promise.resolve(outcome))
  }
}
