import type { BceError } from './types'

/**
 * A {@link BceError} as a real `Error`, for boundaries that only speak Promises and exceptions
 * (a framework's error handler, `Promise.reject`, a test runner's `rejects`).
 *
 * - `message` is the one-line summary `String(error)`;
 * - `name` is the error's `_tag` (`BceServiceError` or `BceClientError`);
 * - every other field of the error (`kind`/`reason`, `code`, `statusCode`, `requestId`,
 *   `operation`, `attempts`, `retryable`, `issues`, …) is an own enumerable property;
 * - `cause` is the original error object (whose own `cause`, if any, is the underlying failure:
 *   another SDK error kept whole, such as the STS error behind a `Credentials` error, or a
 *   `{ name, code, message }` summary of anything else).
 *
 * Errors never hold secrets, so neither does this `Error` (`String`, `JSON.stringify`,
 * `util.inspect`).
 */
export type BceErrorException<E extends BceError = BceError> = Error &
  Omit<E, 'message' | 'cause' | 'toString'> & {
    readonly name: E['_tag']
    readonly cause: E
  }

/** Fields that an `Error` defines itself and that are therefore not copied from the error. */
const OWN_ERROR_FIELDS: ReadonlySet<string> = new Set(['message', 'cause', 'toString', 'name', 'stack'])

/** `String(value)`, or a fixed text when the value cannot be rendered (never throws). */
function render(value: unknown): string {
  try {
    return String(value)
  } catch {
    return 'BceError (unprintable)'
  }
}

/** The `_tag` of an error-like value, or `Error` when it has none. */
function tagOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return 'Error'
  const tag = (value as { _tag?: unknown })._tag
  return typeof tag === 'string' ? tag : 'Error'
}

/** Copies the enumerable fields of `source` onto `target`, except those an `Error` owns. */
function copyFields(source: unknown, target: Error): void {
  if (typeof source !== 'object' || source === null) return
  try {
    for (const [key, value] of Object.entries(source)) {
      if (!OWN_ERROR_FIELDS.has(key)) {
        Object.defineProperty(target, key, { value, enumerable: true, writable: false, configurable: true })
      }
    }
  } catch {
    // A hostile object (a throwing getter or proxy) keeps only the message and the cause.
  }
}

/**
 * Wraps a {@link BceError} in a real `Error` (see {@link BceErrorException}); for code that must
 * throw or reject, e.g. `result.match(ok, (e) => { throw toError(e) })` or
 * `resultAsync.match(identity, (e) => Promise.reject(toError(e)))`. Never throws itself, whatever
 * it is given.
 *
 * @example
 * ```ts
 * const user = await iam.getUser({ userName }).match(
 *   (u) => u,
 *   (e) => { throw toError(e) }, // e.g. inside an Express handler
 * )
 * ```
 */
export function toError<E extends BceError>(error: E): BceErrorException<E> {
  const exception = new Error(render(error), { cause: error })
  Object.defineProperty(exception, 'name', {
    value: tagOf(error),
    enumerable: false,
    writable: true,
    configurable: true,
  })
  copyFields(error, exception)
  return exception as BceErrorException<E>
}
