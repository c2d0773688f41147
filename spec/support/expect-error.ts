import type { Result } from 'neverthrow'
import type { BceClientError, BceError, BceServiceError } from '../../lib'

/** The service error of a failed result, or a test failure naming what came instead. */
export function serviceErrorOf(result: Result<unknown, BceError>): BceServiceError {
  if (result.isOk()) throw new Error(`expected a service error, got Ok(${JSON.stringify(result.value)})`)
  if (result.error._tag !== 'BceServiceError') throw new Error(`expected a service error, got ${String(result.error)}`)
  return result.error
}

/** The client error of a failed result, or a test failure naming what came instead. */
export function clientErrorOf(result: Result<unknown, BceError>): BceClientError {
  if (result.isOk()) throw new Error(`expected a client error, got Ok(${JSON.stringify(result.value)})`)
  if (result.error._tag !== 'BceClientError') throw new Error(`expected a client error, got ${String(result.error)}`)
  return result.error
}
