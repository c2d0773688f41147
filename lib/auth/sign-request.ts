import { err, ok, type Result } from 'neverthrow'
import { makeClientError } from '../errors/make'
import type { BceClientError } from '../errors/types'
import { canonicalHeaders, canonicalQuery, canonicalUri, type SignableHeaders, type SignableQuery } from './canonical'
import { SigningKeyCache } from './signing-key'
import { formatBceTimestamp } from './timestamp'

/** Default validity window of a signature, in seconds (every official SDK uses 1800). */
export const DEFAULT_EXPIRATION_SECONDS = 1800

/** What {@link signRequest} needs to know about the request and the signer. */
export interface SignRequestInput {
  /** The key pair (and STS token) to sign with; the token is not signed unless sent as a header. */
  readonly credentials: {
    readonly accessKeyId: string
    readonly secretAccessKey: string
    readonly sessionToken?: string | undefined
  }
  /** HTTP method, e.g. `GET`; upper-cased before signing. */
  readonly method: string
  /** The decoded absolute path, e.g. `/v1/user/测试`; it is `UriEncode`d (except `/`) for signing. */
  readonly path: string
  /** Query parameters; `null` marks a flag parameter without value (signed as `key=`). */
  readonly query?: SignableQuery | undefined
  /** The headers that will be sent (names in any case). */
  readonly headers: SignableHeaders
  /** The signing instant; also what `x-bce-date` must carry. */
  readonly timestamp: Date
  /**
   * Validity of the signature in seconds, a positive integer.
   * @default 1800
   */
  readonly expirationSeconds?: number | undefined
  /**
   * Header names to sign. Every `x-bce-*` header present (except `x-bce-request-id`) is signed
   * in any case.
   * @default `['host', 'content-length', 'content-type', 'content-md5']`
   */
  readonly headersToSign?: readonly string[] | undefined
}

const OPERATION = 'signRequest'

/** Prefix and signing key of the latest credentials and timestamp signed here: one HMAC per call instead of two. */
const signingKeys = new SigningKeyCache()

function invalid(path: string, expected: string, message: string): Result<never, BceClientError> {
  return err(makeClientError({ reason: 'InvalidInput', message, operation: OPERATION, issues: [{ path, expected }] }))
}

/**
 * Computes the `Authorization` header value of a BCE `bce-auth-v1` signature:
 * `bce-auth-v1/{ak}/{timestamp}/{expiration}/{signedHeaders}/{signature}` with an explicit,
 * sorted signed-header list. Pure; usable for any BCE service, not only IAM.
 *
 * Returns `InvalidInput` (never throws) for an invalid timestamp, a non-positive or
 * non-integer expiration, or an empty access key id or secret.
 */
export function signRequest(input: SignRequestInput): Result<string, BceClientError> {
  try {
    return signChecked(input)
  } catch (cause) {
    // Reached only through hostile input (throwing getters, proxies): report it, never throw.
    return err(
      makeClientError({
        reason: 'InvalidInput',
        message: 'request could not be read for signing',
        operation: OPERATION,
        cause,
      }),
    )
  }
}

function signChecked(untrusted: unknown): Result<string, BceClientError> {
  if (typeof untrusted !== 'object' || untrusted === null) return invalid('input', 'object', 'input must be an object')
  const input = untrusted as { [K in keyof SignRequestInput]?: unknown }
  const credentials = input.credentials as { [K in keyof SignRequestInput['credentials']]?: unknown } | null | undefined
  if (
    typeof credentials !== 'object' ||
    credentials === null ||
    typeof credentials.accessKeyId !== 'string' ||
    credentials.accessKeyId.length === 0
  ) {
    return invalid('credentials.accessKeyId', 'non-empty string', 'accessKeyId is missing')
  }
  if (typeof credentials.secretAccessKey !== 'string' || credentials.secretAccessKey.length === 0) {
    return invalid('credentials.secretAccessKey', 'non-empty string', 'secretAccessKey is missing')
  }
  const timestamp = input.timestamp instanceof Date ? formatBceTimestamp(input.timestamp) : undefined
  if (timestamp === undefined) {
    return invalid('timestamp', 'valid Date between years 0 and 9999', 'timestamp is not a valid date')
  }
  const expiration = input.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS
  if (typeof expiration !== 'number' || !Number.isSafeInteger(expiration) || expiration <= 0) {
    return invalid('expirationSeconds', 'positive integer', 'expirationSeconds must be a positive integer')
  }
  const { method, path, query, headersToSign } = input
  if (typeof method !== 'string' || typeof path !== 'string' || typeof input.headers !== 'object') {
    return invalid('method/path/headers', 'strings and a header record', 'method, path or headers are malformed')
  }
  if (
    headersToSign !== undefined &&
    !(Array.isArray(headersToSign) && headersToSign.every((h) => typeof h === 'string'))
  ) {
    return invalid('headersToSign', 'array of header names', 'headersToSign must be an array of strings')
  }
  if (query !== undefined && (typeof query !== 'object' || query === null)) {
    return invalid('query', 'record of parameters', 'query must be an object')
  }
  const headers = canonicalHeaders((input.headers ?? {}) as SignableHeaders, headersToSign)
  const canonicalRequest = `${method.toUpperCase()}\n${canonicalUri(path)}\n${canonicalQuery(query as SignableQuery | undefined)}\n${headers.canonical}`
  const { prefix, key } = signingKeys.keyFor(
    credentials.accessKeyId,
    credentials.secretAccessKey,
    timestamp,
    expiration,
  )
  const signature = key.sign(canonicalRequest)
  return ok(`${prefix}/${headers.signedHeaders.join(';')}/${signature}`)
}
