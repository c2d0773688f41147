import fc from 'fast-check'
import * as t from 'io-ts'
import { codecReader, ignoreBody, listReader } from '../../lib/decode/reader'
import { decodeResponse, type RawResponse } from '../../lib/decode/response'
import { userCodec } from '../../lib/iam/user-model'
import { isRetryableServiceError } from '../../lib/retry/retry-decision'

const context = { operation: 'getUser', attempts: 1, idempotent: true, isRetryable: isRetryableServiceError }
const raw = (statusCode: number, body: string | Buffer, headers: RawResponse['headers'] = {}): RawResponse => ({
  statusCode,
  headers,
  body: typeof body === 'string' ? Buffer.from(body) : body,
})
const userReader = codecReader(userCodec)

describe('decodeResponse: non-2xx answers are always BceServiceError', () => {
  it('takes code, message and requestId from a JSON error body', () => {
    const error = decodeResponse(
      raw(404, '{"code":"NotFound","message":"no such user","requestId":"r-1"}', { 'x-bce-request-id': 'h-1' }),
      userReader,
      context,
    )._unsafeUnwrapErr()
    expect(error).toEqual({
      _tag: 'BceServiceError',
      kind: 'NotFound',
      code: 'NotFound',
      statusCode: 404,
      message: 'no such user',
      requestId: 'r-1',
      operation: 'getUser',
      attempts: 1,
      retryable: false,
    })
    expect(Object.isFrozen(error)).toBe(true)
  })

  it.each([
    [400, 'InvalidHTTPRequest', 'InvalidRequest'],
    [403, 'AccessDenied', 'AccessDenied'],
    [404, 'NotFound', 'NotFound'],
    [412, 'PreconditionFailed', 'InvalidRequest'],
    [429, 'TooManyRequests', 'Throttled'],
    [500, 'InternalError', 'ServerError'],
    [503, 'ServiceUnavailable', 'ServerError'],
    [504, 'GatewayTimeout', 'ServerError'],
  ] as const)('derives the code of an empty %i body like the Go SDK (%s)', (status, code, kind) => {
    const error = decodeResponse(raw(status, '', { 'x-bce-request-id': 'hdr' }), userReader, context)._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceServiceError', code, kind, statusCode: status, requestId: 'hdr' })
    expect(error.message).toContain('empty body')
  })

  it('turns an HTML proxy page into a service error, not a crash', () => {
    const error = decodeResponse(
      raw(502, '<html><body>Bad Gateway</body></html>', { 'content-type': 'text/html' }),
      userReader,
      context,
    )._unsafeUnwrapErr()
    expect(error).toMatchObject({
      _tag: 'BceServiceError',
      code: 'BadGateway',
      kind: 'ServerError',
      statusCode: 502,
      retryable: true,
    })
    expect(error.message).toContain('non-JSON body')
  })

  it('turns truncated JSON into a service error with a derived code', () => {
    const error = decodeResponse(raw(500, '{"code":"Intern'), userReader, context)._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceServiceError', code: 'InternalError', kind: 'ServerError' })
  })

  it('marks 500/502/504 retryable only for idempotent operations, 429/503 always', () => {
    const retryable = (status: number, idempotent: boolean): boolean =>
      decodeResponse(raw(status, ''), userReader, { ...context, idempotent })._unsafeUnwrapErr().retryable
    expect([500, 502, 504].map((s) => retryable(s, true))).toEqual([true, true, true])
    expect([500, 502, 504].map((s) => retryable(s, false))).toEqual([false, false, false])
    expect([429, 503].map((s) => retryable(s, false))).toEqual([true, true])
    expect([400, 403, 404, 409].map((s) => retryable(s, true))).toEqual([false, false, false, false])
  })

  it('never treats a quota error as retryable', () => {
    const error = decodeResponse(
      raw(409, '{"code":"LimitExceeded","message":"too many keys"}'),
      userReader,
      context,
    )._unsafeUnwrapErr()
    expect(error).toMatchObject({ kind: 'LimitExceeded', retryable: false })
  })
})

describe('decodeResponse: 2xx answers', () => {
  it('decodes a user, turning timestamps into Dates and keeping optional fields optional', () => {
    const user = decodeResponse(
      raw(201, '{"id":"a1","name":"alice","createTime":"2019-06-06T03:42:13Z","extra":1}'),
      userReader,
      context,
    )._unsafeUnwrap()
    expect(user).toMatchObject({ id: 'a1', name: 'alice', createTime: new Date('2019-06-06T03:42:13Z') })
    expect(user.description).toBeUndefined()
  })

  it('accepts fractional seconds and numeric offsets in timestamps', () => {
    const user = decodeResponse(
      raw(200, '{"id":"a","name":"b","createTime":"2019-06-06T11:42:13.250+08:00"}'),
      userReader,
      context,
    )._unsafeUnwrap()
    expect(user.createTime?.toISOString()).toBe('2019-06-06T03:42:13.250Z')
  })

  it('reports a 2xx HTML page (captive portal) as Decode with status and request id', () => {
    const error = decodeResponse(
      raw(200, '<html>login</html>', { 'x-bce-request-id': 'rid' }),
      userReader,
      context,
    )._unsafeUnwrapErr()
    expect(error).toMatchObject({
      _tag: 'BceClientError',
      reason: 'Decode',
      statusCode: 200,
      requestId: 'rid',
      retryable: false,
    })
  })

  it('reports shape problems with precise, value-free issues', () => {
    const error = decodeResponse(raw(200, '{"id":5,"createTime":"yesterday"}'), userReader, context)._unsafeUnwrapErr()
    expect(error._tag === 'BceClientError' && error.issues).toEqual(
      expect.arrayContaining([
        { path: 'id', expected: 'string', actual: 'number' },
        { path: 'name', expected: 'string', actual: 'undefined' },
        { path: 'createTime', expected: 'DateTime', actual: 'string(9 chars)' },
      ]),
    )
  })

  it('reads list wrappers, treating a missing list as empty and pointing at bad items', () => {
    const reader = listReader('users', userCodec)
    expect(decodeResponse(raw(200, '{}'), reader, context)._unsafeUnwrap()).toEqual([])
    const error = decodeResponse(
      raw(200, '{"users":[{"id":"1","name":"a"},{"id":"2"}]}'),
      reader,
      context,
    )._unsafeUnwrapErr()
    expect(error._tag === 'BceClientError' && error.issues).toEqual([
      { path: 'users.1.name', expected: 'string', actual: 'undefined' },
    ])
  })

  it('ignores any body for operations without a response', () => {
    expect(decodeResponse(raw(204, '<garbage>'), ignoreBody(), context)._unsafeUnwrap()).toBeUndefined()
  })
})

describe('decodeResponse properties', () => {
  const headersArb = fc.dictionary(
    fc.constantFrom('x-bce-request-id', 'content-type', 'x-other'),
    fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
  )
  const bodyArb = fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? '')),
    fc
      .record({ code: fc.string(), message: fc.string(), requestId: fc.string() }, { requiredKeys: [] })
      .map((v) => Buffer.from(JSON.stringify(v))),
  )
  const statusArb = fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer())
  const readers = [userReader, listReader('users', userCodec), ignoreBody(), codecReader(t.type({ a: t.number }))]

  it('never throws and maps every non-2xx answer to BceServiceError with that status', () => {
    fc.assert(
      fc.property(
        statusArb,
        headersArb,
        bodyArb,
        fc.constantFrom(...readers),
        fc.boolean(),
        (status, headers, body, reader, idempotent) => {
          const result = decodeResponse({ statusCode: status, headers, body }, reader as typeof userReader, {
            ...context,
            idempotent,
          })
          if (status >= 200 && status <= 299) {
            if (result.isErr())
              expect(result.error).toMatchObject({ _tag: 'BceClientError', reason: 'Decode', statusCode: status })
          } else {
            const error = result._unsafeUnwrapErr()
            expect(error).toMatchObject({ _tag: 'BceServiceError', statusCode: status })
            expect(typeof (error as { code: string }).code).toBe('string')
            expect((error as { code: string }).code.length).toBeGreaterThan(0)
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})
