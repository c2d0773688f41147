import { err, ok, type Result } from 'neverthrow'
import { makeClientError } from '../errors/make'
import { MAX_REQUEST_ID_CHARS, serverText, type Scrub } from '../errors/server-text'
import type { BceError, ErrorIssue } from '../errors/types'
import { serviceErrorFromResponse, type ResponseContext } from './error-body'
import { requestIdHeader } from './headers'
import { parseJsonBytes } from './json'

/** How an operation reads a successful body. */
export type ResponseReader<T> =
  /** The body is ignored (deletes, attaches): any 2xx is success. */
  | { readonly kind: 'ignore'; readonly value: T }
  /** The body must be JSON that `read` accepts. */
  | { readonly kind: 'json'; readonly read: (json: unknown) => Result<T, readonly ErrorIssue[]> }

/** The parts of an HTTP answer the decoder looks at. */
export interface RawResponse {
  readonly statusCode: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: Buffer
}

/**
 * The pure decoder from an HTTP answer to a result: non-2xx is always a `BceServiceError`;
 * a 2xx whose body cannot be read is a `BceClientError` with reason `Decode` (with `issues`,
 * `statusCode`, `requestId`). Never throws, for any status, headers or bytes. Every
 * server-supplied string kept in an error passes through `scrub` (when given) and is capped.
 */
export function decodeResponse<T>(
  response: RawResponse,
  reader: ResponseReader<T>,
  context: ResponseContext,
  scrub?: Scrub,
): Result<T, BceError> {
  const headerRequestId = requestIdHeader(response.headers)
  if (!(response.statusCode >= 200 && response.statusCode <= 299)) {
    return err(serviceErrorFromResponse(response.statusCode, headerRequestId, response.body, context, scrub))
  }
  if (reader.kind === 'ignore') return ok(reader.value)
  const decodeError = (message: string, issues: readonly ErrorIssue[]): Result<never, BceError> =>
    err(
      makeClientError({
        reason: 'Decode',
        message,
        operation: context.operation,
        attempts: context.attempts,
        issues,
        statusCode: response.statusCode,
        ...(headerRequestId === undefined
          ? {}
          : { requestId: serverText(headerRequestId, MAX_REQUEST_ID_CHARS, scrub) }),
      }),
    )
  const parsed = parseJsonBytes(response.body)
  if (parsed === undefined) {
    const what = response.body.length === 0 ? 'an empty body' : `${response.body.length} bytes that are not JSON`
    return decodeError(`the service answered ${response.statusCode} with ${what}`, [
      { path: '(root)', expected: 'JSON document', actual: response.body.length === 0 ? 'empty' : 'non-JSON bytes' },
    ])
  }
  const read = safeRead(reader.read, parsed.value)
  return read.isOk()
    ? ok(read.value)
    : decodeError(`the service answered ${response.statusCode} with a body of an unexpected shape`, read.error)
}

function safeRead<T>(
  read: (json: unknown) => Result<T, readonly ErrorIssue[]>,
  json: unknown,
): Result<T, readonly ErrorIssue[]> {
  try {
    return read(json)
  } catch {
    return err([{ path: '(root)', expected: 'a readable document', actual: 'reader failed' }])
  }
}
