import { createHmac } from 'node:crypto'
import { MAX_FUTURE_SKEW_MS, type AuthHeader } from '../../lib/emulator/verify-signature'
import type { WireRequest } from '../../lib/emulator/wire'
import { canonicalWire, parseAuthWire, verifyWire } from './verifier-harness'

const AK = 'ak-rules'
const SK = 'sk-rules'
const TS = '2024-03-01T10:00:00Z'
const TS_MS = Date.parse(TS)
const secretOf = (ak: string): string | undefined => (ak === AK ? SK : undefined)
const hmacHex = (key: string, text: string): string => createHmac('sha256', key).update(text, 'utf8').digest('hex')
const SIG = 'a'.repeat(64)

function wire(overrides: Partial<WireRequest> & { authorization?: string | undefined } = {}): WireRequest {
  const { authorization, headers, ...rest } = overrides
  return {
    method: 'GET',
    rawPath: '/v1/user/alice',
    rawQuery: '',
    headers: {
      host: 'h:1',
      'x-bce-date': TS,
      ...headers,
      ...(authorization === undefined ? {} : { authorization }),
    },
    repeatedHeaders: new Set(),
    body: Buffer.alloc(0),
    ...rest,
  }
}

/** Signs `request` by hand for `signed` (empty: the default set), with a fixed timestamp and expiration. */
function signedWire(
  request: WireRequest,
  canonical: string,
  signedNames: string,
  options: { ts?: string; expiration?: number; sk?: string } = {},
): WireRequest {
  const prefix = `bce-auth-v1/${AK}/${options.ts ?? TS}/${options.expiration ?? 1800}`
  const signature = hmacHex(hmacHex(options.sk ?? SK, prefix), canonical)
  return { ...request, headers: { ...request.headers, authorization: `${prefix}/${signedNames}/${signature}` } }
}

const authError = (message: string) => ({ status: 400, code: 'InvalidHTTPAuthHeader', message })

describe('parseAuthHeader', () => {
  it('reads every part', () => {
    expect(parseAuthWire(wire({ authorization: `bce-auth-v1/${AK}/${TS}/3600/host;x-bce-date/${SIG}` }))).toEqual({
      accessKeyId: AK,
      timestamp: TS,
      timestampMs: TS_MS,
      expirationSeconds: 3600,
      signedHeaders: ['host', 'x-bce-date'],
      signature: SIG,
    })
    expect(
      (parseAuthWire(wire({ authorization: `bce-auth-v1/${AK}/${TS}/1//${SIG}` })) as AuthHeader).signedHeaders,
    ).toEqual([])
  })

  it.each([
    ['absent', undefined, 'Authorization header is missing'],
    ['empty', '', 'Authorization header is missing'],
    [
      'five parts',
      `bce-auth-v1/${AK}/${TS}/1800/${SIG}`,
      'Authorization must be bce-auth-v1/{ak}/{timestamp}/{expiration}/{signedHeaders}/{signature}',
    ],
    [
      'seven parts',
      `bce-auth-v1/${AK}/${TS}/1800/host/${SIG}/x`,
      'Authorization must be bce-auth-v1/{ak}/{timestamp}/{expiration}/{signedHeaders}/{signature}',
    ],
    ['another version', `bce-auth-v2/${AK}/${TS}/1800/host/${SIG}`, 'unsupported auth version "bce-auth-v2"'],
    ['an empty access key', `bce-auth-v1//${TS}/1800/host/${SIG}`, 'access key id is empty'],
    ['a date without time', `bce-auth-v1/${AK}/2024-03-01/1800/host/${SIG}`, 'timestamp must be YYYY-MM-DDTHH:mm:ssZ'],
    [
      'milliseconds',
      `bce-auth-v1/${AK}/2024-03-01T10:00:00.000Z/1800/host/${SIG}`,
      'timestamp must be YYYY-MM-DDTHH:mm:ssZ',
    ],
    [
      'an offset',
      `bce-auth-v1/${AK}/2024-03-01T10:00:00+08:00/1800/host/${SIG}`,
      'timestamp must be YYYY-MM-DDTHH:mm:ssZ',
    ],
    [
      'a rolled-over day',
      `bce-auth-v1/${AK}/2023-02-30T00:00:00Z/1800/host/${SIG}`,
      'timestamp must be YYYY-MM-DDTHH:mm:ssZ',
    ],
    ['hour 24', `bce-auth-v1/${AK}/2024-03-01T24:00:00Z/1800/host/${SIG}`, 'timestamp must be YYYY-MM-DDTHH:mm:ssZ'],
    [
      'a leading text',
      `bce-auth-v1/${AK}/x2024-03-01T10:00:00Z/1800/host/${SIG}`,
      'timestamp must be YYYY-MM-DDTHH:mm:ssZ',
    ],
    [
      'an expiration with a suffix',
      `bce-auth-v1/${AK}/${TS}/1800x/host/${SIG}`,
      'expiration must be an integer from 1 to 604800',
    ],
    ['an expiration of 0', `bce-auth-v1/${AK}/${TS}/0/host/${SIG}`, 'expiration must be an integer from 1 to 604800'],
    [
      'a zero-padded expiration',
      `bce-auth-v1/${AK}/${TS}/01800/host/${SIG}`,
      'expiration must be an integer from 1 to 604800',
    ],
    [
      'a negative expiration',
      `bce-auth-v1/${AK}/${TS}/-5/host/${SIG}`,
      'expiration must be an integer from 1 to 604800',
    ],
    [
      'an expiration over 7 days',
      `bce-auth-v1/${AK}/${TS}/604801/host/${SIG}`,
      'expiration must be an integer from 1 to 604800',
    ],
    [
      'an upper-case header name',
      `bce-auth-v1/${AK}/${TS}/1800/Host/${SIG}`,
      'signed header names must be lower-case and separated by ";"',
    ],
    [
      'an empty header name',
      `bce-auth-v1/${AK}/${TS}/1800/host;;x-bce-date/${SIG}`,
      'signed header names must be lower-case and separated by ";"',
    ],
    [
      'a comma list',
      `bce-auth-v1/${AK}/${TS}/1800/host,x-bce-date/${SIG}`,
      'signed header names must be lower-case and separated by ";"',
    ],
    [
      'an upper-case signature',
      `bce-auth-v1/${AK}/${TS}/1800/host/${'A'.repeat(64)}`,
      'signature must be 64 lower-case hex characters',
    ],
    [
      'a short signature',
      `bce-auth-v1/${AK}/${TS}/1800/host/${'a'.repeat(63)}`,
      'signature must be 64 lower-case hex characters',
    ],
    [
      'a long signature',
      `bce-auth-v1/${AK}/${TS}/1800/host/${'a'.repeat(65)}`,
      'signature must be 64 lower-case hex characters',
    ],
  ])('refuses %s', (_label, authorization, message) => {
    expect(parseAuthWire(wire({ authorization }))).toEqual(authError(message))
  })

  it('accepts the largest expiration and the last second of a leap day', () => {
    expect(parseAuthWire(wire({ authorization: `bce-auth-v1/${AK}/${TS}/604800/host/${SIG}` }))).toMatchObject({
      expirationSeconds: 604800,
    })
    expect(
      parseAuthWire(wire({ authorization: `bce-auth-v1/${AK}/2024-02-29T23:59:59Z/1/host/${SIG}` })),
    ).toMatchObject({ timestampMs: Date.parse('2024-02-29T23:59:59Z') })
  })

  it('an auth version is quoted and cut at 40 characters', () => {
    const version = 'v'.repeat(50)
    expect(parseAuthWire(wire({ authorization: `${version}/${AK}/${TS}/1800/host/${SIG}` }))).toEqual(
      authError(`unsupported auth version ${JSON.stringify('v'.repeat(40))}`),
    )
  })

  it('refuses an Authorization header sent twice', () => {
    const request = wire({
      authorization: `bce-auth-v1/${AK}/${TS}/1800/host/${SIG}`,
      repeatedHeaders: new Set(['authorization']),
    })
    expect(parseAuthWire(request)).toEqual(authError('Authorization header sent more than once'))
  })
})

describe('canonicalRequestOf', () => {
  const auth = (signedHeaders: string[]): AuthHeader => ({
    accessKeyId: AK,
    timestamp: TS,
    timestampMs: TS_MS,
    expirationSeconds: 1800,
    signedHeaders,
    signature: SIG,
  })

  it('explicit headers: de-duplicated, values trimmed and encoded, lines sorted', () => {
    const request = wire({ headers: { host: ' h:1 ', 'x-bce-date': TS, 'x-custom': 'a b' } })
    expect(canonicalWire(request, auth(['x-custom', 'host', 'x-custom']))).toBe(
      'GET\n/v1/user/alice\n\nhost:h%3A1\nx-custom:a%20b',
    )
  })

  it('default headers: host, content-*, and x-bce-* except x-bce-request-id; empty values are skipped', () => {
    const request = wire({
      method: 'PUT',
      headers: {
        host: 'h:1',
        'x-bce-date': TS,
        'x-bce-request-id': 'r1',
        'x-bce-security-token': '  ',
        'content-type': 'application/json',
        'content-length': '2',
        'content-md5': 'abc',
        'user-agent': 'ua',
        'x-other': 'o',
      },
    })
    expect(canonicalWire(request, auth([]))).toBe(
      'PUT\n/v1/user/alice\n\ncontent-length:2\ncontent-md5:abc\ncontent-type:application%2Fjson\nhost:h%3A1\nx-bce-date:2024-03-01T10%3A00%3A00Z',
    )
  })

  it('a signed header that is missing, empty or repeated is refused', () => {
    expect(canonicalWire(wire(), auth(['host', 'x-missing']))).toEqual(
      authError('signed header x-missing is missing or empty'),
    )
    expect(canonicalWire(wire({ headers: { 'x-blank': ' ' } }), auth(['x-blank']))).toEqual(
      authError('signed header x-blank is missing or empty'),
    )
    expect(canonicalWire(wire({ repeatedHeaders: new Set(['x-bce-date']) }), auth(['host', 'x-bce-date']))).toEqual(
      authError('signed header x-bce-date sent more than once'),
    )
    expect(canonicalWire(wire({ repeatedHeaders: new Set(['x-bce-date']) }), auth([]))).toEqual(
      authError('signed header x-bce-date sent more than once'),
    )
  })

  it('query: decoded then re-encoded, sorted, flags as key=, authorization left out whatever its case', () => {
    const request = wire({ rawQuery: 'b=2&a&Authorization=x&AUTHORIZATION&c=%7e%20&&d=%2F' })
    expect(canonicalWire(request, auth(['host']))).toBe('GET\n/v1/user/alice\na=&b=2&c=~%20&d=%2F\nhost:h%3A1')
  })

  it('query keys are encoded like values: a / in a key is %2F', () => {
    expect(canonicalWire(wire({ rawQuery: 'a/b=c/d&e%2Ff' }), auth(['host']))).toBe(
      'GET\n/v1/user/alice\na%2Fb=c%2Fd&e%2Ff=\nhost:h%3A1',
    )
  })

  it('a repeated query key keeps every pair, sorted with the rest (no signer that takes an object can send one)', () => {
    expect(canonicalWire(wire({ rawQuery: 'b=2&a=2&a=1&a' }), auth(['host']))).toBe(
      'GET\n/v1/user/alice\na=&a=1&a=2&b=2\nhost:h%3A1',
    )
  })

  it('path: decoded then re-encoded with / kept', () => {
    expect(canonicalWire(wire({ rawPath: '/v1/user/%e6%b5%8b%7E' }), auth(['host']))).toBe(
      'GET\n/v1/user/%E6%B5%8B~\n\nhost:h%3A1',
    )
  })

  it('malformed percent-encoding is InvalidURI, in the path or in the query', () => {
    expect(canonicalWire(wire({ rawPath: '/v1/user/%G1' }), auth(['host']))).toEqual({
      status: 400,
      code: 'InvalidURI',
      message: 'malformed percent-encoding in path',
    })
    expect(canonicalWire(wire({ rawQuery: 'a=%' }), auth(['host']))).toEqual({
      status: 400,
      code: 'InvalidURI',
      message: 'malformed percent-encoding in query',
    })
  })
})

describe('verifySignature: order of checks and their answers', () => {
  const canonical = 'GET\n/v1/user/alice\n\nhost:h%3A1\nx-bce-date:2024-03-01T10%3A00%3A00Z'
  const good = signedWire(wire(), canonical, 'host;x-bce-date')

  it('a correct signature verifies and reports the signed headers (explicit list)', () => {
    expect(verifyWire(good, TS_MS, secretOf)).toEqual({
      accessKeyId: AK,
      signedHeaders: new Set(['host', 'x-bce-date']),
    })
  })

  it('with the default set, the signed headers are the defaults and every x-bce-* header present', () => {
    const request = signedWire(wire(), canonical, '')
    expect(verifyWire(request, TS_MS, secretOf)).toEqual({
      accessKeyId: AK,
      signedHeaders: new Set(['host', 'x-bce-date']),
    })
  })

  it('an unknown key is 403 InvalidAccessKeyId, checked before the time window', () => {
    expect(verifyWire(good, TS_MS + 10 * 24 * 3600_000, () => undefined)).toEqual({
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'the access key id does not exist or is disabled',
    })
  })

  it('the window: valid through timestamp + expiration, and up to 15 minutes ahead', () => {
    expect(verifyWire(good, TS_MS + 1800_000, secretOf)).toHaveProperty('accessKeyId', AK)
    expect(verifyWire(good, TS_MS + 1800_001, secretOf)).toEqual({
      status: 400,
      code: 'RequestExpired',
      message: `Request has expired. Timestamp date is ${TS}`,
    })
    expect(verifyWire(good, TS_MS - MAX_FUTURE_SKEW_MS, secretOf)).toHaveProperty('accessKeyId', AK)
    expect(verifyWire(good, TS_MS - MAX_FUTURE_SKEW_MS - 1, secretOf)).toEqual({
      status: 400,
      code: 'RequestExpired',
      message: `Request timestamp ${TS} is too far in the future`,
    })
    expect(MAX_FUTURE_SKEW_MS).toBe(900_000)
  })

  it('the expiration in the header sets the window', () => {
    const short = signedWire(wire(), canonical, 'host;x-bce-date', { expiration: 60 })
    expect(verifyWire(short, TS_MS + 60_000, secretOf)).toHaveProperty('accessKeyId', AK)
    expect(verifyWire(short, TS_MS + 60_001, secretOf)).toMatchObject({ code: 'RequestExpired' })
  })

  it('host must be signed when a list is given, and present', () => {
    const unsignedHost = signedWire(wire(), 'GET\n/v1/user/alice\n\nx-bce-date:2024-03-01T10%3A00%3A00Z', 'x-bce-date')
    expect(verifyWire(unsignedHost, TS_MS, secretOf)).toEqual(authError('the host header must be signed'))
    const noHost = signedWire(wire({ headers: { host: '' } }), canonical, '')
    expect(verifyWire(noHost, TS_MS, secretOf)).toEqual(authError('the host header is missing'))
  })

  it('a wrong secret, a changed path, query, method or signed header value is SignatureDoesNotMatch', () => {
    const mismatch = { status: 400, code: 'SignatureDoesNotMatch', message: 'the request signature does not match' }
    expect(verifyWire(signedWire(wire(), canonical, 'host;x-bce-date', { sk: 'other' }), TS_MS, secretOf)).toEqual(
      mismatch,
    )
    for (const change of [
      { rawPath: '/v1/user/alicf' },
      { rawQuery: 'a=1' },
      { method: 'DELETE' },
      { headers: { ...good.headers, host: 'h:2' } },
    ])
      expect(verifyWire({ ...good, ...change }, TS_MS, secretOf)).toEqual(mismatch)
  })

  it('header syntax is checked first; canonical-request problems surface before the signature', () => {
    expect(verifyWire(wire({ authorization: 'nope' }), TS_MS, secretOf)).toMatchObject({
      code: 'InvalidHTTPAuthHeader',
    })
    const badPath = { ...good, rawPath: '/v1/user/%zz' }
    expect(verifyWire(badPath, TS_MS, secretOf)).toMatchObject({ code: 'InvalidURI' })
  })
})
