import type { BceClientError, BceError, BceServiceError, ClientErrorReason, ServiceErrorKind } from 'bce-iam'

/**
 * A bce-iam error as an Effect failure: `_tag` is the service-error kind (`NotFound`, `Throttled`,
 * …) or the client-error reason (`InvalidInput`, `Timeout`, …), so `Effect.catchTag` and
 * `Effect.catchTags` select by kind or reason; `error` is the SDK's own error, untouched (frozen
 * plain data, secrets already scrubbed), for `code`, `requestId`, `retryable` and the SDK's
 * helpers. Kinds and reasons never share a name, so the tag alone tells them apart.
 *
 * The value is frozen plain data; its non-enumerable `toString` is the SDK error's one-line
 * summary, which is what Effect prints for it (`Cause.pretty`, a rejected `runPromise`).
 */
export interface TaggedBceError<Tag extends ServiceErrorKind | ClientErrorReason, Err extends BceError> {
  /** The service-error kind or the client-error reason of `error`. */
  readonly _tag: Tag
  /** The SDK error, unchanged. */
  readonly error: Err
  /** The SDK error's one-line summary (non-enumerable). */
  toString(): string
}

/** One tagged member per reason a client-error type can hold. */
export type TaggedClientError<Err extends BceClientError> = Err extends unknown
  ? { [R in Err['reason']]: TaggedBceError<R, Err & { readonly reason: R }> }[Err['reason']]
  : never

/**
 * The Effect failure type of an SDK error union: each service error tagged with its kind and each
 * client error with its reason. For one operation's errors (e.g. `getUser`'s) the kinds it does
 * not declare stay absent, so `Effect.catchTag('AlreadyExists', …)` on it does not compile.
 */
export type EffectErrorOf<Err> = Err extends BceServiceError
  ? TaggedBceError<Err['kind'], Err>
  : Err extends BceClientError
    ? TaggedClientError<Err>
    : never

/** `error` tagged with its kind or reason (see {@link TaggedBceError}); the SDK error is kept as is. */
export function tagError<Err extends BceError>(error: Err): EffectErrorOf<Err> {
  const tagged = { _tag: error._tag === 'BceServiceError' ? error.kind : error.reason, error }
  Object.defineProperty(tagged, 'toString', { value: () => error.toString(), enumerable: false })
  return Object.freeze(tagged) as unknown as EffectErrorOf<Err>
}
