import { makeClientError } from '../errors/make'
import type { BceClientError, BceError } from '../errors/types'

/** A `Credentials` error; messages name sources and fields, never values. */
export function credentialsError(message: string, cause?: unknown): BceClientError {
  return makeClientError({
    reason: 'Credentials',
    message,
    operation: 'credentials',
    ...(cause === undefined ? {} : { cause }),
  })
}

/**
 * Re-labels the failure of a call that fetches credentials (an STS call) as a `Credentials`
 * error, keeping what went wrong (service code and status, or client reason) in the message.
 */
export function asCredentialsError(error: BceError, source: string): BceClientError {
  const what =
    error._tag === 'BceServiceError'
      ? `${error.kind} (${error.code}, HTTP ${error.statusCode}): ${error.message}`
      : `${error.reason}: ${error.message}`
  return credentialsError(`${source} failed: ${what}`, {
    name: error._tag,
    code: error._tag === 'BceServiceError' ? error.code : error.reason,
    message: error.message,
  })
}
