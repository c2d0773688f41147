/**
 * The error contract of bce-iam. Every operation resolves to `Ok<T>` or to `Err<BceError>`;
 * errors are plain frozen data, discriminated by `_tag` and then by `kind` / `reason`.
 *
 * @packageDocumentation
 */

/**
 * What went wrong on the service side, derived by a pure table from the HTTP status and the
 * error code (see {@link classifyServiceError}). A closed union, so a `switch` over it can be
 * exhaustive.
 */
export type ServiceErrorKind =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'LimitExceeded'
  | 'AccessDenied'
  | 'AuthFailure'
  | 'InvalidRequest'
  | 'Throttled'
  | 'ServerError'
  | 'Unknown'

/** The service answered with a non-2xx status. */
export interface BceServiceError {
  readonly _tag: 'BceServiceError'
  /** Classification of `code` and `statusCode`, stable across services and SDK versions. */
  readonly kind: ServiceErrorKind
  /** The error code verbatim from the body; derived from the status when the body has none. */
  readonly code: string
  /** HTTP status of the answer. */
  readonly statusCode: number
  /** Human-readable description (from the body, or derived from the status). */
  readonly message: string
  /** Body `requestId`, else the `x-bce-request-id` response header. */
  readonly requestId?: string
  /** The SDK operation, e.g. `getUser`. */
  readonly operation: string
  /** How many HTTP attempts were made. */
  readonly attempts: number
  /** Whether retrying the same call later may succeed. */
  readonly retryable: boolean
  /** A one-line summary (non-enumerable, so the error stays plain data). */
  toString(): string
}

/** Why no usable answer came from the service. */
export type ClientErrorReason =
  'InvalidInput' | 'InvalidConfig' | 'Credentials' | 'Network' | 'Timeout' | 'Aborted' | 'Decode'

/** One problem found while validating input or decoding a response. */
export interface ErrorIssue {
  /** Dotted path of the offending value, e.g. `users.3.createTime` or `input.userName`. */
  readonly path: string
  /** What was expected there. */
  readonly expected: string
  /** A short, redacted description of what was found. */
  readonly actual?: string
}

/** No usable answer from the service: bad input or configuration, transport failure, undecodable body. */
export interface BceClientError {
  readonly _tag: 'BceClientError'
  readonly reason: ClientErrorReason
  readonly message: string
  readonly operation: string
  readonly attempts: number
  readonly retryable: boolean
  /** The request may have been applied by the service (a non-idempotent call cut off after sending). */
  readonly outcomeUnknown?: boolean
  /** For `InvalidInput` and `Decode`: every problem found. */
  readonly issues?: readonly ErrorIssue[]
  /** For `Decode` of a 2xx body: the status that came with it. */
  readonly statusCode?: number
  /** For `Decode` of a 2xx body: the request id that came with it. */
  readonly requestId?: string
  /** The underlying error, reduced to `{ name, code, message }`; never holds secrets. */
  readonly cause?: unknown
  /** A one-line summary (non-enumerable, so the error stays plain data). */
  toString(): string
}

/** Every error an SDK call can resolve to. */
export type BceError = BceClientError | BceServiceError
