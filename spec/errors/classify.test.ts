import fc from 'fast-check'
import { classifyServiceError, codeFromStatus } from '../../lib/errors/classify'
import type { ServiceErrorKind } from '../../lib/errors/types'

describe('classifyServiceError', () => {
  it.each([
    [404, 'NotFound', 'NotFound'],
    [409, 'EntityAlreadyExists', 'AlreadyExists'],
    [409, 'DeleteConflict', 'Conflict'],
    [409, 'LimitExceeded', 'LimitExceeded'],
    [403, 'AccessDenied', 'AccessDenied'],
    [403, 'InvalidAccessKeyId', 'AuthFailure'],
    [400, 'SignatureDoesNotMatch', 'AuthFailure'],
    [400, 'RequestExpired', 'AuthFailure'],
    [400, 'MalformedJSON', 'InvalidRequest'],
    [500, 'InternalError', 'ServerError'],
    [400, 'Throttling', 'Throttled'],
  ] as const)('knows %i %s is %s', (status, code, kind) => {
    expect(classifyServiceError(status, code)).toBe(kind)
  })

  it.each([
    [404, 'NotFound'],
    [409, 'Conflict'],
    [429, 'Throttled'],
    [401, 'AuthFailure'],
    [403, 'AccessDenied'],
    [400, 'InvalidRequest'],
    [418, 'InvalidRequest'],
    [500, 'ServerError'],
    [599, 'ServerError'],
    [302, 'Unknown'],
    [101, 'Unknown'],
  ] as const)('falls back on status %i → %s for an unknown code', (status, kind) => {
    expect(classifyServiceError(status, 'SomethingNew')).toBe(kind)
  })

  it('is total: any status and code yields one of the ten kinds', () => {
    const kinds: ServiceErrorKind[] = [
      'NotFound',
      'AlreadyExists',
      'Conflict',
      'LimitExceeded',
      'AccessDenied',
      'AuthFailure',
      'InvalidRequest',
      'Throttled',
      'ServerError',
      'Unknown',
    ]
    fc.assert(
      fc.property(fc.integer(), fc.string(), (status, code) => kinds.includes(classifyServiceError(status, code))),
    )
    expect(classifyServiceError(404, '__proto__')).toBe('NotFound')
    expect(classifyServiceError(500, 'constructor')).toBe('ServerError')
  })
})

describe('codeFromStatus', () => {
  it('follows the Go SDK for empty bodies', () => {
    expect(codeFromStatus(400)).toBe('InvalidHTTPRequest')
    expect(codeFromStatus(403)).toBe('AccessDenied')
    expect(codeFromStatus(412)).toBe('PreconditionFailed')
    expect(codeFromStatus(500)).toBe('InternalError')
    expect(codeFromStatus(404, 'Not Found')).toBe('NotFound')
    expect(codeFromStatus(503, 'Service Unavailable')).toBe('ServiceUnavailable')
    expect(codeFromStatus(799)).toBe('Http799')
  })
})
