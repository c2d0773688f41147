import type { BceClientError, BceError, BceServiceError, ClientErrorReason, ErrorIssue } from './types'

function describeService(this: BceServiceError): string {
  const id = this.requestId === undefined ? '' : ` (requestId ${this.requestId})`
  return `BceServiceError ${this.kind}/${this.code} [${this.statusCode}] in ${this.operation}: ${this.message}${id}`
}

function describeClient(this: BceClientError): string {
  return `BceClientError ${this.reason} in ${this.operation}: ${this.message}`
}

/**
 * Every error built here. Such an error is frozen plain data whose strings went through the
 * scrubbing and capping of the path that built it, so it may ride along whole as another error's
 * `cause`; anything else is reduced by {@link summariseCause}.
 */
const built = new WeakSet()

/** Freezes an error and gives it a readable, non-enumerable `toString` (so it stays plain data). */
function seal<E extends object>(error: E, describe: (this: E) => string): Readonly<E> {
  Object.defineProperty(error, 'toString', { value: describe, enumerable: false })
  if ('issues' in error && Array.isArray(error.issues)) Object.freeze(error.issues)
  built.add(error)
  return Object.freeze(error)
}

/** Whether `value` is a {@link BceError} built by this module (not merely shaped like one). */
export function isBuiltError(value: unknown): value is BceError {
  return typeof value === 'object' && value !== null && built.has(value)
}

/** `T` with its fields writable, for building an error before it is frozen. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Fields of a service error, without the tag (an undefined `requestId` is no request id). */
export type ServiceErrorFields = Omit<BceServiceError, '_tag' | 'toString' | 'requestId'> & {
  readonly requestId?: string | undefined
}

/** Builds a frozen {@link BceServiceError}; `requestId` is left out when undefined. */
export function makeServiceError(fields: ServiceErrorFields): BceServiceError {
  const error: Mutable<Omit<BceServiceError, 'toString'>> = {
    _tag: 'BceServiceError',
    kind: fields.kind,
    code: fields.code,
    statusCode: fields.statusCode,
    message: fields.message,
    operation: fields.operation,
    attempts: fields.attempts,
    retryable: fields.retryable,
  }
  if (fields.requestId !== undefined) error.requestId = fields.requestId
  return seal(error, describeService)
}

/** Fields of a client error, without the tag; `attempts` and `retryable` default to 0 / false. */
export interface ClientErrorFields {
  readonly reason: ClientErrorReason
  readonly message: string
  readonly operation: string
  readonly attempts?: number
  readonly retryable?: boolean
  readonly outcomeUnknown?: boolean
  readonly issues?: readonly ErrorIssue[]
  readonly statusCode?: number
  readonly requestId?: string
  readonly cause?: unknown
}

/** Builds a frozen {@link BceClientError}; optional fields left undefined are omitted. */
export function makeClientError(fields: ClientErrorFields): BceClientError {
  const error: Mutable<Omit<BceClientError, 'toString'>> = {
    _tag: 'BceClientError',
    reason: fields.reason,
    message: fields.message,
    operation: fields.operation,
    attempts: fields.attempts ?? 0,
    retryable: fields.retryable ?? false,
  }
  if (fields.outcomeUnknown !== undefined) error.outcomeUnknown = fields.outcomeUnknown
  if (fields.issues !== undefined) error.issues = [...fields.issues]
  if (fields.statusCode !== undefined) error.statusCode = fields.statusCode
  if (fields.requestId !== undefined) error.requestId = fields.requestId
  if (fields.cause !== undefined) error.cause = keptCause(fields.cause)
  return seal(error, describeClient)
}

/** Bookkeeping fields that change as an error travels up through retries and clients. */
export interface ErrorAmendment {
  readonly operation?: string
  readonly attempts?: number
  readonly retryable?: boolean
}

/** A copy of `error` with some bookkeeping fields replaced (errors are frozen, so this copies). */
export function amendError<E extends BceClientError | BceServiceError>(error: E, amendment: ErrorAmendment): E {
  const plain: BceClientError | BceServiceError = error
  if (plain._tag === 'BceServiceError') {
    const { _tag, ...rest } = plain
    return makeServiceError({ ...rest, ...amendment }) as E
  }
  const { _tag, ...rest } = plain
  return makeClientError({ ...rest, ...amendment }) as E
}

/**
 * What an error keeps of its cause: an SDK error (see {@link isBuiltError}) as it is, so a wrapped
 * failure keeps its `_tag`, `kind`/`reason`, `code` and `statusCode`; anything else reduced by
 * {@link summariseCause}.
 */
export function keptCause(cause: unknown): unknown {
  return isBuiltError(cause) ? cause : summariseCause(cause)
}

/**
 * Reduces an arbitrary thrown value to `{ name, code, message }` strings so that no object graph
 * (sockets, request options holding headers) rides along in an error. Messages of transport
 * errors never contain request headers, and we never put secrets into our own messages.
 */
export function summariseCause(cause: unknown): { name: string; code?: string; message: string } {
  if (typeof cause === 'object' && cause !== null) {
    const record = cause as { name?: unknown; code?: unknown; message?: unknown }
    const summary: { name: string; code?: string; message: string } = {
      name: typeof record.name === 'string' ? record.name : 'Error',
      message: typeof record.message === 'string' ? record.message : '',
    }
    if (typeof record.code === 'string') summary.code = record.code
    return summary
  }
  return { name: typeof cause, message: typeof cause === 'string' ? cause : '' }
}
