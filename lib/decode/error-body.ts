import { STATUS_CODES } from 'node:http'
import { classifyServiceError, codeFromStatus } from '../errors/classify'
import { makeServiceError } from '../errors/make'
import { MAX_CODE_CHARS, MAX_MESSAGE_CHARS, MAX_REQUEST_ID_CHARS, serverText, type Scrub } from '../errors/server-text'
import type { BceServiceError, ServiceErrorKind } from '../errors/types'
import { parseJsonBytes } from './json'

/** Where a response came from, for the error it may become. */
export interface ResponseContext {
  readonly operation: string
  readonly attempts: number
  readonly idempotent: boolean
  /**
   * The service-error kinds the operation may report (its declared kinds plus the common ones,
   * precomputed once per operation); an answer classifying as any other kind is reported as
   * `Unknown`, with its code, status and message verbatim. Omitted: every kind is reported.
   */
  readonly reportable?: ReadonlySet<ServiceErrorKind>
  /**
   * Whether an answer with this status and code may succeed if the call is repeated: supplied
   * by the client (the retry rules live in `retry/`, which decoding does not depend on).
   */
  readonly isRetryable: (statusCode: number, code: string, idempotent: boolean) => boolean
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key]
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

/**
 * Builds the {@link BceServiceError} for a non-2xx answer, whatever its body: the JSON error body
 * `{code, message, requestId}` when there is one; otherwise (empty, HTML, truncated JSON) a code
 * derived from the status and a message that says what the body was. Total and pure.
 * Server-supplied `code`, `message` and `requestId` pass through `scrub` (when given) and are then
 * capped ({@link MAX_CODE_CHARS}, {@link MAX_MESSAGE_CHARS}, {@link MAX_REQUEST_ID_CHARS}).
 * The kind honours the operation's declaration (`context.reportable`); retryability is the
 * client's decision (`context.isRetryable`).
 */
export function serviceErrorFromResponse(
  statusCode: number,
  requestIdFromHeader: string | undefined,
  body: Buffer,
  context: ResponseContext,
  scrub?: Scrub,
): BceServiceError {
  const phrase = STATUS_CODES[statusCode]
  const parsed = body.length > 0 ? parseJsonBytes(body) : undefined
  const record =
    parsed !== undefined && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value)
      ? (parsed.value as Record<string, unknown>)
      : undefined
  const bodyCode = record && stringField(record, 'code')
  const code = bodyCode === undefined ? codeFromStatus(statusCode, phrase) : serverText(bodyCode, MAX_CODE_CHARS, scrub)
  const bodyMessage = record && stringField(record, 'message')
  const fallback =
    body.length === 0
      ? `HTTP ${statusCode}${phrase === undefined ? '' : ` ${phrase}`} with an empty body`
      : record === undefined
        ? `HTTP ${statusCode}${phrase === undefined ? '' : ` ${phrase}`} with a non-JSON body (${body.length} bytes)`
        : `HTTP ${statusCode}${phrase === undefined ? '' : ` ${phrase}`}`
  const message = bodyMessage === undefined ? fallback : serverText(bodyMessage, MAX_MESSAGE_CHARS, scrub)
  const rawRequestId = (record && stringField(record, 'requestId')) ?? requestIdFromHeader
  const requestId = rawRequestId === undefined ? undefined : serverText(rawRequestId, MAX_REQUEST_ID_CHARS, scrub)
  return makeServiceError({
    kind: classifyServiceError(statusCode, code, context.reportable),
    code,
    statusCode,
    message,
    ...(requestId === undefined ? {} : { requestId }),
    operation: context.operation,
    attempts: context.attempts,
    retryable: context.isRetryable(statusCode, code, context.idempotent),
  })
}
