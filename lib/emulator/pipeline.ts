import type { HandlerContext } from './handlers/context'
import { matchRoute } from './routes'
import type { EmulatorState } from './state'
import { verifySignature } from './verify-signature'
import { fail, failWith, parseRawQuery, percentDecode, type Outcome, type WireRequest } from './wire'

/** Decodes raw path segments; dot, empty or undecodable segments are `InvalidURI`. */
function decodeSegments(rawPath: string): string[] | Outcome {
  if (!rawPath.startsWith('/')) return fail(400, 'InvalidURI', 'the path must start with /')
  const segments: string[] = []
  for (const raw of rawPath.split('/').slice(1)) {
    const bytes = percentDecode(raw)
    if (bytes === undefined) return fail(400, 'InvalidURI', 'malformed percent-encoding in path')
    const text = bytes.toString('utf8')
    if (!Buffer.from(text, 'utf8').equals(bytes)) return fail(400, 'InvalidURI', 'path segment is not valid UTF-8')
    if (text === '' || text === '.' || text === '..') return fail(400, 'InvalidURI', 'empty, "." and ".." path segments are not allowed')
    segments.push(text)
  }
  return segments
}

function decodeQuery(rawQuery: string): Map<string, string> | Outcome {
  const pairs = parseRawQuery(rawQuery)
  if (pairs === undefined) return fail(400, 'InvalidURI', 'malformed percent-encoding in query')
  return new Map(pairs.map(([key, value]) => [key.toString('utf8'), value.toString('utf8')]))
}

function parseBody(body: Buffer): { value: unknown } | Outcome {
  if (body.length === 0) return { value: undefined }
  try {
    return { value: JSON.parse(body.toString('utf8')) as unknown }
  } catch {
    return fail(400, 'MalformedJSON', 'the body is not valid JSON')
  }
}

const isOutcome = (value: unknown): value is Outcome => typeof value === 'object' && value !== null && 'ok' in value

/**
 * Handles one signed API request: authenticate, route on the raw path (never normalised),
 * parse the body, run the handler. Synchronous, so requests apply one at a time.
 */
export function handleApiRequest(state: EmulatorState, request: WireRequest): Outcome {
  const verified = verifySignature(request, state.clock.now(), (ak) => state.secretOf(ak))
  if ('status' in verified) return failWith(verified)
  const segments = decodeSegments(request.rawPath)
  if (isOutcome(segments)) return segments
  const query = decodeQuery(request.rawQuery)
  if (isOutcome(query)) return query
  const match = matchRoute(request.method, segments, query)
  if ('methodMismatch' in match) {
    return match.methodMismatch
      ? fail(405, 'MethodNotAllowed', `${request.method} is not allowed on ${request.rawPath}`)
      : fail(400, 'InvalidURI', `no operation matches ${request.method} ${request.rawPath}`)
  }
  const body = parseBody(request.body)
  if (isOutcome(body)) return body
  const context: HandlerContext = { state, request, params: match.params, query, body: body.value }
  return match.route.handle(context)
}
