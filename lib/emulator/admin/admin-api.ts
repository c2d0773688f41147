import { authenticate } from '../authenticate'
import { readBody } from '../handlers/body'
import { isRootKeyPair } from '../principal'
import { ok, type Result } from 'neverthrow'
import { parseJson } from '../json-limits'
import type { ParsedRequest } from '../parsed-request'
import { fail, reply, type ApiError, type Outcome } from '../wire'
import { parseChaos, parseInstructions } from '../faults/fault'
import type { EmulatorControls } from './controls'

/** The reserved path prefix of the admin API. */
export const ADMIN_PREFIX = '/__emulator/'

/** Whether a raw path belongs to the admin API. */
export function isAdminPath(rawPath: string): boolean {
  return rawPath === ADMIN_PREFIX.slice(0, -1) || rawPath.startsWith(ADMIN_PREFIX)
}

interface AdminRoute {
  readonly method: string
  readonly path: string
  readonly handle: (controls: EmulatorControls, body: unknown) => Outcome
}

/** A control's refusal of bad input, as 400 `InappropriateJSON`. */
const inappropriate = (problem: string): ApiError => ({ status: 400, code: 'InappropriateJSON', message: problem })

const seedOf = (body: unknown, required: boolean): Result<number | undefined, ApiError> =>
  readBody(body, { seed: { kind: 'integer', required } }).map((fields) => fields.seed as number | undefined)

/** A control's failure to persist, as 500 `InternalError`. */
const storageFailure = (problem: string): ApiError => ({ status: 500, code: 'InternalError', message: problem })

/** Every admin route. */
export const ADMIN_ROUTES: readonly AdminRoute[] = [
  {
    method: 'POST',
    path: '/__emulator/reset',
    handle: (controls, body) =>
      seedOf(body, false).andThen((seed) => {
        if (seed !== undefined && seed < 0) return fail(400, 'InappropriateJSON', 'seed must be a non-negative integer')
        return controls
          .reset(seed)
          .mapErr(storageFailure)
          .andThen(() => reply(200))
      }),
  },
  {
    method: 'POST',
    path: '/__emulator/seed',
    handle: (controls, body) =>
      seedOf(body, true).andThen((seed) => {
        if (seed === undefined || seed < 0) return fail(400, 'InappropriateJSON', 'seed must be a non-negative integer')
        return controls
          .reseed(seed)
          .mapErr(storageFailure)
          .andThen(() => reply(200))
      }),
  },
  {
    method: 'GET',
    path: '/__emulator/clock',
    handle: ({ state }) =>
      reply(200, { offsetMs: state.clock.offsetMs, now: new Date(state.clock.now()).toISOString() }),
  },
  {
    method: 'PUT',
    path: '/__emulator/clock',
    handle: (controls, body) =>
      readBody(body, { offsetMs: { kind: 'integer', required: true } }).andThen((fields) =>
        controls
          .setClockOffset(fields.offsetMs)
          .mapErr(inappropriate)
          .andThen(() =>
            reply(200, {
              offsetMs: controls.state.clock.offsetMs,
              now: new Date(controls.state.clock.now()).toISOString(),
            }),
          ),
      ),
  },
  {
    method: 'GET',
    path: '/__emulator/requests',
    handle: (controls) => reply(200, { requests: controls.requestLog() }),
  },
  {
    method: 'DELETE',
    path: '/__emulator/requests',
    handle: (controls) => {
      controls.clearRequestLog()
      return reply(200)
    },
  },
  {
    method: 'POST',
    path: '/__emulator/faults',
    handle: (controls, body) => {
      const instructions = parseInstructions(
        typeof body === 'object' && body !== null ? (body as { instructions?: unknown }).instructions : undefined,
      )
      return instructions.mapErr(inappropriate).andThen((valid) => reply(200, { ids: controls.faults.enqueue(valid) }))
    },
  },
  { method: 'GET', path: '/__emulator/faults', handle: (controls) => reply(200, controls.faults.report()) },
  {
    method: 'DELETE',
    path: '/__emulator/faults',
    handle: (controls) => {
      controls.faults.clear()
      return reply(200)
    },
  },
  {
    method: 'PUT',
    path: '/__emulator/chaos',
    handle: (controls, body) => {
      return parseChaos(body)
        .mapErr(inappropriate)
        .andThen((chaos) => {
          controls.faults.setChaos(chaos)
          return reply(200, chaos)
        })
    },
  },
  {
    method: 'DELETE',
    path: '/__emulator/chaos',
    handle: (controls) => {
      controls.faults.setChaos(undefined)
      return reply(200)
    },
  },
  { method: 'GET', path: '/__emulator/limits', handle: ({ state }) => reply(200, state.limits) },
  {
    method: 'PUT',
    path: '/__emulator/limits',
    handle: (controls, body) => {
      return controls
        .setLimits(body ?? {})
        .mapErr(inappropriate)
        .andThen((limits) => reply(200, limits))
    },
  },
]

/**
 * Handles an admin request: it must be signed with the root key pair (an unsigned or badly
 * signed request gets the usual authentication errors; any other principal 403
 * `AccessDenied`). Bodies are JSON.
 */
export function handleAdminRequest(controls: EmulatorControls, request: ParsedRequest): Outcome {
  const { method, rawPath, body } = request.wire
  return authenticate(controls.state, request).andThen((authenticated) => {
    if (!isRootKeyPair(authenticated.principal))
      return fail(403, 'AccessDenied', 'the admin API is for the root key pair only')
    const onPath = ADMIN_ROUTES.filter((route) => route.path === rawPath)
    const route = onPath.find((candidate) => candidate.method === method)
    if (route === undefined) {
      return onPath.length > 0
        ? fail(405, 'MethodNotAllowed', `${method} is not allowed on ${rawPath}`)
        : fail(400, 'InvalidURI', `no admin operation at ${rawPath}`)
    }
    // Admin bodies are small and trusted (root only): no nesting limit, as before.
    const parsed = body.length === 0 ? ok(undefined) : parseJson(body.toString('utf8'), 'the body', Infinity)
    return parsed.isErr() ? fail(400, 'MalformedJSON', parsed.error.message) : route.handle(controls, parsed.value)
  })
}
