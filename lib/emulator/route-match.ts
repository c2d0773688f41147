import type { OperationName } from '../operations'
import type { ResourceTemplate, RoutePermission } from './authorization/access'
import type { HandlerContext } from './handlers/context'
import { ROUTES } from './routes'
import type { Outcome } from './wire'

/** A route: method, path pattern with `{param}` segments, optional required query flag, the SDK method it serves. */
export interface Route {
  readonly method: string
  readonly pattern: string
  /** A query key that must be present for this route (e.g. `disable`). */
  readonly flag?: string
  /** The SDK method this route serves, e.g. `createUser` (the request log and fault injection use it). */
  readonly operation: OperationName
  /** Success status (documentation; the handler decides). */
  readonly status: 200 | 201
  /** The `bce:iam` permission a sub-user, role or narrowed session needs (`none`: authentication suffices). */
  readonly permission: RoutePermission
  /** The resource the permission is checked on (see {@link ResourceTemplate}); `*` where `permission` is `none`. */
  readonly resource: ResourceTemplate
  /** Runs the operation: the reply, or the `ApiError` to answer (a `Result`: the emulator's one failure convention). */
  readonly handle: (context: HandlerContext) => Outcome
}

/** A route matched against decoded path segments. */
export interface RouteMatch {
  readonly route: Route
  readonly params: Record<string, string>
}

/** Why no route matched: unknown path, known path with another method, or a required flag missing. */
export interface RouteMiss {
  readonly miss: 'path' | 'method' | 'flag'
  /** For `flag`: the flags one of which the method needs on this path. */
  readonly flags?: readonly string[]
}

interface Compiled {
  readonly route: Route
  readonly segments: readonly string[]
  /** One character per segment, `0` for a literal and `1` for a `{param}`: compared as text, literals win. */
  readonly shape: string
}

const isParam = (segment: string): boolean => segment.startsWith('{')

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * A total order of routes, most specific first: at the first segment where one pattern has a
 * literal and the other a `{param}`, the literal wins; then a route that needs a query flag wins
 * over one that does not; then flags, patterns and methods compare as text. Being total, it
 * sorts any permutation of a table the same way, so matching never depends on the table's order.
 */
function bySpecificity(a: Compiled, b: Compiled): number {
  return (
    compareText(a.shape, b.shape) ||
    Number(a.route.flag === undefined) - Number(b.route.flag === undefined) ||
    compareText(a.route.flag ?? '', b.route.flag ?? '') ||
    compareText(a.route.pattern, b.route.pattern) ||
    compareText(a.route.method, b.route.method)
  )
}

function compile(route: Route): Compiled {
  const segments = route.pattern.split('/').slice(1)
  return { route, segments, shape: segments.map((segment) => (isParam(segment) ? '1' : '0')).join('') }
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i] as string
    const actual = segments[i] as string
    if (isParam(expected)) params[expected.slice(1, -1)] = actual
    else if (expected !== actual) return undefined
  }
  return params
}

/** A route finder: see {@link matchRoute}. */
export type RouteMatcher = (
  method: string,
  segments: readonly string[],
  query: ReadonlyMap<string, string>,
) => RouteMatch | RouteMiss

/**
 * A route finder for a table: for a method, decoded path segments (the path split on raw `/`
 * before decoding, so an encoded `%2F` stays inside its segment) and query, of the routes whose
 * pattern, method and flag fit, the most specific (literal segments win over `{param}`
 * segments, see {@link bySpecificity}), whatever the order of the table. Otherwise says why none
 * matched: no pattern fits the path, or only with another method, or the method needs a query
 * flag (the flags it could take, sorted).
 */
export function routeMatcher(routes: readonly Route[]): RouteMatcher {
  const compiled = routes.map(compile).sort(bySpecificity)
  return (method, segments, query) => {
    let methodMiss = false
    const flags: string[] = []
    for (const { route: candidate, segments: pattern } of compiled) {
      const params = matchSegments(pattern, segments)
      if (params === undefined) continue
      if (candidate.method !== method) {
        methodMiss = true
        continue
      }
      if (candidate.flag !== undefined && !query.has(candidate.flag)) {
        flags.push(candidate.flag)
        continue
      }
      return { route: candidate, params }
    }
    if (flags.length > 0) return { miss: 'flag', flags: [...new Set(flags)].sort() }
    return { miss: methodMiss ? 'method' : 'path' }
  }
}

/** The emulator's route finder, over {@link ROUTES} (see {@link routeMatcher}). */
export const matchRoute: RouteMatcher = routeMatcher(ROUTES)
