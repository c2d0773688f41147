import { serviceErrorFromResponse } from '../../lib/decode/error-body'
import type { ServiceErrorKind } from '../../lib/errors/types'
import { isRetryableServiceError } from '../../lib/retry/retry-decision'

const context = { operation: 'deleteUser', attempts: 3, idempotent: false, isRetryable: isRetryableServiceError }
const body = (value: unknown): Buffer => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))

describe('serviceErrorFromResponse', () => {
  it('takes code, message and requestId from the JSON error body, and the rest from the context', () => {
    expect({
      ...serviceErrorFromResponse(
        409,
        'hdr-1',
        body({ code: 'DeleteConflict', message: 'user has keys', requestId: 'body-1' }),
        context,
      ),
    }).toEqual({
      _tag: 'BceServiceError',
      kind: 'Conflict',
      code: 'DeleteConflict',
      statusCode: 409,
      message: 'user has keys',
      requestId: 'body-1',
      operation: 'deleteUser',
      attempts: 3,
      retryable: false,
    })
  })

  it('classifies by the body code first and computes retryability from status, code and idempotency', () => {
    expect(serviceErrorFromResponse(400, undefined, body({ code: 'RequestExpired' }), context)).toMatchObject({
      kind: 'AuthFailure',
      retryable: true,
    })
    expect(serviceErrorFromResponse(400, undefined, body({ code: 'NoSuchEntity' }), context)).toMatchObject({
      kind: 'NotFound',
      retryable: false,
    })
    expect(serviceErrorFromResponse(500, undefined, body({ code: 'InternalError' }), context).retryable).toBe(false)
    expect(
      serviceErrorFromResponse(500, undefined, body({ code: 'InternalError' }), { ...context, idempotent: true })
        .retryable,
    ).toBe(true)
  })

  describe('requestId', () => {
    it('prefers the body, falls back on the header, and is absent when neither has one', () => {
      expect(serviceErrorFromResponse(404, 'hdr', body({ requestId: 'b' }), context).requestId).toBe('b')
      expect(serviceErrorFromResponse(404, 'hdr', body({ code: 'NotFound' }), context).requestId).toBe('hdr')
      expect(serviceErrorFromResponse(404, 'hdr', body({ requestId: '' }), context).requestId).toBe('hdr')
      expect(serviceErrorFromResponse(404, 'hdr', body({ requestId: 7 }), context).requestId).toBe('hdr')
      expect(serviceErrorFromResponse(404, 'hdr', Buffer.alloc(0), context).requestId).toBe('hdr')
      expect(serviceErrorFromResponse(404, 'hdr', body('<html/>'), context).requestId).toBe('hdr')
      const none = serviceErrorFromResponse(404, undefined, body({ code: 'NotFound' }), context)
      expect('requestId' in none).toBe(false)
    })
  })

  describe('code', () => {
    it('is derived from the status when the body has no usable code', () => {
      for (const value of [{}, { code: '' }, { code: 404 }, { code: null }, { code: ['NotFound'] }])
        expect(serviceErrorFromResponse(404, undefined, body(value), context).code).toBe('NotFound')
      expect(serviceErrorFromResponse(400, undefined, Buffer.alloc(0), context).code).toBe('InvalidHTTPRequest')
      expect(serviceErrorFromResponse(503, undefined, body('oops'), context).code).toBe('ServiceUnavailable')
      expect(serviceErrorFromResponse(599, undefined, Buffer.alloc(0), context).code).toBe('Http599')
    })

    it('is verbatim from the body otherwise, however unusual', () => {
      expect(serviceErrorFromResponse(404, undefined, body({ code: 'Weird Code!' }), context)).toMatchObject({
        code: 'Weird Code!',
        kind: 'NotFound',
      })
    })
  })

  describe('message', () => {
    it('is the body message when there is one', () => {
      expect(serviceErrorFromResponse(404, undefined, body({ message: 'gone' }), context).message).toBe('gone')
    })

    it.each([
      [404, '', 'HTTP 404 Not Found with an empty body'],
      [599, '', 'HTTP 599 with an empty body'],
      [502, '<html>Bad Gateway</html>', 'HTTP 502 Bad Gateway with a non-JSON body (24 bytes)'],
      [599, 'x', 'HTTP 599 with a non-JSON body (1 bytes)'],
      [500, '[1,2]', 'HTTP 500 Internal Server Error with a non-JSON body (5 bytes)'],
      [500, 'null', 'HTTP 500 Internal Server Error with a non-JSON body (4 bytes)'],
      [500, '"text"', 'HTTP 500 Internal Server Error with a non-JSON body (6 bytes)'],
      [404, '{"code":"NotFound"}', 'HTTP 404 Not Found'],
      [404, '{"message":""}', 'HTTP 404 Not Found'],
      [404, '{"message":42}', 'HTTP 404 Not Found'],
      [599, '{}', 'HTTP 599'],
    ])('describes a %i answer with body %j as %j', (status, text, message) => {
      expect(serviceErrorFromResponse(status, undefined, Buffer.from(text), context).message).toBe(message)
    })
  })

  describe('server-supplied text', () => {
    const scrub = (text: string): string => text.replaceAll('SECRET', '[redacted]')

    it('passes code, message and requestId from the body through scrub', () => {
      const error = serviceErrorFromResponse(
        400,
        undefined,
        body({ code: 'Bad-SECRET', message: 'echo SECRET', requestId: 'id-SECRET' }),
        context,
        scrub,
      )
      expect(error).toMatchObject({
        code: 'Bad-[redacted]',
        message: 'echo [redacted]',
        requestId: 'id-[redacted]',
      })
    })

    it('passes the header requestId through scrub too', () => {
      expect(serviceErrorFromResponse(400, 'h-SECRET', Buffer.alloc(0), context, scrub).requestId).toBe('h-[redacted]')
    })

    it('caps code and requestId at 128 and message at 500 characters', () => {
      const error = serviceErrorFromResponse(
        400,
        undefined,
        body({ code: 'C'.repeat(5000), message: 'M'.repeat(5000), requestId: 'R'.repeat(5000) }),
        context,
      )
      expect(error.code).toBe('C'.repeat(128))
      expect(error.message).toBe('M'.repeat(500))
      expect(error.requestId).toBe('R'.repeat(128))
      expect(serviceErrorFromResponse(400, 'H'.repeat(129), Buffer.alloc(0), context).requestId).toBe('H'.repeat(128))
    })

    it('does not touch derived codes and messages', () => {
      const error = serviceErrorFromResponse(404, undefined, Buffer.alloc(0), context, () => 'scrubbed')
      expect(error).toMatchObject({ code: 'NotFound', message: 'HTTP 404 Not Found with an empty body' })
    })
  })
})

describe('serviceErrorFromResponse: the declared kinds', () => {
  const declared = new Set<ServiceErrorKind>([
    'NotFound',
    'AccessDenied',
    'AuthFailure',
    'InvalidRequest',
    'Throttled',
    'ServerError',
    'Unknown',
  ])

  it('a kind the operation does not declare is Unknown, with code, status, message and request id verbatim', () => {
    const error = serviceErrorFromResponse(
      409,
      'hdr',
      body({ code: 'EntityAlreadyExists', message: 'user "a" already exists', requestId: 'r-1' }),
      { ...context, operation: 'getUser', reportable: declared },
    )
    expect({ ...error }).toEqual({
      _tag: 'BceServiceError',
      kind: 'Unknown',
      code: 'EntityAlreadyExists',
      statusCode: 409,
      message: 'user "a" already exists',
      requestId: 'r-1',
      operation: 'getUser',
      attempts: 3,
      retryable: false,
    })
  })

  it('a declared kind is kept', () => {
    const error = serviceErrorFromResponse(404, undefined, body({ code: 'NotFound' }), {
      ...context,
      reportable: declared,
    })
    expect(error.kind).toBe('NotFound')
  })

  it('retryability is the decision the client supplies, given status, code and idempotency', () => {
    const calls: unknown[] = []
    const error = serviceErrorFromResponse(418, undefined, body({ code: 'Teapot' }), {
      ...context,
      isRetryable: (...args) => {
        calls.push(args)
        return true
      },
    })
    expect(error.retryable).toBe(true)
    expect(calls).toEqual([[418, 'Teapot', false]])
  })
})
