import fc from 'fast-check'
import type { SigningVector } from './vectors'

/** The `Auth` signer of Baidu's own JavaScript SDK (`@baiducloud/sdk/src/auth.js`), untyped upstream. */
interface OfficialAuth {
  generateAuthorization(
    method: string,
    resource: string,
    params: Readonly<Record<string, unknown>>,
    headers: Readonly<Record<string, unknown>>,
    timestampSeconds: number,
    expirationInSeconds: number,
    headersToSign?: readonly string[],
  ): string
  normalize(value: string): string
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Auth = require('@baiducloud/sdk/src/auth') as new (ak: string, sk: string) => OfficialAuth

/** A request as both signers take it: decoded path, query and headers. */
export interface OfficialRequest {
  readonly ak: string
  readonly sk: string
  readonly method: string
  /** Decoded absolute path, e.g. `/v1/user/测试`. */
  readonly path: string
  readonly query: Readonly<Record<string, string | number | null>>
  readonly headers: Readonly<Record<string, string | number>>
  /** Signing instant in whole seconds since the epoch (the official signer's unit; 0 means "now" there). */
  readonly timestampSeconds: number
  readonly expirationSeconds: number
  /** `undefined` for the default set; the official signer treats an empty list as the default. */
  readonly headersToSign?: readonly string[] | undefined
}

/**
 * The path as the official SDK's callers must pass it (its signer uses the resource verbatim):
 * each `/`-separated segment encoded with the SDK's own `normalize`.
 */
export function officialCanonicalUri(path: string): string {
  const auth = new Auth('', '')
  const absolute = path.startsWith('/') ? path : `/${path}`
  return absolute
    .split('/')
    .map((segment) => auth.normalize(segment))
    .join('/')
}

/** The raw query string of `query` as sent on the wire, with the official SDK's encoding. */
export function officialRawQuery(query: OfficialRequest['query']): string {
  const auth = new Auth('', '')
  return Object.entries(query)
    .map(([key, value]) => `${auth.normalize(key)}=${value === null ? '' : auth.normalize(String(value))}`)
    .join('&')
}

/** The Authorization header Baidu's own signer computes for `request`. */
export function officialSign(request: OfficialRequest): string {
  const { path, ...rest } = request
  return officialSignRaw({ ...rest, resource: officialCanonicalUri(path) })
}

/** {@link officialSign} with the resource passed verbatim, as the official SDK's own clients do. */
export function officialSignRaw(
  request: Omit<OfficialRequest, 'path' | 'timestampSeconds'> & { resource: string; timestampSeconds: number },
): string {
  return new Auth(request.ak, request.sk).generateAuthorization(
    request.method,
    request.resource,
    request.query,
    request.headers,
    request.timestampSeconds,
    request.expirationSeconds,
    request.headersToSign,
  )
}

/** An official Authorization with its signed-header list sorted by name (see official-signer.test.ts). */
export function withSortedSignedHeaders(authorization: string): string {
  const parts = authorization.split('/')
  const names = parts[4]
  if (names === undefined || names === '') return authorization
  parts[4] = names.split(';').sort().join(';')
  return parts.join('/')
}

const unreservedKey = fc.stringMatching(/^[A-Za-z0-9._~-]{1,10}$/)
const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 24,
})
const DEFAULT_NAMES = ['host', 'content-length', 'content-type', 'content-md5'] as const

/**
 * Random requests within the domain where the official signer is defined and right: query keys
 * unreserved (it does not encode keys), header names plain lower-case ASCII, headersToSign either
 * absent or non-empty, no `x-bce-request-id` (the SDKs disagree on it), a non-zero timestamp.
 * Header values are printable ASCII so that the same request can go over the wire unchanged.
 */
export function officialRequestArbitrary(): fc.Arbitrary<OfficialRequest> {
  const segment = fc.string({ unit: 'binary', maxLength: 10 }).filter((s) => !s.includes('/'))
  const bceName = fc
    .stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/)
    .filter((name) => name !== 'request-id' && name !== 'date')
    .map((name) => `x-bce-${name}`)
  return fc.record({
    ak: fc.stringMatching(/^[A-Za-z0-9]{1,32}$/),
    sk: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD'),
    path: fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`),
    query: fc.dictionary(
      unreservedKey,
      fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constant(null), fc.nat()),
      {
        maxKeys: 4,
      },
    ),
    headers: fc
      .record(
        {
          host: fc.stringMatching(/^[a-z0-9.-]{1,20}(:[0-9]{1,5})?$/),
          'content-type': printable,
          'content-length': fc.oneof(fc.nat(), fc.nat().map(String)),
          'content-md5': fc.base64String({ maxLength: 24 }),
          'user-agent': printable,
        },
        { requiredKeys: ['host'] },
      )
      .chain((standard) => fc.dictionary(bceName, printable, { maxKeys: 3 }).map((bce) => ({ ...standard, ...bce }))),
    timestampSeconds: fc.integer({ min: 946_684_800, max: 4_102_444_799 }),
    expirationSeconds: fc.integer({ min: 1, max: 604_800 }),
    headersToSign: fc.option(fc.subarray([...DEFAULT_NAMES, 'user-agent', 'date'], { minLength: 1 }), {
      nil: undefined,
    }),
  })
}

/** A published signing vector as a request both signers take (its own timestamp and expiry). */
export function officialRequestOf(vector: SigningVector): OfficialRequest {
  return {
    ak: vector.ak,
    sk: vector.sk,
    method: vector.method,
    path: vector.path,
    query: vector.query,
    headers: vector.headers,
    timestampSeconds: Date.parse(vector.timestamp) / 1000,
    expirationSeconds: vector.expirationSeconds,
    ...(vector.headersToSign === null ? {} : { headersToSign: vector.headersToSign }),
  }
}
