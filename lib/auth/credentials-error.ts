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
 * The one wrap of a failed call that fetches credentials (an STS call): a `Credentials` error
 * whose message says what went wrong (service code and status, or client reason) and whose
 * `cause` is the failed call's error itself, intact (it is frozen plain data, already scrubbed of
 * the fetching client's secrets). Every layer above passes this error on, changing only its
 * `operation`.
 */
export function asCredentialsError(error: BceError, source: string): BceClientError {
  const what =
    error._tag === 'BceServiceError'
      ? `${error.kind} (${error.code}, HTTP ${error.statusCode}): ${error.message}`
      : `${error.reason}: ${error.message}`
  return credentialsError(`${source} failed: ${what}`, error)
}
