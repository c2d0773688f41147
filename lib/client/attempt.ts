import type { Result } from 'neverthrow'
import { err } from 'neverthrow'
import type { Credentials } from '../auth/credentials'
import { headerValue, requestIdHeader } from '../decode/headers'
import type { ResponseContext } from '../decode/error-body'
import { decodeResponse, type ResponseReader } from '../decode/response'
import { makeClientError } from '../errors/make'
import { scrubError, secretScrubber } from '../errors/scrub'
import { MAX_REQUEST_ID_CHARS, serverText, type Scrub } from '../errors/server-text'
import type { BceError } from '../errors/types'
import type { HttpRequest, SendOutcome } from '../http/transport'

/** Facts about the call an attempt belongs to: its operation, idempotency and attempt number. */
export type AttemptContext = ResponseContext

/** What one attempt produced, plus the answer's hints the retry loop needs. */
export interface AttemptOutcome<T> {
  readonly result: Result<T, BceError>
  /** The answer's `Date` header as epoch ms, when present and readable. */
  readonly serverDateMs?: number | undefined
  /** The answer's raw `Retry-After` header. */
  readonly retryAfter?: string | undefined
  /** The HTTP status of a successful answer (a failure's is in its error). */
  readonly statusCode?: number | undefined
  /** The `x-bce-request-id` of a successful answer, capped (a failure's is in its error). */
  readonly requestId?: string | undefined
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

/**
 * The scrubber of one attempt's errors: the secrets this client knows and a server might reflect
 * (secret key, session token, the whole Authorization header and its signature, and the call's
 * secret inputs such as a password). Built on the error path only.
 */
export function attemptScrubber(
  credentials: Credentials | undefined,
  request: HttpRequest | undefined,
  inputSecrets: readonly string[] = [],
): Scrub {
  const authorization = request?.headers.authorization
  const token = credentials?.sessionToken
  return secretScrubber([
    credentials?.secretAccessKey,
    token,
    token?.trim(),
    authorization,
    authorization?.slice(authorization.lastIndexOf('/') + 1),
    ...inputSecrets,
  ])
}

/**
 * Turns what the transport produced into the attempt's outcome: every failure becomes a tagged
 * error, with the client's own secrets (those of `credentials` and the signed `request`)
 * scrubbed from every server-supplied string in it.
 */
export function attemptOutcome<T>(
  sent: SendOutcome,
  reader: ResponseReader<T>,
  context: AttemptContext,
  credentials?: Credentials,
  request?: HttpRequest,
  inputSecrets?: readonly string[],
): AttemptOutcome<T> {
  if (sent.isErr()) {
    const failure = sent.error
    const outcomeUnknown = failure.mayHaveBeenSent && !context.idempotent
    return {
      result: err(
        scrubError(
          makeClientError({
            reason: failure.reason,
            message: outcomeUnknown ? `${failure.message}; the request may have been applied` : failure.message,
            operation: context.operation,
            attempts: context.attempts,
            retryable:
              failure.reason !== 'Aborted' &&
              failure.permanent !== true &&
              (!failure.mayHaveBeenSent || context.idempotent),
            ...(outcomeUnknown ? { outcomeUnknown } : {}),
            ...(failure.statusCode === undefined ? {} : { statusCode: failure.statusCode }),
            cause: failure.cause,
          }),
          attemptScrubber(credentials, request, inputSecrets),
        ),
      ),
    }
  }
  const response = sent.value
  const decoded = decodeResponse(response, reader, context)
  if (decoded.isOk()) {
    const requestId = requestIdHeader(response.headers)
    return {
      result: decoded,
      statusCode: response.statusCode,
      ...(requestId === undefined ? {} : { requestId: serverText(requestId, MAX_REQUEST_ID_CHARS) }),
    }
  }
  // Every failure (an error answer, or a 2xx that did not decode) is decoded again with the
  // scrubber, so a reflected secret is removed before any cap could cut it, issues included.
  // The success path never builds the scrubber.
  const scrub = attemptScrubber(credentials, request, inputSecrets)
  const again = decodeResponse(response, reader, context, scrub)
  const result: Result<T, BceError> = again.isErr() ? err(scrubError(again.error, scrub)) : again
  const date = headerValue(response.headers, 'date')
  const serverDateMs = date === undefined ? Number.NaN : Date.parse(date)
  const retryAfter = headerValue(response.headers, 'retry-after')
  return {
    result,
    ...(Number.isNaN(serverDateMs) ? {} : { serverDateMs }),
    ...(retryAfter === undefined ? {} : { retryAfter }),
  }
}
