import { STATUS_CODES } from 'node:http'
import { classifyServiceError, codeFromStatus } from '../errors/classify'
import { makeServiceError } from '../errors/make'
import { isRetryableServiceError } from '../errors/retryable'
import type { BceServiceError } from '../errors/types'
import { parseJsonBytes } from './json'

/** Where a response came from, for the error it may become. */
export interface ResponseContext {
  readonly operation: string
  readonly attempts: number
  readonly idempotent: boolean
}

const MAX_MESSAGE_CHARS = 500

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key]
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

/**
 * Builds the {@link BceServiceError} for a non-2xx answer, whatever its body: the JSON error body
 * `{code, message, requestId}` when there is one; otherwise (empty, HTML, truncated JSON) a code
 * derived from the status and a message that says what the body was. Total and pure.
 */
export function serviceErrorFromResponse(
  statusCode: number,
  requestIdFromHeader: string | undefined,
  body: Buffer,
  context: ResponseContext,
): BceServiceError {
  const phrase = STATUS_CODES[statusCode]
  const parsed = body.length > 0 ? parseJsonBytes(body) : undefined
  const record =
    parsed !== undefined && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value)
      ? (parsed.value as Record<string, unknown>)
      : undefined
  const code = (record && stringField(record, 'code')) ?? codeFromStatus(statusCode, phrase)
  const bodyMessage = record && stringField(record, 'message')
  const fallback =
    body.length === 0
      ? `HTTP ${statusCode}${phrase === undefined ? '' : ` ${phrase}`} with an empty body`
      : record === undefined
        ? `HTTP ${statusCode}${phrase === undefined ? '' : ` ${phrase}`} with a non-JSON body (${body.length} bytes)`
        : `HTTP ${statusCode}${phrase === undefined ? '' : ` ${phrase}`}`
  const message = (bodyMessage ?? fallback).slice(0, MAX_MESSAGE_CHARS)
  const requestId = (record && stringField(record, 'requestId')) ?? requestIdFromHeader
  return makeServiceError({
    kind: classifyServiceError(statusCode, code),
    code,
    statusCode,
    message,
    ...(requestId === undefined ? {} : { requestId }),
    operation: context.operation,
    attempts: context.attempts,
    retryable: isRetryableServiceError(statusCode, code, context.idempotent),
  })
}
