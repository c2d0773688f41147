import type { ClientErrorReason, ServiceErrorKind } from 'bce-iam'

/** A service error `kind` or a client error `reason`: what {@link bceMatchers}' `toBeErrKind` accepts. */
export type BceErrorKind = ServiceErrorKind | ClientErrorReason

/** Every {@link BceErrorKind}, written as a record so that a new kind cannot be forgotten. */
const KINDS: Readonly<Record<BceErrorKind, true>> = {
  NotFound: true,
  AlreadyExists: true,
  Conflict: true,
  LimitExceeded: true,
  AccessDenied: true,
  AuthFailure: true,
  InvalidRequest: true,
  Throttled: true,
  ServerError: true,
  Unknown: true,
  InvalidInput: true,
  InvalidConfig: true,
  Credentials: true,
  Network: true,
  Timeout: true,
  Aborted: true,
  Decode: true,
  Internal: true,
}

/**
 * The part of a jest or vitest matcher context the matchers use (`this` inside a matcher).
 * Both runners' contexts satisfy it.
 */
export interface MatcherContextLike {
  /** Whether the assertion is negated with `.not`. */
  readonly isNot?: boolean | undefined
  /** The runner's printing helpers; values are rendered with `String` without them. */
  readonly utils?: { stringify?: ((value: unknown) => string) | undefined } | undefined
}

/** What a matcher reports to jest or vitest. */
export interface MatcherOutcome {
  /** Whether the assertion passed. */
  readonly pass: boolean
  /** The failure (or, negated, success) message jest prints. */
  readonly message: () => string
}

/** A matcher's answer: immediate for a `Result`, a promise for a `ResultAsync` (or any thenable). */
export type MatcherAnswer = MatcherOutcome | Promise<MatcherOutcome>

/** A settled neverthrow Result as seen structurally (any copy of neverthrow). */
interface ResultLike {
  isOk(): boolean
  isErr(): boolean
  readonly value?: unknown
  readonly error?: unknown
}

function isResultLike(value: unknown): value is ResultLike {
  if (typeof value !== 'object' || value === null) return false
  const record = value as { isOk?: unknown; isErr?: unknown }
  return typeof record.isOk === 'function' && typeof record.isErr === 'function'
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

/** Renders a value for a failure message, never throwing. */
function show(context: MatcherContextLike, value: unknown): string {
  try {
    const stringify = context.utils?.stringify
    return stringify === undefined ? String(value) : stringify(value)
  } catch {
    return '(unprintable value)'
  }
}

/** Renders an error by its one-line summary (errors hold no secrets). */
function showError(value: unknown): string {
  try {
    return String(value)
  } catch {
    return '(unprintable error)'
  }
}

function describeResult(context: MatcherContextLike, result: ResultLike): string {
  return result.isOk() ? `Ok(${show(context, result.value)})` : `Err(${showError(result.error)})`
}

/** The kind of an error: `kind` for a service error, `reason` for a client error. */
function kindOf(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return undefined
  const record = error as { _tag?: unknown; kind?: unknown; reason?: unknown }
  if (record._tag === 'BceServiceError') return record.kind
  if (record._tag === 'BceClientError') return record.reason
  return undefined
}

/**
 * Runs `check` on the settled Result: now for a `Result`, after awaiting a `ResultAsync`.
 * Anything else fails the assertion, negated or not (returning `pass: isNot` makes it fail).
 */
function onResult(
  context: MatcherContextLike,
  received: unknown,
  check: (result: ResultLike) => MatcherOutcome,
): MatcherAnswer {
  const settle = (value: unknown): MatcherOutcome => {
    if (isResultLike(value)) return check(value)
    return {
      pass: context.isNot === true,
      message: () => `expected a neverthrow Result or ResultAsync, received ${show(context, value)}`,
    }
  }
  if (isResultLike(received) || !isThenable(received)) return settle(received)
  return Promise.resolve(received).then(settle, (rejection: unknown) => ({
    pass: context.isNot === true,
    message: () => `expected a ResultAsync, but the promise rejected with ${show(context, rejection)}`,
  }))
}

function toBeOk(this: MatcherContextLike, received: unknown): MatcherAnswer {
  return onResult(this, received, (result) => ({
    pass: result.isOk(),
    message: () =>
      result.isOk()
        ? `expected an Err, received ${describeResult(this, result)}`
        : `expected an Ok, received ${describeResult(this, result)}`,
  }))
}

function toBeErr(this: MatcherContextLike, received: unknown): MatcherAnswer {
  return onResult(this, received, (result) => ({
    pass: result.isErr(),
    message: () =>
      result.isErr()
        ? `expected an Ok, received ${describeResult(this, result)}`
        : `expected an Err, received ${describeResult(this, result)}`,
  }))
}

function toBeErrKind(this: MatcherContextLike, received: unknown, kind: BceErrorKind): MatcherAnswer {
  if (typeof kind !== 'string' || !Object.hasOwn(KINDS, kind)) {
    return {
      pass: this.isNot === true,
      message: () =>
        `toBeErrKind needs a ServiceErrorKind or ClientErrorReason (${Object.keys(KINDS).join(', ')}), received ${show(this, kind)}`,
    }
  }
  return onResult(this, received, (result) => {
    const pass = result.isErr() && kindOf(result.error) === kind
    return {
      pass,
      message: () =>
        pass
          ? `expected an Err of another kind than ${kind}, received ${describeResult(this, result)}`
          : `expected an Err of kind ${kind}, received ${describeResult(this, result)}`,
    }
  })
}

/**
 * Matchers for neverthrow Results of bce-iam calls, for jest's or vitest's `expect.extend`:
 *
 * - `toBeOk()`: the Result is `Ok`;
 * - `toBeErr()`: the Result is `Err`;
 * - `toBeErrKind(kind)`: the Result is `Err` with a `BceServiceError` of that `kind` or a
 *   `BceClientError` of that `reason`.
 *
 * They take a `Result` (answered immediately) or a `ResultAsync` directly (answered
 * asynchronously: `await` the assertion). `await expect(resultAsync).resolves.toBeOk()` works
 * too. Failure messages show errors by their one-line summary, which never holds a secret.
 *
 * @example
 * ```ts
 * import { bceMatchers } from 'bce-iam/jest'
 * expect.extend(bceMatchers)
 *
 * await expect(iam.getUser({ userName: 'ghost' })).toBeErrKind('NotFound')
 * expect(await iam.createUser({ name: 'alice' })).toBeOk()
 * ```
 */
export const bceMatchers: {
  readonly toBeOk: (this: MatcherContextLike, received: unknown) => MatcherAnswer
  readonly toBeErr: (this: MatcherContextLike, received: unknown) => MatcherAnswer
  readonly toBeErrKind: (this: MatcherContextLike, received: unknown, kind: BceErrorKind) => MatcherAnswer
} = { toBeOk, toBeErr, toBeErrKind }

/** Anything with a `then` method (a Promise, a ResultAsync). */
export type Thenable = { readonly then: (...args: never[]) => unknown }

/** An assertion's return type: a promise for a thenable received value (unless already one). */
export type Answer<R, T> = R extends Promise<unknown> ? R : T extends Thenable ? Promise<R> : R

/**
 * The matchers as they appear on `expect(received)`. `R` is the runner's assertion return type;
 * an assertion on a `ResultAsync` (anything with a `then` method) returns a promise to `await`.
 *
 * For vitest, augment its `Assertion` with it:
 * `declare module 'vitest' { interface Assertion<T> extends BceResultMatchers<void, T> {} }`.
 */
export interface BceResultMatchers<R, T = unknown> {
  // A thenable is recognised by its `then` method: neverthrow's ResultAsync is not assignable to
  // PromiseLike under strictNullChecks (its callbacks do not accept null).
  /** The Result is `Ok`. */
  toBeOk(): Answer<R, T>
  /** The Result is `Err`. */
  toBeErr(): Answer<R, T>
  /** The Result is `Err` with a service error of this `kind` or a client error of this `reason`. */
  toBeErrKind(kind: BceErrorKind): Answer<R, T>
}
