import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errAsync, okAsync, ResultAsync } from 'neverthrow'
import { makeClientError } from '../errors/make'
import type { BceClientError } from '../errors/types'
import { EmulatorClock } from './clock'
import { readWireRequest, writeOutcome } from './http-server'
import { IdGenerator } from './ids'
import { handleApiRequest } from './pipeline'
import { DEFAULT_LIMITS, EmulatorState, type EmulatorLimits, type RootCredentials } from './state'
import { fail } from './wire'

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Interface to listen on (default `127.0.0.1`). */
  readonly host?: string
  /** Port (default 0: any free port). */
  readonly port?: number
  /** Root account key pair (default: random). */
  readonly credentials?: RootCredentials
  /** Seed for deterministic ids (default: random ids). */
  readonly seed?: number
  /** Account limits; unspecified ones keep BCE's numbers. */
  readonly limits?: Partial<EmulatorLimits>
  /** Base clock, epoch ms (default `Date.now`). */
  readonly clock?: () => number
  /** Initial clock offset in ms added to the base clock (default 0). */
  readonly clockOffsetMs?: number
}

/** A running emulator. */
export interface RunningEmulator {
  /** IAM endpoint, e.g. `http://127.0.0.1:40123`. */
  readonly endpoint: string
  /** STS endpoint (the same server: IAM and STS paths do not collide). */
  readonly stsEndpoint: string
  /** The root account's key pair: always authenticates, always authorised. */
  readonly credentials: RootCredentials
  /** Moves the emulator's clock: `offsetMs` is added to the base clock. */
  setClockOffset(offsetMs: number): void
  /** Stops listening and closes every connection. Never fails. */
  close(): ResultAsync<void, never>
}

function randomCredentials(): RootCredentials {
  return { accessKeyId: randomBytes(16).toString('hex'), secretAccessKey: randomBytes(16).toString('hex') }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo | Error> {
  return new Promise((resolve) => {
    server.once('error', (error) => resolve(error))
    server.listen(port, host, () => resolve(server.address() as AddressInfo))
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/**
 * Starts a local IAM/STS emulator over HTTP that verifies every request's signature and
 * enforces IAM's rules. Resolves to the running emulator, or to a `BceClientError`
 * (`InvalidConfig` for bad options, `Network` when it cannot listen).
 */
export function startEmulator(options: EmulatorOptions = {}): ResultAsync<RunningEmulator, BceClientError> {
  const invalid = (message: string) => errAsync(makeClientError({ reason: 'InvalidConfig', message, operation: 'startEmulator' }))
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? 0
  if (typeof host !== 'string' || host.length === 0) return invalid('host must be a non-empty string')
  if (!Number.isInteger(port) || port < 0 || port > 65535) return invalid('port must be an integer from 0 to 65535')
  const credentials = options.credentials ?? randomCredentials()
  if (typeof credentials.accessKeyId !== 'string' || credentials.accessKeyId.length === 0 || credentials.accessKeyId.includes('/') ||
      typeof credentials.secretAccessKey !== 'string' || credentials.secretAccessKey.length === 0) {
    return invalid('credentials must hold a non-empty accessKeyId (without "/") and secretAccessKey')
  }
  const clock = new EmulatorClock(options.clock ?? Date.now, options.clockOffsetMs ?? 0)
  const state = new EmulatorState({ ...credentials }, clock, new IdGenerator(options.seed), { ...DEFAULT_LIMITS, ...options.limits })
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    void readWireRequest(req).then((request) => {
      if (request === 'too-large') return writeOutcome(res, fail(413, 'EntityTooLarge', 'request body too large'))
      let outcome
      try {
        outcome = handleApiRequest(state, request)
      } catch {
        outcome = fail(500, 'InternalError', 'the emulator failed to handle the request')
      }
      writeOutcome(res, outcome)
    })
  })
  return ResultAsync.fromSafePromise(listen(server, port, host)).andThen((address) => {
    if (address instanceof Error) {
      return errAsync(makeClientError({ reason: 'Network', message: `emulator cannot listen on ${host}:${port}: ${address.message}`, operation: 'startEmulator' }))
    }
    const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address
    const endpoint = `http://${hostPart}:${address.port}`
    let closing: Promise<void> | undefined
    const running: RunningEmulator = {
      endpoint,
      stsEndpoint: endpoint,
      credentials,
      setClockOffset: (offsetMs) => clock.setOffset(offsetMs),
      close: () => ResultAsync.fromSafePromise((closing ??= closeServer(server))),
    }
    return okAsync(running)
  })
}
