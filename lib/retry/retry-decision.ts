import type { BceError } from '../errors/types'
import type { RetryCostClass } from './retry-budget'

/**
 * What a service error code means to the retry logic. The one table of such codes in the SDK
 * (the error `kind` table in errors/classify.ts is a different question: what went wrong, not
 * whether to try again).
 *
 * - `clockSkew`: the signature's timestamp was off; the request was rejected before it was
 *   applied, and correcting the clock and re-signing can fix it (always retryable).
 * - `rejectedSession`: temporary credentials are no longer accepted (expired, revoked, token
 *   mismatch); a refreshing provider should drop its cache and fetch new ones.
 */
type CodeClass = 'clockSkew' | 'rejectedSession'

const CODE_CLASS: ReadonlyMap<string, CodeClass> = new Map<string, CodeClass>([
  ['RequestExpired', 'clockSkew'],
  ['RequestTimeTooSkewed', 'clockSkew'],
  ['ExpiredToken', 'rejectedSession'],
  ['InvalidSessionToken', 'rejectedSession'],
  ['InvalidSecurityToken', 'rejectedSession'],
  ['InvalidAccessKeyId', 'rejectedSession'],
])

/**
 * HTTP statuses after which the same call may succeed: `always` when the request was refused
 * before it was applied (429, 503); `idempotent` when the change may have been applied (500, 502,
 * 504), so only an idempotent operation may repeat it. Every other status is final (quota errors,
 * `LimitExceeded`, included).
 */
const STATUS_CLASS: ReadonlyMap<number, 'always' | 'idempotent'> = new Map<number, 'always' | 'idempotent'>([
  [429, 'always'],
  [503, 'always'],
  [500, 'idempotent'],
  [502, 'idempotent'],
  [504, 'idempotent'],
])

/** Whether a service error code says the request was signed with a skewed clock. */
export function isClockSkewCode(code: string): boolean {
  return CODE_CLASS.get(code) === 'clockSkew'
}

/**
 * Whether a service answer may succeed if the same call is repeated: clock-skew codes always
 * (a fresh signature can fix them), else as the status table says.
 */
export function isRetryableServiceError(statusCode: number, code: string, idempotent: boolean): boolean {
  if (isClockSkewCode(code)) return true
  const status = STATUS_CLASS.get(statusCode)
  return status === 'always' || (status === 'idempotent' && idempotent)
}

/** Whether an error says the request was signed with a skewed clock. */
export function isClockSkewError(error: BceError): boolean {
  return error._tag === 'BceServiceError' && isClockSkewCode(error.code)
}

/** The budget class of a retry after `error`: transport failures and timeouts cost more. */
export function retryCostClass(error: BceError): RetryCostClass {
  return error._tag === 'BceClientError' && (error.reason === 'Network' || error.reason === 'Timeout')
    ? 'transport'
    : 'service'
}

/**
 * Whether `error` says the (temporary) credentials used are no longer accepted, so a refreshing
 * provider should drop its cache and fetch new ones.
 */
export function isRejectedSessionError(error: BceError, usedSessionToken: boolean): boolean {
  return usedSessionToken && error._tag === 'BceServiceError' && CODE_CLASS.get(error.code) === 'rejectedSession'
}
