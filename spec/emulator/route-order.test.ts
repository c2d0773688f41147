import fc from 'fast-check'
import { matchRoute, routeMatcher } from '../../lib/emulator/route-match'
import { ROUTES } from '../../lib/emulator/routes'

const segments = (path: string): string[] => path.split('/').slice(1)

/** Every route's pattern with its params filled from `names` (e.g. `idp`, so literal and param routes collide). */
const pathsOf = (names: readonly string[]): string[] =>
  ROUTES.flatMap((route) =>
    names.map((name) =>
      route.pattern
        .split('/')
        .map((segment) => (segment.startsWith('{') ? name : segment))
        .join('/'),
    ),
  )

const QUERIES = [{}, { disable: '' }, { enable: '' }, { enable: '', disable: '' }, { assumeRole: '' }]
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH']

describe('route matching', () => {
  it('does not depend on the order of the table: any permutation routes every request the same way', () => {
    const paths = pathsOf(['idp', 'operation', 'x'])
    const requests = paths.flatMap((path) =>
      METHODS.flatMap((method) => QUERIES.map((query) => [method, path, new Map(Object.entries(query))] as const)),
    )
    const routeAll = (match: typeof matchRoute) =>
      requests.map(([method, path, query]) => match(method, segments(path), query))
    const expected = routeAll(matchRoute)
    fc.assert(
      // One assertion over all the requests per permutation (not one per request: most of the cost).
      fc.property(fc.shuffledSubarray([...ROUTES], { minLength: ROUTES.length }), (shuffled) => {
        expect(routeAll(routeMatcher(shuffled))).toEqual(expected)
      }),
      { numRuns: 10 },
    )
  })

  it('prefers a literal segment to a {param} one, and falls back on the {param} route for another method', () => {
    const route = (method: string, path: string) => {
      const match = matchRoute(method, segments(path), new Map())
      return 'route' in match ? match.route.operation : match
    }
    expect(route('POST', '/v1/subUser/idp/update')).toBe('updateSubUserIdp')
    expect(route('PUT', '/v1/subUser/idp/update')).toBe('updateSubUser')
    expect(route('POST', '/v1/user/operation/mfa/switch')).toBe('setUserOperationMfa')
    expect(route('GET', '/v1/user/operation')).toBe('getUser')
  })

  it('with both flags of a path, takes the flag that sorts first (the handler then refuses the pair)', () => {
    const match = matchRoute(
      'PUT',
      segments('/v1/user/u/accesskey/k'),
      new Map([
        ['enable', ''],
        ['disable', ''],
      ]),
    )
    expect('route' in match && match.route.operation).toBe('disableAccessKey')
  })
})
