import type { KnownErrorCode } from './code-provenance'
import type { ServiceErrorKind } from './types'

/**
 * Codes whose meaning is known regardless of the status they arrive with. BCE publishes no
 * IAM-specific code table, so this lists the common BCE codes and the spellings IAM-like
 * services are known to use; anything else falls back on the HTTP status. Each code's source
 * (Baidu's docs, an official SDK, or an assumption) is recorded in code-provenance.ts: a code
 * missing there does not compile here.
 */
export const KIND_BY_CODE = {
  NotFound: 'NotFound',
  NoSuchEntity: 'NotFound',
  ResourceNotFound: 'NotFound',
  EntityAlreadyExists: 'AlreadyExists',
  AlreadyExists: 'AlreadyExists',
  ResourceAlreadyExists: 'AlreadyExists',
  DeleteConflict: 'Conflict',
  Conflict: 'Conflict',
  ConcurrentModification: 'Conflict',
  IdempotentParameterMismatch: 'Conflict',
  LimitExceeded: 'LimitExceeded',
  QuotaExceeded: 'LimitExceeded',
  AccessDenied: 'AccessDenied',
  OptInRequired: 'AccessDenied',
  InvalidAccessKeyId: 'AuthFailure',
  SignatureDoesNotMatch: 'AuthFailure',
  RequestExpired: 'AuthFailure',
  RequestTimeTooSkewed: 'AuthFailure',
  InvalidHTTPAuthHeader: 'AuthFailure',
  InvalidSecurityToken: 'AuthFailure',
  InvalidSessionToken: 'AuthFailure',
  ExpiredToken: 'AuthFailure',
  InvalidHTTPRequest: 'InvalidRequest',
  InvalidURI: 'InvalidRequest',
  MalformedJSON: 'InvalidRequest',
  InappropriateJSON: 'InvalidRequest',
  InvalidParameter: 'InvalidRequest',
  InvalidParameterValue: 'InvalidRequest',
  InvalidVersion: 'InvalidRequest',
  PreconditionFailed: 'InvalidRequest',
  Throttling: 'Throttled',
  ThrottlingException: 'Throttled',
  TooManyRequests: 'Throttled',
  RequestLimitExceeded: 'Throttled',
  SlowDown: 'Throttled',
  InternalError: 'ServerError',
  ServiceUnavailable: 'ServerError',
} as const satisfies { readonly [C in KnownErrorCode]?: ServiceErrorKind }

/** The codes of the table above that classify as one of the kinds `K`. */
export type CodesOfKind<K extends ServiceErrorKind> = {
  [C in keyof typeof KIND_BY_CODE]: (typeof KIND_BY_CODE)[C] extends K ? C : never
}[keyof typeof KIND_BY_CODE]

const kindByCode: Readonly<Record<string, ServiceErrorKind>> = KIND_BY_CODE

/**
 * Classifies a service error: known codes first, then the HTTP status (404 NotFound,
 * 409 Conflict, 429 Throttled, 5xx ServerError, 401 AuthFailure, 403 AccessDenied, other 4xx
 * InvalidRequest, anything else Unknown). Pure and total.
 *
 * With `reportable` (the kinds an operation declares plus the common ones), a kind outside it
 * becomes `Unknown`: an operation's error type never names a kind it does not declare.
 */
export function classifyServiceError(
  statusCode: number,
  code: string,
  reportable?: ReadonlySet<ServiceErrorKind>,
): ServiceErrorKind {
  const kind = kindOf(statusCode, code)
  return reportable === undefined || reportable.has(kind) ? kind : 'Unknown'
}

function kindOf(statusCode: number, code: string): ServiceErrorKind {
  const byCode = Object.prototype.hasOwnProperty.call(kindByCode, code) ? kindByCode[code] : undefined
  if (byCode !== undefined) return byCode
  if (statusCode === 404) return 'NotFound'
  if (statusCode === 409) return 'Conflict'
  if (statusCode === 429) return 'Throttled'
  if (statusCode === 401) return 'AuthFailure'
  if (statusCode === 403) return 'AccessDenied'
  if (statusCode >= 500 && statusCode <= 599) return 'ServerError'
  if (statusCode >= 400 && statusCode <= 499) return 'InvalidRequest'
  return 'Unknown'
}

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'InvalidHTTPRequest',
  403: 'AccessDenied',
  412: 'PreconditionFailed',
  500: 'InternalError',
}

/**
 * The code to report when an error body carries none, as the official Go SDK derives it:
 * 400 InvalidHTTPRequest, 403 AccessDenied, 412 PreconditionFailed, 500 InternalError, else the
 * reason phrase without spaces (e.g. `NotFound`, `ServiceUnavailable`), else `Http<status>`.
 */
export function codeFromStatus(statusCode: number, reasonPhrase?: string): string {
  const fixed = CODE_BY_STATUS[statusCode]
  if (fixed !== undefined) return fixed
  const phrase = (reasonPhrase ?? '').replace(/[^A-Za-z0-9]/g, '')
  return phrase.length > 0 ? phrase : `Http${statusCode}`
}
