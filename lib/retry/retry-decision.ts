import type { BceError } from '../errors/types'
import type { RetryCostClass } from './retry-budget'

/** Codes that mean the signature's timestamp was off: fixable by correcting the clock and re-signing. */
const CLOCK_SKEW_CODES = new Set(['RequestExpired', 'RequestTimeTooSkewed'])

/** Whether an error says the request was signed with a skewed clock. */
export function isClockSkewError(error: BceError): boolean {
  return error._tag === 'BceServiceError' && CLOCK_SKEW_CODES.has(error.code)
}

/** The budget class of a retry after `error`: transport failures and timeouts cost more. */
export function retryCostClass(error: BceError): RetryCostClass {
  return error._tag === 'BceClientError' && (error.reason === 'Network' || error.reason === 'Timeout')
    ? 'transport'
    : 'service'
}

/** Codes that mean temporary credentials were rejected (expired, revoked, token mismatch). */
const SESSION_REJECTED_CODES = new Set([
  'ExpiredToken',
  'InvalidSessionToken',
  'InvalidSecurityToken',
  'InvalidAccessKeyId',
])

/**
 * Whether `error` says the (temporary) credentials used are no longer accepted, so a refreshing
 * provider should drop its cache and fetch new ones.
 */
export function isRejectedSessionError(error: BceError, usedSessionToken: boolean): boolean {
  return usedSessionToken && error._tag === 'BceServiceError' && SESSION_REJECTED_CODES.has(error.code)
}
