import { err, ok } from 'neverthrow'
import { decodeResponse, type RawResponse, type ResponseReader } from '../../lib/decode/response'
import { isRetryableServiceError } from '../../lib/retry/retry-decision'

const context = { operation: 'getUser', attempts: 2, idempotent: true, isRetryable: isRetryableServiceError }
const raw = (statusCode: number, body: string, headers: RawResponse['headers'] = {}): RawResponse => ({
  statusCode,
  headers,
  body: Buffer.from(body),
})
const echo: ResponseReader<unknown> = { kind: 'json', read: (json) => ok(json) }
const ignore: ResponseReader<string> = { kind: 'ignore', value: 'done' }

describe('decodeResponse: which statuses are success', () => {
  it.each([200, 201, 204, 250, 299])('%i is a success', (status) => {
    expect(decodeResponse(raw(status, '{"a":1}'), echo, context)._unsafeUnwrap()).toEqual({ a: 1 })
    expect(decodeResponse(raw(status, 'not json'), ignore, context)._unsafeUnwrap()).toBe('done')
  })

  it.each([0, 100, 199, 300, 304, 400, 500, 600, -200, Number.NaN])('%d is a service error', (status) => {
    for (const reader of [echo, ignore]) {
      const error = decodeResponse(raw(status, '{"code":"X","message":"m"}'), reader, context)._unsafeUnwrapErr()
      expect(error).toMatchObject({ _tag: 'BceServiceError', statusCode: status, code: 'X', message: 'm' })
    }
  })

  it('passes the header request id and the context to the service error', () => {
    expect(
      decodeResponse(raw(503, '', { 'x-bce-request-id': ['first', 'second'] }), echo, context)._unsafeUnwrapErr(),
    ).toMatchObject({ requestId: 'first', operation: 'getUser', attempts: 2, retryable: true })
  })
})

describe('decodeResponse: a 2xx body that cannot be read is a Decode error', () => {
  it('an empty body', () => {
    expect({ ...decodeResponse(raw(200, ''), echo, context)._unsafeUnwrapErr() }).toEqual({
      _tag: 'BceClientError',
      reason: 'Decode',
      message: 'the service answered 200 with an empty body',
      operation: 'getUser',
      attempts: 2,
      retryable: false,
      issues: [{ path: '(root)', expected: 'JSON document', actual: 'empty' }],
      statusCode: 200,
    })
  })

  it('bytes that are not JSON, with the request id of the header', () => {
    expect({
      ...decodeResponse(raw(201, '<html>', { 'x-bce-request-id': 'rid-9' }), echo, context)._unsafeUnwrapErr(),
    }).toEqual({
      _tag: 'BceClientError',
      reason: 'Decode',
      message: 'the service answered 201 with 6 bytes that are not JSON',
      operation: 'getUser',
      attempts: 2,
      retryable: false,
      issues: [{ path: '(root)', expected: 'JSON document', actual: 'non-JSON bytes' }],
      statusCode: 201,
      requestId: 'rid-9',
    })
  })

  it('a body the reader rejects keeps the reader’s issues', () => {
    const picky: ResponseReader<never> = { kind: 'json', read: () => err([{ path: 'id', expected: 'string' }]) }
    expect({ ...decodeResponse(raw(200, '{}'), picky, context)._unsafeUnwrapErr() }).toEqual({
      _tag: 'BceClientError',
      reason: 'Decode',
      message: 'the service answered 200 with a body of an unexpected shape',
      operation: 'getUser',
      attempts: 2,
      retryable: false,
      issues: [{ path: 'id', expected: 'string' }],
      statusCode: 200,
    })
  })

  it('a reader that throws is reported, never rethrown', () => {
    const throwing: ResponseReader<never> = {
      kind: 'json',
      read: () => {
        throw new Error('reader bug')
      },
    }
    const result = decodeResponse(raw(200, '{"a":1}', { 'x-bce-request-id': 'r' }), throwing, context)
    expect({ ...result._unsafeUnwrapErr() }).toEqual({
      _tag: 'BceClientError',
      reason: 'Decode',
      message: 'the service answered 200 with a body of an unexpected shape',
      operation: 'getUser',
      attempts: 2,
      retryable: false,
      issues: [{ path: '(root)', expected: 'a readable document', actual: 'reader failed' }],
      statusCode: 200,
      requestId: 'r',
    })
  })

  it('an empty request id header is left out', () => {
    const error = decodeResponse(raw(200, '', { 'x-bce-request-id': '' }), echo, context)._unsafeUnwrapErr()
    expect('requestId' in error).toBe(false)
  })

  it('the request id header passes through scrub and the cap', () => {
    const scrub = (text: string): string => text.replace('SECRET', '***')
    const scrubbed = decodeResponse(raw(200, '', { 'x-bce-request-id': 'a-SECRET' }), echo, context, scrub)
    expect(scrubbed._unsafeUnwrapErr().requestId).toBe('a-***')
    const long = decodeResponse(raw(200, '', { 'x-bce-request-id': 'x'.repeat(1000) }), echo, context)
    expect(long._unsafeUnwrapErr().requestId).toBe('x'.repeat(128))
  })

  it('JSON null and other JSON values reach the reader', () => {
    expect(decodeResponse(raw(200, 'null'), echo, context)._unsafeUnwrap()).toBeNull()
    expect(decodeResponse(raw(200, '0'), echo, context)._unsafeUnwrap()).toBe(0)
    expect(decodeResponse(raw(200, '"s"'), echo, context)._unsafeUnwrap()).toBe('s')
  })
})
