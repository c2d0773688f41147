import { err, ok, type Result } from 'neverthrow'
import type { OperationName } from '../operations'
import { matchRoute, type RouteMatch } from './route-match'
import { readSignedParts, type SignedParts } from './verify-signature'
import { fail, type ApiError, type WireRequest } from './wire'

/** A routed request: its route and decoded path parameters, and its decoded query. */
export interface RouteTarget extends RouteMatch {
  /** Query parameters, percent-decoded ('' for a bare flag). */
  readonly query: ReadonlyMap<string, string>
}

/**
 * A request parsed once, by the HTTP layer: the raw request, its Authorization header, its
 * decoded path segments and query (see {@link SignedParts}), and where it goes (its route, or
 * why it has none). Authentication, fault injection, authorization, the handler and the request
 * log all read this one value; nothing parses the request again.
 */
export interface ParsedRequest extends SignedParts {
  readonly target: Result<RouteTarget, ApiError>
}

const utf8Exactly = (bytes: Buffer): Result<string, ApiError> => {
  const text = bytes.toString('utf8')
  return Buffer.from(text, 'utf8').equals(bytes) ? ok(text) : fail(400, 'InvalidURI', 'path segment is not valid UTF-8')
}

/** The decoded path segments after the leading `/`; dot, empty or undecodable segments are `InvalidURI`. */
function routableSegments(parts: SignedParts): Result<string[], ApiError> {
  if (!parts.wire.rawPath.startsWith('/')) return fail(400, 'InvalidURI', 'the path must start with /')
  const segments: string[] = []
  for (const decoded of parts.pathSegments.slice(1)) {
    if (decoded.isErr()) return fail(400, 'InvalidURI', 'malformed percent-encoding in path')
    const text = utf8Exactly(decoded.value)
    if (text.isErr()) return err(text.error)
    if (text.value === '' || text.value === '.' || text.value === '..')
      return fail(400, 'InvalidURI', 'empty, "." and ".." path segments are not allowed')
    // Names never contain / or \; an encoded one would let a path signed as two segments pass as one.
    if (text.value.includes('/') || text.value.includes('\\'))
      return fail(400, 'InvalidURI', 'a path segment must not contain an encoded "/" or "\\"')
    segments.push(text.value)
  }
  return ok(segments)
}

/** Routes parsed parts on the raw path (never normalised) and query, without side effects. */
function routeOf(parts: SignedParts): Result<RouteTarget, ApiError> {
  const segments = routableSegments(parts)
  if (segments.isErr()) return err(segments.error)
  if (parts.queryPairs.isErr()) return fail(400, 'InvalidURI', 'malformed percent-encoding in query')
  const query = new Map(parts.queryPairs.value.map(([key, value]) => [key.toString('utf8'), value.toString('utf8')]))
  const { method, rawPath } = parts.wire
  const match = matchRoute(method, segments.value, query)
  if ('route' in match) return ok({ ...match, query })
  if (match.miss === 'method') return fail(405, 'MethodNotAllowed', `${method} is not allowed on ${rawPath}`)
  if (match.miss === 'flag') {
    const flags = (match.flags ?? []).join(', ')
    return fail(400, 'InvalidURI', `${method} ${rawPath} needs one of the query flags ${flags}`)
  }
  return fail(400, 'InvalidURI', `no operation matches ${method} ${rawPath}`)
}

/** Parses a raw request once (see {@link ParsedRequest}). */
export function parseRequest(wire: WireRequest): ParsedRequest {
  const parts = readSignedParts(wire)
  return { ...parts, target: routeOf(parts) }
}

/** The SDK method a parsed request addresses, if it was routed. */
export function operationOf(request: ParsedRequest): OperationName | undefined {
  return request.target.isOk() ? request.target.value.route.operation : undefined
}
