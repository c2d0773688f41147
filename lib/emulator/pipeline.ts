import { err, ok, type Result } from 'neverthrow'
import type { OperationName } from '../operations'
import { authenticate } from './authenticate'
import { authorize } from './authorization/authorize'
import { checkContentDigest } from './content-digest'
import { decodeUtf8, parseJson } from './json-limits'
import { operationOf, type ParsedRequest } from './parsed-request'
import type { Principal } from './principal'
import type { EmulatorState } from './state'
import { apiError, fail, type ApiError, type Outcome } from './wire'

/**
 * Parses a JSON body: invalid UTF-8 and invalid JSON are 400 `MalformedJSON`, nesting deeper than
 * `MAX_JSON_DEPTH` levels 400 `InappropriateJSON` (checked on the text, before parsing).
 */
function parseBody(body: Buffer): Result<unknown, ApiError> {
  if (body.length === 0) return ok(undefined)
  const text = decodeUtf8(body)
  if (text.isErr()) return fail(400, 'MalformedJSON', 'the body is not valid UTF-8')
  return parseJson(text.value, 'the body').mapErr(({ problem, message }) =>
    apiError(400, problem === 'syntax' ? 'MalformedJSON' : 'InappropriateJSON', message),
  )
}

/** What handling one API request produced, with the facts the request log records. */
export interface HandledRequest {
  readonly outcome: Outcome
  /** The SDK method the request addressed, when a route matched (even if authentication failed). */
  readonly operation?: OperationName
  /** The access key id named in the Authorization header, when the header parses. */
  readonly accessKeyId?: string
  /** Who the request acted for, when it authenticated. */
  readonly principal?: Principal
}

/**
 * Handles one parsed API request: authenticate (errors first, so a badly signed request to an
 * unknown path is an auth error), check `Content-MD5` against the body, take the route (or the
 * routing error), authorise (403 `AccessDenied` before the body is even parsed, so a denied
 * change never applies), parse the body, run the handler. Synchronous, so requests apply one at
 * a time.
 */
export function handleApiRequest(state: EmulatorState, request: ParsedRequest): HandledRequest {
  const operation = operationOf(request)
  const facts = {
    ...(operation === undefined ? {} : { operation }),
    ...(request.auth.isOk() ? { accessKeyId: request.auth.value.accessKeyId } : {}),
  }
  const authenticated = authenticate(state, request)
  if (authenticated.isErr()) return { ...facts, outcome: err(authenticated.error) }
  const { principal } = authenticated.value
  const outcome = checkContentDigest(request.wire)
    .andThen(() => request.target)
    .andThen((target) =>
      authorize(state, principal, target)
        .andThen(() => parseBody(request.wire.body))
        .andThen((body) =>
          target.route.handle({
            state,
            request: request.wire,
            principal,
            params: target.params,
            query: target.query,
            body,
          }),
        ),
    )
  return { ...facts, principal, outcome }
}
