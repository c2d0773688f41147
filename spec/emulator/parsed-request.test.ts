import { operationOf, parseRequest } from '../../lib/emulator/parsed-request'
import type { WireRequest } from '../../lib/emulator/wire'

const wire = (rawPath: string, rawQuery = '', method = 'GET'): WireRequest => ({
  method,
  rawPath,
  rawQuery,
  headers: { host: 'h' },
  repeatedHeaders: new Set(),
  body: Buffer.alloc(0),
})

const routingError = (request: WireRequest) => {
  const { target } = parseRequest(request)
  return target.isErr() ? target.error : undefined
}

describe('parseRequest: one parse of a raw request', () => {
  it('routes on the decoded path and query, with path parameters and the query decoded once', () => {
    const parsed = parseRequest(wire('/v1/user/a%20b/accesskey/k%2Bey', 'disable&x=%E6%B5%8B', 'PUT'))
    expect(operationOf(parsed)).toBe('disableAccessKey')
    const target = parsed.target._unsafeUnwrap()
    expect(target.params).toEqual({ userName: 'a b', accessKeyId: 'k+ey' })
    expect([...target.query]).toEqual([
      ['disable', ''],
      ['x', '测'],
    ])
    expect(parsed.pathSegments.map((segment) => segment._unsafeUnwrap().toString('utf8'))).toEqual([
      '',
      'v1',
      'user',
      'a b',
      'accesskey',
      'k+ey',
    ])
  })

  it('keeps the Authorization problem and the routing problem apart (authentication reports first)', () => {
    const parsed = parseRequest(wire('/v1/nothing'))
    expect(parsed.auth._unsafeUnwrapErr()).toMatchObject({ code: 'InvalidHTTPAuthHeader' })
    expect(parsed.target._unsafeUnwrapErr()).toMatchObject({ code: 'InvalidURI' })
    expect(operationOf(parsed)).toBeUndefined()
  })

  it.each([
    ['v1/user', '', 'the path must start with /'],
    ['/v1/user/%G1/%FF', '', 'malformed percent-encoding in path'],
    ['/v1/user/%FF/%G1', '', 'path segment is not valid UTF-8'],
    ['/v1/user/../x', '', 'empty, "." and ".." path segments are not allowed'],
    ['/v1/user/a%2Fb', '', 'a path segment must not contain an encoded "/" or "\\"'],
    ['/v1/user/u', 'a=%', 'malformed percent-encoding in query'],
    ['/v1/user/%G1', 'a=%', 'malformed percent-encoding in path'],
  ])('answers %j?%j with InvalidURI: %s (the first problem, segment by segment)', (rawPath, rawQuery, message) => {
    expect(routingError(wire(rawPath, rawQuery))).toEqual({ status: 400, code: 'InvalidURI', message })
  })

  it('tells an unknown path, a wrong method and a missing flag apart', () => {
    expect(routingError(wire('/v2/user'))).toMatchObject({ status: 400, message: 'no operation matches GET /v2/user' })
    expect(routingError(wire('/v1/user/u', '', 'PATCH'))).toMatchObject({ status: 405, code: 'MethodNotAllowed' })
    expect(routingError(wire('/v1/user/u/accesskey/k', '', 'PUT'))).toMatchObject({
      status: 400,
      message: 'PUT /v1/user/u/accesskey/k needs one of the query flags disable, enable',
    })
  })
})
