import { matchRoute, ROUTES } from '../../lib/emulator/routes'

const segments = (path: string) => path.split('/').slice(1)

describe('route table', () => {
  it('names one SDK operation per route, each once', () => {
    const operations = ROUTES.map((route) => route.operation)
    expect(new Set(operations).size).toBe(operations.length)
    expect(operations).toHaveLength(52) // U1–U11, K1–K5, G1–G9, P1–P16, R1–R5, I1–I4, S1–S2
    for (const operation of operations) expect(operation).toMatch(/^[a-z][A-Za-z]+$/)
  })

  it('has no two routes that can match the same request', () => {
    const keys = ROUTES.map((route) => `${route.method} ${route.pattern.replace(/\{[^}]+\}/g, '{}')} ${route.flag ?? ''}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('declares 201 exactly for the four create operations', () => {
    expect(ROUTES.filter((route) => route.status === 201).map((route) => route.operation).sort()).toEqual(['createGroup', 'createPolicy', 'createRole', 'createUser'])
  })

  it.each([
    ['POST', '/v1/user/operation/mfa/switch', {}, 'setUserOperationMfa'],
    ['DELETE', '/v1/user/operation/mfaType/PHONE', {}, 'unbindUserMfaDevice'],
    ['GET', '/v1/user/operation', {}, 'getUser'],
    ['POST', '/v1/subUser/idp/update', {}, 'updateSubUserIdp'],
    ['PUT', '/v1/subUser/idp/update', {}, 'updateSubUser'],
    ['PUT', '/v1/user/u/accesskey/k', { disable: '' }, 'disableAccessKey'],
    ['PUT', '/v1/user/u/accesskey/k', { enable: '' }, 'enableAccessKey'],
    ['POST', '/v1/policy/p', {}, 'updatePolicy'],
    ['GET', '/v1/policy/id/entity', {}, 'listPolicyEntities'],
    ['POST', '/v1/credential', { assumeRole: '' }, 'assumeRole'],
  ])('routes %s %s %j to %s', (method, path, query, operation) => {
    const match = matchRoute(method, segments(path), new Map(Object.entries(query)))
    expect('route' in match && match.route.operation).toBe(operation)
  })

  it('tells an unknown path, a wrong method and a missing flag apart', () => {
    expect(matchRoute('GET', segments('/v2/user'), new Map())).toEqual({ miss: 'path' })
    expect(matchRoute('PATCH', segments('/v1/user/u'), new Map())).toEqual({ miss: 'method' })
    expect(matchRoute('PUT', segments('/v1/user/u/accesskey/k'), new Map())).toEqual({ miss: 'flag', flags: ['disable', 'enable'] })
  })
})
