import { createHmac } from 'node:crypto'
import { DEFAULT_EXPIRATION_SECONDS, signRequest, type SignRequestInput } from '../../lib/auth/sign-request'
import type { BceClientError } from '../../lib/errors/types'

const hex = (key: string | Buffer, message: string): string =>
  createHmac('sha256', key).update(message, 'utf8').digest('hex')

/** bce-auth-v1 written out from the published algorithm, independent of lib/auth. */
const expectedAuthorization = (
  ak: string,
  sk: string,
  timestamp: string,
  expiration: number,
  signedHeaders: string,
  canonicalRequest: string,
): string => {
  const prefix = `bce-auth-v1/${ak}/${timestamp}/${expiration}`
  return `${prefix}/${signedHeaders}/${hex(hex(sk, prefix), canonicalRequest)}`
}

const base: SignRequestInput = {
  credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' },
  method: 'get',
  path: '/v1/user',
  headers: { Host: 'iam.bj.baidubce.com', 'x-bce-date': '2024-05-01T10:20:30Z' },
  timestamp: new Date(Date.UTC(2024, 4, 1, 10, 20, 30, 999)),
}

const canonicalOfBase = 'GET\n/v1/user\n\nhost:iam.bj.baidubce.com\nx-bce-date:2024-05-01T10%3A20%3A30Z'

const signUntrusted = (input: unknown): ReturnType<typeof signRequest> => signRequest(input as SignRequestInput)

const rejection = (input: unknown): BceClientError => {
  const result = signUntrusted(input)
  expect(result.isErr()).toBe(true)
  return result._unsafeUnwrapErr()
}

describe('signRequest builds the documented authorization string', () => {
  it('upper-cases the method, drops milliseconds and uses the default 1800 s expiration', () => {
    expect(DEFAULT_EXPIRATION_SECONDS).toBe(1800)
    expect(signRequest(base)._unsafeUnwrap()).toBe(
      expectedAuthorization('AKID', 'SECRET', '2024-05-01T10:20:30Z', 1800, 'host;x-bce-date', canonicalOfBase),
    )
  })

  it('signs the expiration it is given', () => {
    expect(signRequest({ ...base, expirationSeconds: 60 })._unsafeUnwrap()).toBe(
      expectedAuthorization('AKID', 'SECRET', '2024-05-01T10:20:30Z', 60, 'host;x-bce-date', canonicalOfBase),
    )
    expect(signRequest({ ...base, expirationSeconds: 1 })._unsafeUnwrap()).toMatch(
      /^bce-auth-v1\/AKID\/2024-05-01T10:20:30Z\/1\/host;x-bce-date\/[0-9a-f]{64}$/,
    )
  })

  it('signs only the named headers (plus x-bce-*) when headersToSign is given', () => {
    const headers = { Host: 'h', 'Content-Type': 'application/json', 'x-bce-date': '2024-05-01T10:20:30Z' }
    const signed = signRequest({ ...base, headers, headersToSign: [' Content-Type '] })._unsafeUnwrap()
    expect(signed).toBe(
      expectedAuthorization(
        'AKID',
        'SECRET',
        '2024-05-01T10:20:30Z',
        1800,
        'content-type;x-bce-date',
        'GET\n/v1/user\n\ncontent-type:application%2Fjson\nx-bce-date:2024-05-01T10%3A20%3A30Z',
      ),
    )
  })

  it('encodes the path and query into the canonical request', () => {
    const signed = signRequest({
      ...base,
      method: 'PUT',
      path: 'v1/user/a b',
      query: { z: 1, a: null, 'b c': true },
      headers: { host: 'h' },
    })._unsafeUnwrap()
    expect(signed).toBe(
      expectedAuthorization(
        'AKID',
        'SECRET',
        '2024-05-01T10:20:30Z',
        1800,
        'host',
        'PUT\n/v1/user/a%20b\na=&b%20c=true&z=1\nhost:h',
      ),
    )
  })

  it('treats null headers as no headers: nothing is signed but the request itself', () => {
    const signed = signUntrusted({ ...base, headers: null })._unsafeUnwrap()
    expect(signed).toBe(expectedAuthorization('AKID', 'SECRET', '2024-05-01T10:20:30Z', 1800, '', 'GET\n/v1/user\n\n'))
  })

  it('accepts the year 9999 and the year 0', () => {
    expect(signRequest({ ...base, timestamp: new Date('9999-12-31T23:59:59Z') })._unsafeUnwrap()).toContain(
      '/9999-12-31T23:59:59Z/1800/',
    )
    expect(signRequest({ ...base, timestamp: new Date('0000-01-01T00:00:00Z') })._unsafeUnwrap()).toContain(
      '/0000-01-01T00:00:00Z/1800/',
    )
  })
})

describe('signRequest rejects what it cannot sign, as InvalidInput, never throwing', () => {
  const invalidInput = (path: string, expected: string, message: string): Partial<BceClientError> => ({
    _tag: 'BceClientError',
    reason: 'InvalidInput',
    operation: 'signRequest',
    message,
    attempts: 0,
    retryable: false,
    issues: [{ path, expected }],
  })

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'GET /v1/user'],
    ['a number', 42],
  ])('an input that is %s', (_what, input) => {
    expect(rejection(input)).toEqual(invalidInput('input', 'object', 'input must be an object'))
  })

  const missingAk = invalidInput('credentials.accessKeyId', 'non-empty string', 'accessKeyId is missing')
  it.each([
    ['no credentials', undefined],
    ['null credentials', null],
    ['credentials as a string', 'AKID:SECRET'],
    ['an empty access key id', { accessKeyId: '', secretAccessKey: 'SECRET' }],
    ['a numeric access key id', { accessKeyId: 7, secretAccessKey: 'SECRET' }],
    ['no access key id', { secretAccessKey: 'SECRET' }],
  ])('%s', (_what, credentials) => {
    expect(rejection({ ...base, credentials })).toEqual(missingAk)
  })

  const missingSk = invalidInput('credentials.secretAccessKey', 'non-empty string', 'secretAccessKey is missing')
  it.each([
    ['an empty secret', ''],
    ['no secret', undefined],
    ['a numeric secret', 1],
    ['a Buffer secret', Buffer.from('SECRET')],
  ])('%s', (_what, secretAccessKey) => {
    expect(rejection({ ...base, credentials: { accessKeyId: 'AKID', secretAccessKey } })).toEqual(missingSk)
  })

  const badTimestamp = invalidInput('timestamp', 'valid Date between years 0 and 9999', 'timestamp is not a valid date')
  it.each([
    ['an invalid Date', new Date(Number.NaN)],
    ['a date after 9999', new Date('+010000-01-01T00:00:00Z')],
    ['a date before year 0', new Date('-000001-12-31T23:59:59Z')],
    ['a number', Date.UTC(2024, 0, 1)],
    ['an ISO string', '2024-05-01T10:20:30Z'],
    ['nothing', undefined],
  ])('a timestamp that is %s', (_what, timestamp) => {
    expect(rejection({ ...base, timestamp })).toEqual(badTimestamp)
  })

  const badExpiration = invalidInput(
    'expirationSeconds',
    'positive integer',
    'expirationSeconds must be a positive integer',
  )
  it.each([
    ['0', 0],
    ['negative', -1],
    ['fractional', 1.5],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['beyond 2^53', 2 ** 53],
    ['a numeric string', '1800'],
  ])('an expiration that is %s', (_what, expirationSeconds) => {
    expect(rejection({ ...base, expirationSeconds })).toEqual(badExpiration)
  })

  it('accepts the largest safe integer expiration', () => {
    expect(signRequest({ ...base, expirationSeconds: Number.MAX_SAFE_INTEGER })._unsafeUnwrap()).toContain(
      `/${Number.MAX_SAFE_INTEGER}/host;x-bce-date/`,
    )
  })

  const malformed = invalidInput(
    'method/path/headers',
    'strings and a header record',
    'method, path or headers are malformed',
  )
  it.each([
    ['a numeric method', { method: 1 }],
    ['no method', { method: undefined }],
    ['a path array', { path: ['v1', 'user'] }],
    ['no path', { path: undefined }],
    ['headers as a string', { headers: 'host: h' }],
    ['no headers', { headers: undefined }],
  ])('%s', (_what, override) => {
    expect(rejection({ ...base, ...override })).toEqual(malformed)
  })

  const badHeadersToSign = invalidInput(
    'headersToSign',
    'array of header names',
    'headersToSign must be an array of strings',
  )
  it.each([
    ['a string', 'host'],
    ['null', null],
    ['an array holding a number', ['host', 5]],
    ['an array holding undefined', [undefined]],
    ['a set', new Set(['host'])],
  ])('headersToSign that is %s', (_what, headersToSign) => {
    expect(rejection({ ...base, headersToSign })).toEqual(badHeadersToSign)
  })

  it('accepts an empty headersToSign: only x-bce-* headers are then signed', () => {
    expect(signRequest({ ...base, headersToSign: [] })._unsafeUnwrap()).toBe(
      expectedAuthorization(
        'AKID',
        'SECRET',
        '2024-05-01T10:20:30Z',
        1800,
        'x-bce-date',
        'GET\n/v1/user\n\nx-bce-date:2024-05-01T10%3A20%3A30Z',
      ),
    )
  })

  const badQuery = invalidInput('query', 'record of parameters', 'query must be an object')
  it.each([
    ['null', null],
    ['a string', 'a=1'],
    ['a number', 3],
  ])('a query that is %s', (_what, query) => {
    expect(rejection({ ...base, query })).toEqual(badQuery)
  })

  it('reports hostile input (a throwing getter) as InvalidInput with the cause summarised', () => {
    const hostile = {
      ...base,
      get method(): string {
        throw new TypeError('no method for you')
      },
    }
    expect(rejection(hostile)).toEqual({
      _tag: 'BceClientError',
      reason: 'InvalidInput',
      operation: 'signRequest',
      message: 'request could not be read for signing',
      attempts: 0,
      retryable: false,
      cause: { name: 'TypeError', message: 'no method for you' },
    })
  })

  it('never names the secret in an error', () => {
    const error = rejection({ ...base, credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' }, timestamp: 0 })
    expect(JSON.stringify(error)).not.toContain('SECRET')
    expect(String(error)).not.toContain('SECRET')
  })
})
