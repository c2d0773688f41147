import { timingSafeEqual } from 'node:crypto'
import { DEFAULT_HEADERS_TO_SIGN } from '../auth/canonical'
import { bceSignature } from '../auth/hmac'
import { uriEncode, uriEncodeBytes } from '../auth/uri-encode'
import type { ApiError, WireRequest } from './wire'
import { parseRawQuery, percentDecode } from './wire'

/** How far in the future a signature timestamp may lie (clock skew tolerated). */
export const MAX_FUTURE_SKEW_MS = 15 * 60 * 1000

/** Longest signature validity accepted (7 days). */
const MAX_EXPIRATION_SECONDS = 7 * 24 * 3600

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/
const SIGNATURE = /^[0-9a-f]{64}$/
const HEADER_NAME = /^[a-z0-9-]+$/

/** A parsed `bce-auth-v1` Authorization header. */
export interface AuthHeader {
  readonly accessKeyId: string
  readonly timestamp: string
  readonly timestampMs: number
  readonly expirationSeconds: number
  /** Names listed in the header; empty means "the default set". */
  readonly signedHeaders: readonly string[]
  readonly signature: string
}

const authError = (message: string): ApiError => ({ status: 400, code: 'InvalidHTTPAuthHeader', message })

/** Parses the Authorization header strictly; any structural problem is `InvalidHTTPAuthHeader`. */
export function parseAuthHeader(request: WireRequest): AuthHeader | ApiError {
  const value = request.headers.authorization
  if (request.repeatedHeaders.has('authorization')) return authError('Authorization header sent more than once')
  if (typeof value !== 'string' || value.length === 0) return authError('Authorization header is missing')
  const parts = value.split('/')
  if (parts.length !== 6)
    return authError('Authorization must be bce-auth-v1/{ak}/{timestamp}/{expiration}/{signedHeaders}/{signature}')
  const [version, accessKeyId, timestamp, expiration, signedHeaders, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  if (version !== 'bce-auth-v1') return authError(`unsupported auth version ${JSON.stringify(version.slice(0, 40))}`)
  if (accessKeyId.length === 0) return authError('access key id is empty')
  const match = TIMESTAMP.exec(timestamp)
  const timestampMs = match === null ? Number.NaN : Date.parse(timestamp)
  if (
    match === null ||
    Number.isNaN(timestampMs) ||
    new Date(timestampMs).toISOString().slice(0, 19) !== timestamp.slice(0, 19)
  ) {
    return authError('timestamp must be YYYY-MM-DDTHH:mm:ssZ')
  }
  if (!/^[1-9]\d{0,6}$/.test(expiration) || Number(expiration) > MAX_EXPIRATION_SECONDS) {
    return authError(`expiration must be an integer from 1 to ${MAX_EXPIRATION_SECONDS}`)
  }
  const names = signedHeaders === '' ? [] : signedHeaders.split(';')
  if (names.some((name) => !HEADER_NAME.test(name)))
    return authError('signed header names must be lower-case and separated by ";"')
  if (!SIGNATURE.test(signature)) return authError('signature must be 64 lower-case hex characters')
  return { accessKeyId, timestamp, timestampMs, expirationSeconds: Number(expiration), signedHeaders: names, signature }
}

function headerText(request: WireRequest, name: string): string | undefined {
  const value = request.headers[name]
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed.length === 0 ? undefined : trimmed
}

/** The canonical request recomputed from the raw request, for the headers the signer chose. */
export function canonicalRequestOf(request: WireRequest, auth: AuthHeader): string | ApiError {
  const pathBytes = percentDecode(request.rawPath)
  if (pathBytes === undefined) return { status: 400, code: 'InvalidURI', message: 'malformed percent-encoding in path' }
  const query = parseRawQuery(request.rawQuery)
  if (query === undefined) return { status: 400, code: 'InvalidURI', message: 'malformed percent-encoding in query' }
  const canonicalQuery = query
    .map(([key, value]) => `${uriEncodeBytes(key, false)}=${uriEncodeBytes(value, false)}`)
    .filter((pair) => !pair.toLowerCase().startsWith('authorization='))
    .sort()
    .join('&')
  let names: string[]
  if (auth.signedHeaders.length > 0) {
    names = [...new Set(auth.signedHeaders)]
  } else {
    const defaults = new Set(DEFAULT_HEADERS_TO_SIGN)
    names = Object.keys(request.headers).filter(
      (name) => defaults.has(name) || (name.startsWith('x-bce-') && name !== 'x-bce-request-id'),
    )
  }
  const lines: string[] = []
  for (const name of names) {
    const value = headerText(request, name)
    if (value === undefined) {
      if (auth.signedHeaders.length > 0) return authError(`signed header ${name} is missing or empty`)
      continue
    }
    if (request.repeatedHeaders.has(name)) return authError(`signed header ${name} sent more than once`)
    lines.push(`${uriEncode(name)}:${uriEncode(value)}`)
  }
  lines.sort()
  return `${request.method}\n${uriEncodeBytes(pathBytes, true)}\n${canonicalQuery}\n${lines.join('\n')}`
}

/** The facts about a verified request. */
export interface VerifiedRequest {
  readonly accessKeyId: string
  readonly signedHeaders: ReadonlySet<string>
}

/**
 * Verifies a request's `bce-auth-v1` signature from the raw request, in a fixed order (so a
 * request with several faults gets a deterministic code): header syntax (400
 * InvalidHTTPAuthHeader) → access key (403 InvalidAccessKeyId) → time window (400
 * RequestExpired: expired, or more than 15 minutes in the future) → `host` signed → signature,
 * compared in constant time (400 SignatureDoesNotMatch).
 */
export function verifySignature(
  request: WireRequest,
  nowMs: number,
  secretOf: (accessKeyId: string) => string | undefined,
): VerifiedRequest | ApiError {
  const auth = parseAuthHeader(request)
  if ('status' in auth) return auth
  const secret = secretOf(auth.accessKeyId)
  if (secret === undefined)
    return { status: 403, code: 'InvalidAccessKeyId', message: 'the access key id does not exist or is disabled' }
  if (nowMs > auth.timestampMs + auth.expirationSeconds * 1000) {
    return { status: 400, code: 'RequestExpired', message: `Request has expired. Timestamp date is ${auth.timestamp}` }
  }
  if (auth.timestampMs > nowMs + MAX_FUTURE_SKEW_MS) {
    return {
      status: 400,
      code: 'RequestExpired',
      message: `Request timestamp ${auth.timestamp} is too far in the future`,
    }
  }
  if (auth.signedHeaders.length > 0 && !auth.signedHeaders.includes('host'))
    return authError('the host header must be signed')
  if (headerText(request, 'host') === undefined) return authError('the host header is missing')
  const canonical = canonicalRequestOf(request, auth)
  if (typeof canonical !== 'string') return canonical
  const prefix = `bce-auth-v1/${auth.accessKeyId}/${auth.timestamp}/${auth.expirationSeconds}`
  const expected = Buffer.from(bceSignature(secret, prefix, canonical), 'latin1')
  const given = Buffer.from(auth.signature, 'latin1')
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { status: 400, code: 'SignatureDoesNotMatch', message: 'the request signature does not match' }
  }
  const signed =
    auth.signedHeaders.length > 0
      ? new Set(auth.signedHeaders)
      : new Set(
          Object.keys(request.headers).filter(
            (name) => DEFAULT_HEADERS_TO_SIGN.includes(name) || name.startsWith('x-bce-'),
          ),
        )
  return { accessKeyId: auth.accessKeyId, signedHeaders: signed }
}
