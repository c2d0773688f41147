import { timingSafeEqual } from 'node:crypto'
import { err, ok, type Result } from 'neverthrow'
import { DEFAULT_HEADERS_TO_SIGN } from '../auth/canonical'
import { SigningKeyCache } from '../auth/signing-key'
import { uriEncode, uriEncodeBytes } from '../auth/uri-encode'
import { apiError, fail, parseRawQuery, percentDecode, type ApiError, type WireRequest } from './wire'

/** How far in the future a signature timestamp may lie (clock skew tolerated). */
export const MAX_FUTURE_SKEW_MS = 15 * 60 * 1000

/** Longest signature validity accepted (7 days). */
const MAX_EXPIRATION_SECONDS = 7 * 24 * 3600

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/
const SIGNATURE = /^[0-9a-f]{64}$/
const HEADER_NAME = /^[a-z0-9-]+$/
const EXPIRATION = /^[1-9]\d{0,6}$/

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

/**
 * What signature verification reads of a request, parsed once (the HTTP layer builds it, and
 * routing reads the same decoded path and query): the raw request, its Authorization header,
 * its path split on raw `/` with each segment percent-decoded to bytes (the first, before the
 * leading `/`, included), and its query decoded to byte pairs in order.
 */
export interface SignedParts {
  readonly wire: WireRequest
  readonly auth: Result<AuthHeader, ApiError>
  readonly pathSegments: ReadonlyArray<Result<Buffer, 'malformed'>>
  readonly queryPairs: Result<ReadonlyArray<readonly [Buffer, Buffer]>, 'malformed'>
}

const authError = (message: string): ApiError => apiError(400, 'InvalidHTTPAuthHeader', message)

/** The last valid timestamp parsed, and its instant: clients sign many requests within a second. */
let lastTimestamp = ''
let lastTimestampMs = Number.NaN

/** Epoch ms of a strict `YYYY-MM-DDTHH:mm:ssZ` that names a real instant; undefined otherwise. */
function timestampMsOf(timestamp: string): number | undefined {
  if (timestamp === lastTimestamp) return lastTimestampMs
  const ms = TIMESTAMP.test(timestamp) ? Date.parse(timestamp) : Number.NaN
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== timestamp.slice(0, 19)) return undefined
  lastTimestamp = timestamp
  lastTimestampMs = ms
  return ms
}

/** Parses the Authorization header strictly; any structural problem is `InvalidHTTPAuthHeader`. */
export function parseAuthHeader(request: WireRequest): Result<AuthHeader, ApiError> {
  const value = request.headers.authorization
  if (request.repeatedHeaders.has('authorization')) return err(authError('Authorization header sent more than once'))
  if (typeof value !== 'string' || value.length === 0) return err(authError('Authorization header is missing'))
  const parts = value.split('/')
  if (parts.length !== 6)
    return err(authError('Authorization must be bce-auth-v1/{ak}/{timestamp}/{expiration}/{signedHeaders}/{signature}'))
  const [version, accessKeyId, timestamp, expiration, signedHeaders, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  if (version !== 'bce-auth-v1')
    return err(authError(`unsupported auth version ${JSON.stringify(version.slice(0, 40))}`))
  if (accessKeyId.length === 0) return err(authError('access key id is empty'))
  const timestampMs = timestampMsOf(timestamp)
  if (timestampMs === undefined) return err(authError('timestamp must be YYYY-MM-DDTHH:mm:ssZ'))
  if (!EXPIRATION.test(expiration) || Number(expiration) > MAX_EXPIRATION_SECONDS)
    return err(authError(`expiration must be an integer from 1 to ${MAX_EXPIRATION_SECONDS}`))
  const names = signedHeaders === '' ? [] : signedHeaders.split(';')
  if (names.some((name) => !HEADER_NAME.test(name)))
    return err(authError('signed header names must be lower-case and separated by ";"'))
  if (!SIGNATURE.test(signature)) return err(authError('signature must be 64 lower-case hex characters'))
  return ok({
    accessKeyId,
    timestamp,
    timestampMs,
    expirationSeconds: Number(expiration),
    signedHeaders: names,
    signature,
  })
}

/** Parses what verification needs of a raw request, once (see {@link SignedParts}). */
export function readSignedParts(wire: WireRequest): SignedParts {
  return {
    wire,
    auth: parseAuthHeader(wire),
    pathSegments: wire.rawPath.split('/').map(percentDecode),
    queryPairs: parseRawQuery(wire.rawQuery),
  }
}

function headerText(request: WireRequest, name: string): string | undefined {
  const value = request.headers[name]
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed.length === 0 ? undefined : trimmed
}

const DEFAULT_SIGNED: ReadonlySet<string> = new Set(DEFAULT_HEADERS_TO_SIGN)

/**
 * The one rule for the headers signed when the Authorization header lists none: the default set
 * (`host`, `content-length`, `content-type`, `content-md5`) and every `x-bce-*` header except
 * `x-bce-request-id`, as the SDKs sign them.
 */
export function isDefaultSignedHeader(name: string): boolean {
  return DEFAULT_SIGNED.has(name) || (name.startsWith('x-bce-') && name !== 'x-bce-request-id')
}

/** A canonical request and the header names it covers (what the signature vouches for). */
interface Canonical {
  readonly text: string
  readonly signedHeaders: ReadonlySet<string>
}

/** The canonical request recomputed from the request as received, for the headers the signer chose. */
function canonicalOf(parts: SignedParts, auth: AuthHeader): Result<Canonical, ApiError> {
  const pathBytes: Buffer[] = []
  for (const segment of parts.pathSegments) {
    if (segment.isErr()) return fail(400, 'InvalidURI', 'malformed percent-encoding in path')
    pathBytes.push(segment.value)
  }
  if (parts.queryPairs.isErr()) return fail(400, 'InvalidURI', 'malformed percent-encoding in query')
  const canonicalQuery = parts.queryPairs.value
    .map(([key, value]) => `${uriEncodeBytes(key, false)}=${uriEncodeBytes(value, false)}`)
    .filter((pair) => !pair.toLowerCase().startsWith('authorization='))
    .sort()
    .join('&')
  const request = parts.wire
  const explicit = auth.signedHeaders.length > 0
  const names = explicit
    ? [...new Set(auth.signedHeaders)]
    : Object.keys(request.headers).filter((name) => isDefaultSignedHeader(name))
  const lines: string[] = []
  const signed = new Set<string>()
  for (const name of names) {
    const value = headerText(request, name)
    if (value === undefined) {
      if (explicit) return err(authError(`signed header ${name} is missing or empty`))
      continue
    }
    if (request.repeatedHeaders.has(name)) return err(authError(`signed header ${name} sent more than once`))
    lines.push(`${uriEncode(name)}:${uriEncode(value)}`)
    signed.add(name)
  }
  lines.sort()
  const path = pathBytes.map((bytes) => uriEncodeBytes(bytes, true)).join('/')
  return ok({ text: `${request.method}\n${path}\n${canonicalQuery}\n${lines.join('\n')}`, signedHeaders: signed })
}

/** The canonical request the emulator recomputes for a request (for tests and diagnostics; never answered). */
export function canonicalRequestOf(parts: SignedParts, auth: AuthHeader): Result<string, ApiError> {
  return canonicalOf(parts, auth).map((canonical) => canonical.text)
}

/** The facts about a verified request: the key that signed it and the headers the signature covers. */
export interface VerifiedRequest<K> {
  readonly accessKeyId: string
  /** What `keyOf` found for the access key id. */
  readonly key: K
  readonly signedHeaders: ReadonlySet<string>
}

/**
 * The prefix and signing key of the latest (access key, secret, timestamp, expiration) verified:
 * a client signing within one second reuses them, so a request costs one HMAC instead of two (and
 * no native Hmac object: lib/auth/signing-key.ts).
 */
const signingKeys = new SigningKeyCache()

/**
 * Verifies a request's `bce-auth-v1` signature from the request as received, in a fixed order
 * (so a request with several faults gets a deterministic code): header syntax (400
 * InvalidHTTPAuthHeader) → access key, looked up once with `keyOf` (its error is answered, e.g.
 * 403 InvalidAccessKeyId) → time window (400 RequestExpired: expired, or more than 15 minutes in
 * the future) → `host` signed → signature, compared in constant time (400 SignatureDoesNotMatch).
 */
export function verifySignature<K extends { readonly secret: string }>(
  parts: SignedParts,
  nowMs: number,
  keyOf: (accessKeyId: string) => Result<K, ApiError>,
): Result<VerifiedRequest<K>, ApiError> {
  // Plain early returns rather than safeTry: this runs for every request the emulator serves.
  if (parts.auth.isErr()) return err(parts.auth.error)
  const auth = parts.auth.value
  const found = keyOf(auth.accessKeyId)
  if (found.isErr()) return err(found.error)
  const key = found.value
  if (nowMs > auth.timestampMs + auth.expirationSeconds * 1000)
    return fail(400, 'RequestExpired', `Request has expired. Timestamp date is ${auth.timestamp}`)
  if (auth.timestampMs > nowMs + MAX_FUTURE_SKEW_MS)
    return fail(400, 'RequestExpired', `Request timestamp ${auth.timestamp} is too far in the future`)
  if (auth.signedHeaders.length > 0 && !auth.signedHeaders.includes('host'))
    return err(authError('the host header must be signed'))
  if (headerText(parts.wire, 'host') === undefined) return err(authError('the host header is missing'))
  const built = canonicalOf(parts, auth)
  if (built.isErr()) return err(built.error)
  const canonical = built.value
  const signing = signingKeys.keyFor(auth.accessKeyId, key.secret, auth.timestamp, auth.expirationSeconds)
  const expected = Buffer.from(signing.key.sign(canonical.text), 'latin1')
  const given = Buffer.from(auth.signature, 'latin1')
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return fail(400, 'SignatureDoesNotMatch', 'the request signature does not match')
  return ok({ accessKeyId: auth.accessKeyId, key, signedHeaders: canonical.signedHeaders })
}
