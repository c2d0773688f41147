import { inspect } from 'node:util'
import {
  amendError,
  isBuiltError,
  keptCause,
  makeClientError,
  makeServiceError,
  summariseCause,
} from '../../lib/errors/make'
import { scrubError, secretScrubber } from '../../lib/errors/scrub'
import { isRetryableServiceError } from '../../lib/retry/retry-decision'

const serviceFields = {
  kind: 'NotFound',
  code: 'NoSuchEntity',
  statusCode: 404,
  message: 'user alice does not exist',
  requestId: 'req-1',
  operation: 'getUser',
  attempts: 2,
  retryable: false,
} as const

describe('makeServiceError', () => {
  it('copies every field under the BceServiceError tag, as plain enumerable data', () => {
    const error = makeServiceError(serviceFields)
    expect({ ...error }).toEqual({ _tag: 'BceServiceError', ...serviceFields })
    expect(Object.keys(error)).toEqual([
      '_tag',
      'kind',
      'code',
      'statusCode',
      'message',
      'operation',
      'attempts',
      'retryable',
      'requestId',
    ])
  })

  it('leaves requestId out entirely when it is undefined', () => {
    const error = makeServiceError({ ...serviceFields, requestId: undefined })
    expect('requestId' in error).toBe(false)
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      _tag: 'BceServiceError',
      kind: 'NotFound',
      code: 'NoSuchEntity',
      statusCode: 404,
      message: 'user alice does not exist',
      operation: 'getUser',
      attempts: 2,
      retryable: false,
    })
  })

  it('is frozen', () => {
    const error = makeServiceError(serviceFields)
    expect(Object.isFrozen(error)).toBe(true)
    expect(() => {
      ;(error as { code: string }).code = 'x'
    }).toThrow(TypeError)
  })

  it('describes itself in one line through a non-enumerable toString', () => {
    const error = makeServiceError(serviceFields)
    expect(String(error)).toBe(
      'BceServiceError NotFound/NoSuchEntity [404] in getUser: user alice does not exist (requestId req-1)',
    )
    expect(String(makeServiceError({ ...serviceFields, requestId: undefined }))).toBe(
      'BceServiceError NotFound/NoSuchEntity [404] in getUser: user alice does not exist',
    )
    expect(Object.getOwnPropertyDescriptor(error, 'toString')?.enumerable).toBe(false)
    expect(JSON.stringify(error)).not.toContain('toString')
  })
})

describe('makeClientError', () => {
  it('defaults attempts to 0 and retryable to false, and omits every unset optional field', () => {
    const error = makeClientError({ reason: 'Network', message: 'socket hang up', operation: 'listUsers' })
    expect({ ...error }).toEqual({
      _tag: 'BceClientError',
      reason: 'Network',
      message: 'socket hang up',
      operation: 'listUsers',
      attempts: 0,
      retryable: false,
    })
    for (const key of ['outcomeUnknown', 'issues', 'statusCode', 'requestId', 'cause']) expect(key in error).toBe(false)
  })

  it('keeps every optional field that is given, false and 0 included', () => {
    const issues = [{ path: 'users.0.name', expected: 'string', actual: 'number' }]
    const error = makeClientError({
      reason: 'Decode',
      message: 'bad body',
      operation: 'listUsers',
      attempts: 3,
      retryable: true,
      outcomeUnknown: false,
      issues,
      statusCode: 0,
      requestId: '',
      cause: new RangeError('boom'),
    })
    expect({ ...error }).toEqual({
      _tag: 'BceClientError',
      reason: 'Decode',
      message: 'bad body',
      operation: 'listUsers',
      attempts: 3,
      retryable: true,
      outcomeUnknown: false,
      issues,
      statusCode: 0,
      requestId: '',
      cause: { name: 'RangeError', message: 'boom' },
    })
  })

  it('copies and freezes the issues, so the caller’s array stays its own', () => {
    const issues = [{ path: 'a', expected: 'b' }]
    const error = makeClientError({ reason: 'InvalidInput', message: 'm', operation: 'o', issues })
    expect(error.issues).not.toBe(issues)
    expect(Object.isFrozen(error.issues)).toBe(true)
    issues.push({ path: 'c', expected: 'd' })
    expect(error.issues).toEqual([{ path: 'a', expected: 'b' }])
    expect(Object.isFrozen(error)).toBe(true)
  })

  it('describes itself in one line through a non-enumerable toString', () => {
    const error = makeClientError({ reason: 'Timeout', message: 'no answer in 100 ms', operation: 'getUser' })
    expect(String(error)).toBe('BceClientError Timeout in getUser: no answer in 100 ms')
    expect(`${error}`).toBe(String(error))
    expect(Object.getOwnPropertyDescriptor(error, 'toString')?.enumerable).toBe(false)
  })

  it('never carries the object graph of a cause, only its name, code and message', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
      headers: { authorization: 'bce-auth-v1/secret' },
    })
    const error = makeClientError({ reason: 'Network', message: 'm', operation: 'o', cause })
    expect(error.cause).toEqual({ name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })
    expect(JSON.stringify(error)).not.toContain('secret')
    expect(inspect(error, { depth: 10 })).not.toContain('secret')
  })
})

describe('amendError', () => {
  it('replaces only the bookkeeping fields of a service error and keeps it a frozen service error', () => {
    const original = makeServiceError(serviceFields)
    const amended = amendError(original, { operation: 'createUser', attempts: 4, retryable: true })
    expect({ ...amended }).toEqual({
      ...serviceFields,
      _tag: 'BceServiceError',
      operation: 'createUser',
      attempts: 4,
      retryable: true,
    })
    expect(String(amended)).toBe(
      'BceServiceError NotFound/NoSuchEntity [404] in createUser: user alice does not exist (requestId req-1)',
    )
    expect(Object.isFrozen(amended)).toBe(true)
    expect(original.attempts).toBe(2)
  })

  it('replaces only the bookkeeping fields of a client error and keeps its optional fields', () => {
    const original = makeClientError({
      reason: 'Decode',
      message: 'm',
      operation: 'o',
      issues: [{ path: 'p', expected: 'e' }],
      statusCode: 200,
      requestId: 'r',
      outcomeUnknown: true,
      cause: new Error('c'),
    })
    const amended = amendError(original, { attempts: 5 })
    expect({ ...amended }).toEqual({ ...original, attempts: 5 })
    expect(amended._tag).toBe('BceClientError')
    expect(String(amended)).toBe('BceClientError Decode in o: m')
    expect(amendError(original, {})).toEqual(original)
  })
})

describe('summariseCause', () => {
  it.each([
    ['an Error', new TypeError('bad'), { name: 'TypeError', message: 'bad' }],
    [
      'an Error with a string code',
      Object.assign(new Error('x'), { code: 'ETIMEDOUT' }),
      { name: 'Error', code: 'ETIMEDOUT', message: 'x' },
    ],
    ['an Error with a numeric code', Object.assign(new Error('x'), { code: 7 }), { name: 'Error', message: 'x' }],
    ['an object without name or message', { name: 1, message: { secret: true } }, { name: 'Error', message: '' }],
    ['an empty object', {}, { name: 'Error', message: '' }],
    ['a string', 'plain text', { name: 'string', message: 'plain text' }],
    ['a number', 42, { name: 'number', message: '' }],
    ['null', null, { name: 'object', message: '' }],
    ['undefined', undefined, { name: 'undefined', message: '' }],
  ])('%s', (_what, cause, expected) => {
    expect(summariseCause(cause)).toEqual(expected)
  })
})

describe('keptCause: an SDK error rides along whole, anything else is summarised', () => {
  const inner = makeServiceError({
    kind: 'AccessDenied',
    code: 'AccessDenied',
    statusCode: 403,
    message: 'denied for secret-value-123456',
    operation: 'assumeRole',
    attempts: 2,
    retryable: false,
  })

  it('keeps an error built here as the same object, and reduces a frozen look-alike', () => {
    expect(isBuiltError(inner)).toBe(true)
    expect(keptCause(inner)).toBe(inner)
    const outer = makeClientError({ reason: 'Credentials', message: 'm', operation: 'o', cause: inner })
    expect(outer.cause).toBe(inner)
    const lookalike = Object.freeze({ ...inner })
    expect(isBuiltError(lookalike)).toBe(false)
    expect(keptCause(lookalike)).toStrictEqual({ name: 'Error', code: 'AccessDenied', message: inner.message })
    expect(isBuiltError({ _tag: 'BceServiceError' })).toBe(false)
    expect(isBuiltError(null)).toBe(false)
  })

  it('scrubError scrubs a kept cause as an error, keeping its tag and fields', () => {
    const outer = makeClientError({ reason: 'Credentials', message: 'm', operation: 'o', cause: inner })
    const scrubbed = scrubError(outer, secretScrubber(['secret-value-123456']))
    expect(scrubbed.cause).toMatchObject({
      _tag: 'BceServiceError',
      kind: 'AccessDenied',
      code: 'AccessDenied',
      statusCode: 403,
      attempts: 2,
      message: 'denied for [redacted]',
    })
    expect(isBuiltError(scrubbed.cause)).toBe(true)
    expect(JSON.stringify(scrubbed)).not.toContain('secret-value-123456')
  })
})

describe('isRetryableServiceError', () => {
  it.each([
    // status, code, idempotent, retryable
    [400, 'RequestExpired', false, true],
    [403, 'RequestTimeTooSkewed', false, true],
    [429, 'Throttling', false, true],
    [429, 'LimitExceeded', false, true],
    [503, 'ServiceUnavailable', false, true],
    [500, 'InternalError', true, true],
    [500, 'InternalError', false, false],
    [502, 'BadGateway', true, true],
    [502, 'BadGateway', false, false],
    [504, 'GatewayTimeout', true, true],
    [504, 'GatewayTimeout', false, false],
    [501, 'NotImplemented', true, false],
    [505, 'HTTPVersionNotSupported', true, false],
    [599, 'X', true, false],
    [409, 'LimitExceeded', true, false],
    [400, 'InvalidParameter', true, false],
    [404, 'NotFound', true, false],
    [400, 'requestexpired', true, false],
  ] as const)('%i %s (idempotent %s) → %s', (status, code, idempotent, retryable) => {
    expect(isRetryableServiceError(status, code, idempotent)).toBe(retryable)
  })
})
