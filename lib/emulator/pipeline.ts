import { authenticate } from './authenticate'
import { authorize } from './authorization/authorize'
import { contentDigestProblem } from './content-digest'
import type { HandlerContext } from './handlers/context'
import { decodeUtf8, parseJsonText } from './json-limits'
import type { Principal } from './principal'
import { matchRoute, type RouteMatch } from './route-match'
import type { EmulatorState } from './state'
import { parseAuthHeader } from './verify-signature'
import { fail, failWith, parseRawQuery, percentDecode, type Outcome, type WireRequest } from './wire'

/** Decodes raw path segments; dot, empty or undecodable segments are `InvalidURI`. */
export function decodeSegments(rawPath: string): string[] | Outcome {
  if (!rawPath.startsWith('/')) return fail(400, 'InvalidURI', 'the path must start with /')
  const segments: string[] = []
  for (const raw of rawPath.split('/').slice(1)) {
    const bytes = percentDecode(raw)
    if (bytes === undefined) return fail(400, 'InvalidURI', 'malformed percent-encoding in path')
    const text = bytes.toString('utf8')
    if (!Buffer.from(text, 'utf8').equals(bytes)) return fail(400, 'InvalidURI', 'path segment is not valid UTF-8')
    if (text === '' || text === '.' || text === '..')
      return fail(400, 'InvalidURI', 'empty, "." and ".." path segments are not allowed')
    // Names never contain / or \; an encoded one would let a path signed as two segments pass as one.
    if (text.includes('/') || text.includes('\\'))
      return fail(400, 'InvalidURI', 'a path segment must not contain an encoded "/" or "\\"')
    segments.push(text)
  }
  return segments
}

function decodeQuery(rawQuery: string): Map<string, string> | Outcome {
  const pairs = parseRawQuery(rawQuery)
  if (pairs === undefined) return fail(400, 'InvalidURI', 'malformed percent-encoding in query')
  return new Map(pairs.map(([key, value]) => [key.toString('utf8'), value.toString('utf8')]))
}

/**
 * Parses a JSON body: invalid UTF-8 and invalid JSON are 400 `MalformedJSON`, nesting deeper than
 * `MAX_JSON_DEPTH` levels 400 `InappropriateJSON` (checked on the text, before parsing).
 */
function parseBody(body: Buffer): { value: unknown } | Outcome {
  if (body.length === 0) return { value: undefined }
  const text = decodeUtf8(body)
  if (text === undefined) return fail(400, 'MalformedJSON', 'the body is not valid UTF-8')
  const parsed = parseJsonText(text, 'the body')
  if ('value' in parsed) return parsed
  return fail(400, parsed.problem === 'syntax' ? 'MalformedJSON' : 'InappropriateJSON', parsed.message)
}

const isOutcome = (value: unknown): value is Outcome => typeof value === 'object' && value !== null && 'ok' in value

/** Where a request is going: its route (with params and query), or why it has none. */
type Target =
  { readonly match: RouteMatch; readonly query: ReadonlyMap<string, string> } | { readonly problem: Outcome }

/** Routes a request on its raw path (never normalised) and query, without side effects. */
export function resolveTarget(request: WireRequest): Target {
  const segments = decodeSegments(request.rawPath)
  if (isOutcome(segments)) return { problem: segments }
  const query = decodeQuery(request.rawQuery)
  if (isOutcome(query)) return { problem: query }
  const match = matchRoute(request.method, segments, query)
  if ('route' in match) return { match, query }
  if (match.miss === 'method')
    return { problem: fail(405, 'MethodNotAllowed', `${request.method} is not allowed on ${request.rawPath}`) }
  if (match.miss === 'flag') {
    const flags = (match.flags ?? []).join(', ')
    return {
      problem: fail(400, 'InvalidURI', `${request.method} ${request.rawPath} needs one of the query flags ${flags}`),
    }
  }
  return { problem: fail(400, 'InvalidURI', `no operation matches ${request.method} ${request.rawPath}`) }
}

/** The SDK method a request addresses (from its method, raw path and query), if any; no side effects. */
export function operationOf(request: WireRequest): string | undefined {
  const target = resolveTarget(request)
  return 'match' in target ? target.match.route.operation : undefined
}

/** What handling one API request produced, with the facts the request log records. */
export interface HandledRequest {
  readonly outcome: Outcome
  /** The SDK method the request addressed, when a route matched (even if authentication failed). */
  readonly operation?: string
  /** The access key id named in the Authorization header, when the header parses. */
  readonly accessKeyId?: string
  /** Who the request acted for, when it authenticated. */
  readonly principal?: Principal
}

/**
 * Handles one signed API request: authenticate (errors first, so a badly signed request to an
 * unknown path is an auth error), check `Content-MD5` against the body, route on the raw path, authorise (403 `AccessDenied` before
 * the body is even parsed, so a denied change never applies), parse the body, run the handler.
 * Synchronous, so requests apply one at a time.
 */
export function handleApiRequest(state: EmulatorState, request: WireRequest): HandledRequest {
  const target = resolveTarget(request)
  const header = parseAuthHeader(request)
  const facts = {
    ...('match' in target ? { operation: target.match.route.operation } : {}),
    ...('accessKeyId' in header ? { accessKeyId: header.accessKeyId } : {}),
  }
  const authenticated = authenticate(state, request)
  if ('status' in authenticated) return { ...facts, outcome: failWith(authenticated) }
  const { principal } = authenticated
  const digest = contentDigestProblem(request)
  if (digest !== undefined) return { ...facts, principal, outcome: failWith(digest) }
  if ('problem' in target) return { ...facts, principal, outcome: target.problem }
  const denied = authorize(state, principal, target.match)
  if (denied !== undefined) return { ...facts, principal, outcome: failWith(denied) }
  const body = parseBody(request.body)
  if (isOutcome(body)) return { ...facts, principal, outcome: body }
  const context: HandlerContext = {
    state,
    request,
    principal,
    params: target.match.params,
    query: target.query,
    body: body.value,
  }
  return { ...facts, principal, outcome: target.match.route.handle(context) }
}
