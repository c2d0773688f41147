import { ROUTE_PERMISSIONS } from '../../lib/emulator/authorization/access'
import { matchRoute } from '../../lib/emulator/route-match'
import { ROUTES } from '../../lib/emulator/routes'

const segments = (path: string) => path.split('/').slice(1)

describe('route table', () => {
  it('names one SDK operation per route, each once', () => {
    const operations = ROUTES.map((route) => route.operation)
    expect(new Set(operations).size).toBe(operations.length)
    // U1–U11, K1–K5, G1–G9, P1–P16, R1–R5, I1–I4, S1–S2, A1–A6, B1; + getAccessKeyLastUsedTime, getAccountSummary, getSigninSecurityToken
    expect(operations).toHaveLength(59 + 3)
    for (const operation of operations) expect(operation).toMatch(/^[a-z][A-Za-z]+$/)
  })

  it('has no two routes that can match the same request', () => {
    const keys = ROUTES.map(
      (route) => `${route.method} ${route.pattern.replace(/\{[^}]+\}/g, '{}')} ${route.flag ?? ''}`,
    )
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('declares 201 exactly for the five account-level create operations', () => {
    expect(
      ROUTES.filter((route) => route.status === 201)
        .map((route) => route.operation)
        .sort(),
    ).toEqual(['createApiKey', 'createGroup', 'createPolicy', 'createRole', 'createUser'])
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
    expect(matchRoute('PUT', segments('/v1/user/u/accesskey/k'), new Map())).toEqual({
      miss: 'flag',
      flags: ['disable', 'enable'],
    })
  })
})

describe('route permissions (authorization data)', () => {
  const STS = ['assumeRole', 'getSessionToken', 'getSigninSecurityToken']
  /**
   * Where Baidu's own policies, not the HTTP method, decide: the API-key reads travel as POST but
   * need only IAMReadAPIKeyPolicy (READ); a bearer token is a GET that mints a credential and
   * needs IAMManageAPIKeyPolicy (FULL_CONTROL). https://cloud.baidu.com/doc/Reference/s/rm5qdjil5
   */
  const BY_POLICY: Readonly<Record<string, string>> = {
    listApiKeys: 'READ',
    getApiKey: 'READ',
    decryptApiKey: 'READ',
    getBearerToken: 'FULL_CONTROL',
  }
  const paramsOf = (text: string) => [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1])

  it('every route declares a known permission: READ for GET, FULL_CONTROL for other IAM methods, none for STS only', () => {
    for (const route of ROUTES) {
      expect(ROUTE_PERMISSIONS).toContain(route.permission)
      const expected = STS.includes(route.operation)
        ? 'none'
        : (BY_POLICY[route.operation] ?? (route.method === 'GET' ? 'READ' : 'FULL_CONTROL'))
      expect([route.operation, route.permission]).toEqual([route.operation, expected])
    }
    expect(
      ROUTES.filter((route) => route.permission === 'none')
        .map((route) => route.operation)
        .sort(),
    ).toEqual(STS)
  })

  it('names the target as user/, group/, policy/ or role/ from path parameters, or * for account-level operations', () => {
    for (const route of ROUTES) {
      expect(route.resource).toMatch(/^(\*|(user|group|policy|role)\/\{[A-Za-z]+\})$/)
      for (const param of paramsOf(route.resource))
        expect([route.operation, route.pattern]).toEqual([route.operation, expect.stringContaining(`{${param}}`)])
    }
    const byOperation = Object.fromEntries(
      ROUTES.map((route) => [route.operation, `${route.permission} ${route.resource}`]),
    )
    expect(byOperation).toMatchObject({
      createUser: 'FULL_CONTROL *',
      listUsers: 'READ *',
      getUser: 'READ user/{userName}',
      createAccessKey: 'FULL_CONTROL user/{userName}',
      setUserOperationMfa: 'FULL_CONTROL *',
      addUserToGroup: 'FULL_CONTROL group/{groupName}',
      listGroupsForUser: 'READ user/{userName}',
      attachPolicyToUser: 'FULL_CONTROL user/{userName}',
      attachPolicyToGroup: 'FULL_CONTROL group/{groupName}',
      attachPolicyToRole: 'FULL_CONTROL role/{roleName}',
      updatePolicy: 'FULL_CONTROL policy/{policyName}',
      listPolicyEntities: 'READ policy/{policyId}',
      getRole: 'READ role/{roleName}',
      getSubUserIdp: 'READ *',
      updateSubUser: 'FULL_CONTROL user/{userName}',
      getSessionToken: 'none *',
      assumeRole: 'none *',
      getSigninSecurityToken: 'none *',
      getAccessKeyLastUsedTime: 'READ *',
      getAccountSummary: 'READ *',
    })
  })
})
