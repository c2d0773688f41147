import type { HandlerContext } from './handlers/context'
import * as users from './handlers/users'
import type { Outcome } from './wire'

/** A route: method, path pattern with `{param}` segments, optional required query flag. */
export interface Route {
  readonly method: string
  readonly pattern: string
  /** A query key that must be present for this route (e.g. `disable`). */
  readonly flag?: string
  readonly handle: (context: HandlerContext) => Outcome
}

/** Every API route the emulator serves. */
export const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: '/v1/user', handle: users.createUser },
  { method: 'GET', pattern: '/v1/user', handle: users.listUsers },
  { method: 'GET', pattern: '/v1/user/{userName}', handle: users.getUser },
  { method: 'PUT', pattern: '/v1/user/{userName}', handle: users.updateUser },
  { method: 'DELETE', pattern: '/v1/user/{userName}', handle: users.deleteUser },
]

/** A route matched against decoded path segments. */
export interface RouteMatch {
  readonly route: Route
  readonly params: Record<string, string>
}

interface Compiled {
  readonly route: Route
  readonly segments: readonly string[]
}

const COMPILED: readonly Compiled[] = ROUTES.map((route) => ({ route, segments: route.pattern.split('/').slice(1) }))

/**
 * Finds the route for a method and decoded path segments (the path split on raw `/` before
 * decoding, so an encoded `%2F` stays inside its segment). `methodMismatch` tells a wrong
 * method on a known path apart from an unknown path.
 */
export function matchRoute(
  method: string,
  segments: readonly string[],
  query: ReadonlyMap<string, string>,
): RouteMatch | { readonly methodMismatch: boolean } {
  let methodMismatch = false
  for (const { route, segments: pattern } of COMPILED) {
    if (pattern.length !== segments.length) continue
    const params: Record<string, string> = {}
    let matches = true
    for (let i = 0; i < pattern.length && matches; i += 1) {
      const expected = pattern[i] as string
      const actual = segments[i] as string
      if (expected.startsWith('{')) params[expected.slice(1, -1)] = actual
      else matches = expected === actual
    }
    if (!matches) continue
    if (route.flag !== undefined && !query.has(route.flag)) continue
    if (route.method !== method) {
      methodMismatch = true
      continue
    }
    return { route, params }
  }
  return { methodMismatch }
}
