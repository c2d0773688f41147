import fc from 'fast-check'
import { classifyServiceError, codeFromStatus } from '../../lib/errors/classify'
import type { ServiceErrorKind } from '../../lib/errors/types'

/** The code table of DESIGN.md / research/iam-api.md §5, written out independently of lib/errors. */
const TABLE: ReadonlyArray<readonly [string, ServiceErrorKind]> = [
  ['NotFound', 'NotFound'],
  ['NoSuchEntity', 'NotFound'],
  ['ResourceNotFound', 'NotFound'],
  ['EntityAlreadyExists', 'AlreadyExists'],
  ['AlreadyExists', 'AlreadyExists'],
  ['ResourceAlreadyExists', 'AlreadyExists'],
  ['DeleteConflict', 'Conflict'],
  ['Conflict', 'Conflict'],
  ['ConcurrentModification', 'Conflict'],
  ['IdempotentParameterMismatch', 'Conflict'],
  ['LimitExceeded', 'LimitExceeded'],
  ['QuotaExceeded', 'LimitExceeded'],
  ['AccessDenied', 'AccessDenied'],
  ['OptInRequired', 'AccessDenied'],
  ['InvalidAccessKeyId', 'AuthFailure'],
  ['SignatureDoesNotMatch', 'AuthFailure'],
  ['RequestExpired', 'AuthFailure'],
  ['RequestTimeTooSkewed', 'AuthFailure'],
  ['InvalidHTTPAuthHeader', 'AuthFailure'],
  ['InvalidSecurityToken', 'AuthFailure'],
  ['InvalidSessionToken', 'AuthFailure'],
  ['ExpiredToken', 'AuthFailure'],
  ['InvalidHTTPRequest', 'InvalidRequest'],
  ['InvalidURI', 'InvalidRequest'],
  ['MalformedJSON', 'InvalidRequest'],
  ['InappropriateJSON', 'InvalidRequest'],
  ['InvalidParameter', 'InvalidRequest'],
  ['InvalidParameterValue', 'InvalidRequest'],
  ['InvalidVersion', 'InvalidRequest'],
  ['PreconditionFailed', 'InvalidRequest'],
  ['Throttling', 'Throttled'],
  ['ThrottlingException', 'Throttled'],
  ['TooManyRequests', 'Throttled'],
  ['RequestLimitExceeded', 'Throttled'],
  ['SlowDown', 'Throttled'],
  ['InternalError', 'ServerError'],
  ['ServiceUnavailable', 'ServerError'],
]

/** The status fallback, written out from its documentation. */
const byStatus = (status: number): ServiceErrorKind => {
  if (status === 404) return 'NotFound'
  if (status === 409) return 'Conflict'
  if (status === 429) return 'Throttled'
  if (status === 401) return 'AuthFailure'
  if (status === 403) return 'AccessDenied'
  if (Number.isInteger(status) && status >= 500 && status < 600) return 'ServerError'
  if (Number.isInteger(status) && status >= 400 && status < 500) return 'InvalidRequest'
  return 'Unknown'
}

const tableKind = new Map(TABLE)

describe('classifyServiceError', () => {
  it.each(TABLE)('the code %s is %s whatever the status', (code, kind) => {
    // Status 200 and 302 fall back on Unknown, 418 on InvalidRequest, 503 on ServerError: the
    // table entry must win over each of them.
    for (const status of [0, 200, 302, 418, 503]) expect(classifyServiceError(status, code)).toBe(kind)
  })

  it.each([
    [404, 'NotFound'],
    [409, 'Conflict'],
    [429, 'Throttled'],
    [401, 'AuthFailure'],
    [403, 'AccessDenied'],
    [399, 'Unknown'],
    [400, 'InvalidRequest'],
    [402, 'InvalidRequest'],
    [418, 'InvalidRequest'],
    [499, 'InvalidRequest'],
    [500, 'ServerError'],
    [503, 'ServerError'],
    [599, 'ServerError'],
    [600, 'Unknown'],
    [302, 'Unknown'],
    [200, 'Unknown'],
    [101, 'Unknown'],
    [0, 'Unknown'],
    [-404, 'Unknown'],
    [Number.NaN, 'Unknown'],
  ] as const)('an unknown code with status %d falls back on %s', (status, kind) => {
    expect(classifyServiceError(status, 'SomethingNew')).toBe(kind)
    expect(classifyServiceError(status, '')).toBe(kind)
  })

  it('codes are matched exactly: case, padding and prototype keys fall back on the status', () => {
    expect(classifyServiceError(400, 'notfound')).toBe('InvalidRequest')
    expect(classifyServiceError(400, ' NotFound')).toBe('InvalidRequest')
    expect(classifyServiceError(400, 'NotFoundX')).toBe('InvalidRequest')
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(classifyServiceError(404, key)).toBe('NotFound')
      expect(classifyServiceError(500, key)).toBe('ServerError')
      expect(classifyServiceError(200, key)).toBe('Unknown')
    }
  })

  it('equals the table, else the status fallback, for any status and any code (table codes included)', () => {
    const code = fc.oneof(fc.constantFrom(...TABLE.map(([c]) => c)), fc.string({ maxLength: 12 }))
    const status = fc.oneof(fc.integer({ min: 100, max: 699 }), fc.integer())
    fc.assert(
      fc.property(status, code, (s, c) => {
        expect(classifyServiceError(s, c)).toBe(tableKind.get(c) ?? byStatus(s))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('codeFromStatus', () => {
  it('follows the Go SDK for the four fixed statuses, whatever the reason phrase', () => {
    for (const phrase of [undefined, '', 'Whatever Else']) {
      expect(codeFromStatus(400, phrase)).toBe('InvalidHTTPRequest')
      expect(codeFromStatus(403, phrase)).toBe('AccessDenied')
      expect(codeFromStatus(412, phrase)).toBe('PreconditionFailed')
      expect(codeFromStatus(500, phrase)).toBe('InternalError')
    }
  })

  it('otherwise joins the reason phrase, keeping only letters and digits', () => {
    expect(codeFromStatus(404, 'Not Found')).toBe('NotFound')
    expect(codeFromStatus(503, 'Service Unavailable')).toBe('ServiceUnavailable')
    expect(codeFromStatus(418, "I'm a Teapot")).toBe('ImaTeapot')
    expect(codeFromStatus(505, 'HTTP Version 1.1 Not-Supported!')).toBe('HTTPVersion11NotSupported')
    expect(codeFromStatus(401, 'Unauthorized')).toBe('Unauthorized')
  })

  it('falls back on Http<status> without a usable phrase', () => {
    expect(codeFromStatus(799)).toBe('Http799')
    expect(codeFromStatus(404)).toBe('Http404')
    expect(codeFromStatus(404, '')).toBe('Http404')
    expect(codeFromStatus(404, ' - !')).toBe('Http404')
    expect(codeFromStatus(0, 'ü')).toBe('Http0')
  })

  it('a derived code is always non-empty letters and digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.option(fc.string(), { nil: undefined }), (status, phrase) => {
        expect(codeFromStatus(status, phrase)).toMatch(/^[A-Za-z0-9]+$/)
      }),
    )
  })
})

describe('classifyServiceError honours an operation declaration', () => {
  const common = ['AccessDenied', 'AuthFailure', 'InvalidRequest', 'Throttled', 'ServerError', 'Unknown'] as const
  const getUserKinds = new Set<ServiceErrorKind>(['NotFound', ...common])

  it('a declared or common kind is kept', () => {
    expect(classifyServiceError(404, 'NotFound', getUserKinds)).toBe('NotFound')
    expect(classifyServiceError(403, 'AccessDenied', getUserKinds)).toBe('AccessDenied')
    expect(classifyServiceError(503, 'ServiceUnavailable', getUserKinds)).toBe('ServerError')
    expect(classifyServiceError(429, 'Whatever', getUserKinds)).toBe('Throttled')
  })

  it('an undeclared operation-specific kind becomes Unknown, by code or by status', () => {
    expect(classifyServiceError(409, 'EntityAlreadyExists', getUserKinds)).toBe('Unknown')
    expect(classifyServiceError(409, 'SomethingNew', getUserKinds)).toBe('Unknown')
    expect(classifyServiceError(400, 'LimitExceeded', getUserKinds)).toBe('Unknown')
    expect(classifyServiceError(409, 'DeleteConflict', new Set<ServiceErrorKind>([...common, 'Conflict']))).toBe(
      'Conflict',
    )
  })

  it('without a declaration every kind is reported as classified', () => {
    expect(classifyServiceError(409, 'EntityAlreadyExists')).toBe('AlreadyExists')
    expect(classifyServiceError(409, 'SomethingNew')).toBe('Conflict')
  })
})
