import type { Result } from 'neverthrow'
import { err } from 'neverthrow'
import { headerValue } from '../decode/headers'
import type { ResponseContext } from '../decode/error-body'
import { decodeResponse, type ResponseReader } from '../decode/response'
import { makeClientError } from '../errors/make'
import type { BceError } from '../errors/types'
import type { SendOutcome } from '../http/transport'

/** Facts about the call an attempt belongs to: its operation, idempotency and attempt number. */
export type AttemptContext = ResponseContext

/** What one attempt produced, plus the answer's hints the retry loop needs. */
export interface AttemptOutcome<T> {
  readonly result: Result<T, BceError>
  /** The answer's `Date` header as epoch ms, when present and readable. */
  readonly serverDateMs?: number
  /** The answer's raw `Retry-After` header. */
  readonly retryAfter?: string
}

/** The outcome of an attempt that could not be signed because the signing clock is invalid. */
export function invalidClockOutcome(context: AttemptContext): AttemptOutcome<never> {
  return {
    result: err(
      makeClientError({
        reason: 'InvalidConfig',
        message: 'the signing clock returned an invalid time',
        operation: context.operation,
        attempts: context.attempts,
      }),
    ),
  }
}

/** Turns what the transport produced into the attempt's outcome: every failure becomes a tagged error. */
export function attemptOutcome<T>(
  sent: SendOutcome,
  reader: ResponseReader<T>,
  context: AttemptContext,
): AttemptOutcome<T> {
  if (!sent.ok) {
    const { failure } = sent
    const outcomeUnknown = failure.mayHaveBeenSent && !context.idempotent
    return {
      result: err(
        makeClientError({
          reason: failure.reason,
          message: outcomeUnknown ? `${failure.message}; the request may have been applied` : failure.message,
          operation: context.operation,
          attempts: context.attempts,
          retryable: failure.reason !== 'Aborted' && (!failure.mayHaveBeenSent || context.idempotent),
          ...(outcomeUnknown ? { outcomeUnknown } : {}),
          ...(sent.statusCode === undefined ? {} : { statusCode: sent.statusCode }),
          cause: failure.cause,
        }),
      ),
    }
  }
  const { response } = sent
  const result = decodeResponse(response, reader, context)
  if (result.isOk()) return { result }
  const date = headerValue(response.headers, 'date')
  const serverDateMs = date === undefined ? Number.NaN : Date.parse(date)
  const retryAfter = headerValue(response.headers, 'retry-after')
  return {
    result,
    ...(Number.isNaN(serverDateMs) ? {} : { serverDateMs }),
    ...(retryAfter === undefined ? {} : { retryAfter }),
  }
}
