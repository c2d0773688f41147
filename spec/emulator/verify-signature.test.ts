import fc from 'fast-check'
import { signRequest } from '../../lib/auth/sign-request'
import { uriEncode, uriEncodeExceptSlash } from '../../lib/auth/uri-encode'
import type { WireRequest } from '../../lib/emulator/wire'
import { verifyWire } from './verifier-harness'
import { signingVectors as vectors } from '../support/vectors'

const AK = 'ak-test'
const SK = 'sk-test'
const NOW = Date.parse('2023-11-14T22:13:20Z')
const secretOf = (ak: string): string | undefined => (ak === AK ? SK : undefined)

function wire(
  method: string,
  path: string,
  query: string,
  headers: Record<string, string>,
  authorization: string,
): WireRequest {
  const lower: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value
  return {
    method,
    rawPath: path,
    rawQuery: query,
    headers: { ...lower, authorization },
    repeatedHeaders: new Set(),
    body: Buffer.alloc(0),
  }
}

function signed(
  overrides: {
    path?: string
    query?: Record<string, string | null>
    headers?: Record<string, string>
    timestampMs?: number
    sk?: string
  } = {},
) {
  const path = overrides.path ?? '/v1/user/alice'
  const query = overrides.query ?? {}
  const headers = overrides.headers ?? { host: '127.0.0.1:8080', 'x-bce-date': '2023-11-14T22:13:20Z' }
  const authorization = signRequest({
    credentials: { accessKeyId: AK, secretAccessKey: overrides.sk ?? SK },
    method: 'GET',
    path,
    query,
    headers,
    timestamp: new Date(overrides.timestampMs ?? NOW),
  })._unsafeUnwrap()
  const rawQuery = Object.entries(query)
    .map(([k, v]) => (v === null ? uriEncode(k) : `${uriEncode(k)}=${uriEncode(v)}`))
    .join('&')
  return wire('GET', uriEncodeExceptSlash(path), rawQuery, headers, authorization)
}

describe('verifySignature', () => {
  it('accepts the published docs example in both signedHeaders forms (explicit and empty)', () => {
    const v = vectors.vectors[0]!
    const explicit = v.authorization
    const empty = explicit.replace('/content-length;content-md5;content-type;host;x-bce-date/', '//')
    for (const authorization of [explicit, empty]) {
      const request = wire(
        v.method,
        v.path,
        'partNumber=9&uploadId=a44cc9bab11cbd156984767aad637851',
        v.headers,
        authorization,
      )
      const result = verifyWire(request, Date.parse(v.timestamp), (ak) => (ak === v.ak ? v.sk : undefined))
      expect(result).toMatchObject({ accessKeyId: v.ak })
    }
  })

  it('accepts what the signer signs, including flags and encoded names', () => {
    const request = signed({ path: '/v1/user/user name~测', query: { disable: null, policyType: 'System' } })
    expect(verifyWire(request, NOW, secretOf)).toMatchObject({ accessKeyId: AK })
  })

  it('rejects in a fixed order: header syntax, key, time, host, signature', () => {
    const good = signed()
    const broken = { ...good, headers: { ...good.headers, authorization: 'bce-auth-v1/ak/nonsense' } }
    expect(verifyWire(broken, NOW, secretOf)).toMatchObject({ status: 400, code: 'InvalidHTTPAuthHeader' })
    expect(verifyWire(good, NOW, () => undefined)).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' })
    const expiredAndTampered = { ...good, rawPath: '/v1/user/bob' }
    expect(verifyWire(expiredAndTampered, NOW + 1801_000, secretOf)).toMatchObject({ code: 'RequestExpired' })
    expect(verifyWire(good, NOW + 1800_000, secretOf)).toMatchObject({ accessKeyId: AK })
    expect(verifyWire(good, NOW - 15 * 60_000 - 1000, secretOf)).toMatchObject({ code: 'RequestExpired' })
    expect(verifyWire(expiredAndTampered, NOW, secretOf)).toMatchObject({
      status: 400,
      code: 'SignatureDoesNotMatch',
    })
  })

  it('requires host to be signed and signed headers to be present', () => {
    const authorization = signRequest({
      credentials: { accessKeyId: AK, secretAccessKey: SK },
      method: 'GET',
      path: '/v1/user',
      headers: { host: 'h', 'x-bce-date': 'd' },
      timestamp: new Date(NOW),
      headersToSign: ['x-bce-date'],
    })._unsafeUnwrap()
    expect(
      verifyWire(wire('GET', '/v1/user', '', { host: 'h', 'x-bce-date': 'd' }, authorization), NOW, secretOf),
    ).toMatchObject({ code: 'InvalidHTTPAuthHeader' })
    const good = signed()
    const withoutDate = { ...good, headers: { host: good.headers.host, authorization: good.headers.authorization } }
    expect(verifyWire(withoutDate, NOW, secretOf)).toMatchObject({ code: 'InvalidHTTPAuthHeader' })
  })

  it('rejects repeated Authorization headers', () => {
    const good = signed()
    expect(verifyWire({ ...good, repeatedHeaders: new Set(['authorization']) }, NOW, secretOf)).toMatchObject({
      code: 'InvalidHTTPAuthHeader',
    })
  })

  const nameArb = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
    .filter((s) => !s.includes('/') && s !== '.' && s !== '..')
  const queryArb = fc.dictionary(
    fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,8}$/),
    fc.option(fc.string({ maxLength: 10 }), { nil: null }),
    { maxKeys: 4 },
  )
  const metaArb = fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((s) => s.trim().length > 0 && !/[\r\n]/.test(s) && !s.includes('\u0000'))

  it('property: the verifier accepts every request the signer signs', () => {
    fc.assert(
      fc.property(nameArb, queryArb, metaArb, fc.integer({ min: -600, max: 1700 }), (name, query, meta, ageSeconds) => {
        const request = signed({
          path: `/v1/user/${name}`,
          query,
          headers: { host: 'iam.local:1', 'x-bce-date': 'x', 'x-bce-meta': meta },
        })
        expect(verifyWire(request, NOW + ageSeconds * 1000, secretOf)).toMatchObject({ accessKeyId: AK })
      }),
    )
  })

  it('property: changing any signed component makes the verifier reject', () => {
    type Mutation = (request: WireRequest) => WireRequest
    const mutations: Mutation[] = [
      (r) => ({ ...r, rawPath: `${r.rawPath}x` }),
      (r) => ({ ...r, rawQuery: r.rawQuery === '' ? 'extra=1' : `${r.rawQuery}&extra=1` }),
      (r) => ({ ...r, method: 'DELETE' }),
      (r) => ({ ...r, headers: { ...r.headers, host: 'other.host:1' } }),
      (r) => ({ ...r, headers: { ...r.headers, 'x-bce-date': 'changed' } }),
      (r) => ({
        ...r,
        headers: {
          ...r.headers,
          authorization: String(r.headers.authorization).replace('2023-11-14T22:13:20Z', '2023-11-14T22:13:21Z'),
        },
      }),
    ]
    fc.assert(
      fc.property(nameArb, queryArb, fc.nat({ max: mutations.length - 1 }), (name, query, which) => {
        const request = (mutations[which] as Mutation)(signed({ path: `/v1/user/${name}`, query }))
        const result = verifyWire(request, NOW, secretOf)
        expect(result).toMatchObject({ status: 400 })
        expect(['SignatureDoesNotMatch', 'InvalidURI', 'InvalidHTTPAuthHeader']).toContain(
          (result as { code: string }).code,
        )
      }),
    )
  })
})
