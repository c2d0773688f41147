/**
 * The error contract of bce-iam. Every operation resolves to `Ok<T>` or to `Err<BceError>`;
 * errors are plain frozen data, discriminated by `_tag` and then by `kind` / `reason`.
 *
 * @packageDocumentation
 */
import type { CodesOfKind } from './classify'

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

/**
 * The error codes this SDK knows for a kind (from the classifier's code table); a service error's
 * `code` may also be any other string the service sends.
 */
export type KnownServiceErrorCode<K extends ServiceErrorKind = ServiceErrorKind> = CodesOfKind<K>

/**
 * One member of the service-error union: the service answered with a non-2xx status that
 * classifies as `kind` `K`. Use {@link ServiceError} to name one or several kinds.
 */
export interface ServiceErrorOf<K extends ServiceErrorKind> {
  /** Discriminant: an error answer from the service. */
  readonly _tag: 'BceServiceError'
  /** Classification of `code` and `statusCode`, stable across services and SDK versions. */
  readonly kind: K
  /**
   * The error code verbatim from the body; derived from the status when the body has none.
   * Typed as the codes known for this kind, plus any other string.
   */
  readonly code: KnownServiceErrorCode<K> | (string & {})
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

/**
 * A service error of one of the kinds `K`, as a discriminated union with one member per kind:
 * `ServiceError<'NotFound' | 'Conflict'>` is `ServiceErrorOf<'NotFound'> | ServiceErrorOf<'Conflict'>`,
 * so `Extract`, `Exclude`, a `switch` on `kind` and type guards narrow it.
 */
export type ServiceError<K extends ServiceErrorKind = ServiceErrorKind> = K extends ServiceErrorKind
  ? ServiceErrorOf<K>
  : never

/** The service answered with a non-2xx status: a service error of any kind. */
export type BceServiceError = ServiceError

/** Why no usable answer came from the service. */
export type ClientErrorReason =
  | 'InvalidInput'
  | 'InvalidConfig'
  | 'Credentials'
  | 'Network'
  | 'Timeout'
  | 'Aborted'
  | 'Decode'
  /** An unexpected failure inside the SDK's call pipeline: a defect in bce-iam; please report it. */
  | 'Internal'

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
  /** Discriminant: an error found by the SDK itself (no usable answer from the service). */
  readonly _tag: 'BceClientError'
  /** Why the call failed (`InvalidInput`, `Network`, `Timeout`, `Decode`, …). */
  readonly reason: ClientErrorReason
  /** A one-line description, safe to log (no secrets). */
  readonly message: string
  /** The SDK method name of the failed call (e.g. `getUser`). */
  readonly operation: string
  /** How many HTTP attempts were made (0 when the call failed before sending). */
  readonly attempts: number
  /** Whether retrying the same call may succeed. */
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
