import type { Result } from 'neverthrow'
import { err } from 'neverthrow'
import type { Credentials } from '../auth/credentials'
import { canonicalHeaders } from '../auth/canonical'
import { bceSignature } from '../auth/hmac'
import { DEFAULT_EXPIRATION_SECONDS } from '../auth/sign-request'
import { formatBceTimestamp } from '../auth/timestamp'
import { headerValue } from '../decode/headers'
import { decodeResponse, type ResponseReader } from '../decode/response'
import { makeClientError } from '../errors/make'
import type { BceError } from '../errors/types'
import type { HttpRequest } from '../http/transport'
import type { PreparedRequest } from './prepare'
import type { Runtime } from './runtime'

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/** Headers that are signed when present; everything else we send (User-Agent) is not. */
const SIGNED = ['host', 'content-type', 'content-length']

/**
 * Builds the wire request for one attempt: a fresh `x-bce-date` and a signature over host,
 * date, body headers and the security token, all from one instant.
 */
export function signedHttpRequest(
  runtime: Runtime,
  prepared: PreparedRequest,
  credentials: Credentials,
  instantMs: number,
): HttpRequest | undefined {
  const timestamp = formatBceTimestamp(instantMs)
  if (timestamp === undefined) return undefined
  const headers: Record<string, string> = {
    host: runtime.endpoint.host,
    'x-bce-date': timestamp,
  }
  if (prepared.body !== undefined) {
    headers['content-type'] = JSON_CONTENT_TYPE
    headers['content-length'] = String(prepared.body.length)
  }
  if (credentials.sessionToken !== undefined) headers['x-bce-security-token'] = credentials.sessionToken
  const signed = canonicalHeaders(headers, SIGNED)
  const canonicalRequest = `${prepared.method}\n${prepared.path}\n${prepared.canonicalQuery}\n${signed.canonical}`
  const prefix = `bce-auth-v1/${credentials.accessKeyId}/${timestamp}/${DEFAULT_EXPIRATION_SECONDS}`
  headers.authorization = `${prefix}/${signed.signedHeaders.join(';')}/${bceSignature(credentials.secretAccessKey, prefix, canonicalRequest)}`
  headers['user-agent'] = runtime.userAgent
  return {
    method: prepared.method,
    path: `${prepared.path}${prepared.search}`,
    headers,
    ...(prepared.body === undefined ? {} : { body: prepared.body }),
  }
}

/** Facts about the call an attempt belongs to. */
export interface AttemptContext {
  readonly operation: string
  readonly idempotent: boolean
  readonly attempt: number
  readonly deadline: number
  readonly signal?: AbortSignal
}

/** What one attempt produced, plus the answer's hints the retry loop needs. */
export interface AttemptOutcome<T> {
  readonly result: Result<T, BceError>
  /** The answer's `Date` header as epoch ms, when present and readable. */
  readonly serverDateMs?: number
  /** The answer's raw `Retry-After` header. */
  readonly retryAfter?: string
}

/** Sends one signed attempt and decodes its answer; every failure becomes a tagged error. */
export async function runAttempt<T>(
  runtime: Runtime,
  prepared: PreparedRequest,
  credentials: Credentials,
  reader: ResponseReader<T>,
  context: AttemptContext,
): Promise<AttemptOutcome<T>> {
  const request = signedHttpRequest(runtime, prepared, credentials, runtime.clock.now())
  if (request === undefined) {
    return {
      result: err(
        makeClientError({ reason: 'InvalidConfig', message: 'the signing clock returned an invalid time', operation: context.operation, attempts: context.attempt }),
      ),
    }
  }
  const outcome = await runtime.transport.send(request, {
    deadline: context.deadline,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    headersTimeoutMs: runtime.headersTimeoutMs,
    bodyTimeoutMs: runtime.bodyTimeoutMs,
  })
  if (!outcome.ok) {
    const { failure } = outcome
    const outcomeUnknown = failure.mayHaveBeenSent && !context.idempotent
    return {
      result: err(
        makeClientError({
          reason: failure.reason,
          message: outcomeUnknown ? `${failure.message}; the request may have been applied` : failure.message,
          operation: context.operation,
          attempts: context.attempt,
          retryable: failure.reason !== 'Aborted' && (!failure.mayHaveBeenSent || context.idempotent),
          ...(outcomeUnknown ? { outcomeUnknown } : {}),
          ...(outcome.statusCode === undefined ? {} : { statusCode: outcome.statusCode }),
          cause: failure.cause,
        }),
      ),
    }
  }
  const { response } = outcome
  const result = decodeResponse(response, reader, {
    operation: context.operation,
    attempts: context.attempt,
    idempotent: context.idempotent,
  })
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
