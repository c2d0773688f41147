import type { BceClientError, ServiceError, ServiceErrorKind } from './types'

/**
 * The service-error kinds an operation declares it can produce: they depend on what the operation
 * does (a read can miss its target, a create can find the name taken, a delete can be blocked, a
 * create can hit an account limit). Any other operation-specific kind is reported as `Unknown`.
 */
export type OperationErrorKind = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'LimitExceeded'

/** The kinds every call can meet, whatever the operation: refusals, bad requests, throttling, outages. */
export type CommonErrorKind = Exclude<ServiceErrorKind, OperationErrorKind>

/** Every {@link OperationErrorKind}, for run-time checks. */
export const OPERATION_ERROR_KINDS: readonly OperationErrorKind[] = [
  'NotFound',
  'AlreadyExists',
  'Conflict',
  'LimitExceeded',
]

/** Every {@link CommonErrorKind}, for run-time checks. */
export const COMMON_ERROR_KINDS: readonly CommonErrorKind[] = [
  'AccessDenied',
  'AuthFailure',
  'InvalidRequest',
  'Throttled',
  'ServerError',
  'Unknown',
]

/** Whether `kind` is one an operation must declare to report (see {@link OperationErrorKind}). */
export function isOperationErrorKind(kind: ServiceErrorKind): kind is OperationErrorKind {
  return kind === 'NotFound' || kind === 'AlreadyExists' || kind === 'Conflict' || kind === 'LimitExceeded'
}

/**
 * Every error a call of an operation declaring the kinds `K` can resolve to: a client error, or a
 * service error of a declared kind or of a common kind.
 */
export type OperationError<K extends OperationErrorKind> = BceClientError | ServiceError<K | CommonErrorKind>
