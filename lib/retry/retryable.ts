/**
 * Whether a service answer may succeed if the same call is repeated: 429 and 503 always (the
 * request was refused before it was applied); 500, 502 and 504 only for idempotent operations
 * (the change may have been applied); `RequestExpired` / `RequestTimeTooSkewed` always (the
 * request was rejected before it was applied, and a fresh signature can fix it). Quota errors
 * (`LimitExceeded`) are never retryable.
 */
export function isRetryableServiceError(statusCode: number, code: string, idempotent: boolean): boolean {
  if (code === 'RequestExpired' || code === 'RequestTimeTooSkewed') return true
  if (statusCode === 429 || statusCode === 503) return true
  if (statusCode === 500 || statusCode === 502 || statusCode === 504) return idempotent
  return false
}
