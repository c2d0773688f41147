import type { BceClientError, ClientErrorReason } from 'bce-iam'
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { err, errAsync, ok, okAsync, ResultAsync, safeTry, type Result } from 'neverthrow'
import { makeClientError } from '../errors/make'
import { checkSeed } from './admin/controls'
import { checkClockOffset, EmulatorClock } from './clock'
import { EmulatorCore } from './emulator-core'
import { IdGenerator } from './ids'
import { journalPathOf, parseJournal } from './persistence/journal'
import { parseSnapshot, restoreSnapshot } from './persistence/snapshot'
import { readStateFile } from './persistence/state-file'
import { parseChaos, parseInstructions, type FaultInstruction } from './faults/fault'
import type { ChaosSettings, FaultReport } from './faults/fault-queue'
import type { RequestLogEntry } from './request-log'
import { DEFAULT_LIMITS, EmulatorState, mergeLimits, type EmulatorLimits, type RootCredentials } from './state'
import { requestHandler } from './serve'

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Interface to listen on (default `127.0.0.1`). */
  readonly host?: string | undefined
  /** Port (default 0: any free port). */
  readonly port?: number | undefined
  /** Root account key pair (default: random, or the one in the state file; given, it wins over the file). */
  readonly credentials?: RootCredentials | undefined
  /**
   * Seed for deterministic ids and a stable account id (default: random). When a state file is
   * loaded, its account id stays and its id generator continues where it stopped (reseeding
   * would repeat ids); the seed still applies to `reset()`.
   */
  readonly seed?: number | undefined
  /** Account limits; unspecified ones keep BCE's numbers. */
  readonly limits?: Partial<EmulatorLimits> | undefined
  /** Base clock, epoch ms (default `Date.now`). */
  readonly clock?: (() => number) | undefined
  /** Initial clock offset in ms added to the base clock (default 0). */
  readonly clockOffsetMs?: number | undefined
  /**
   * A JSON file holding the state: loaded at start (a missing file means empty state). Each
   * change is appended to a journal beside it (`<stateFile>.journal`) before it is answered;
   * the journal is folded into the file (replaced atomically) at start, at `close()`, and
   * whenever it outgrows the file. Both hold secrets: keep them private.
   */
  readonly stateFile?: string | undefined
}

/** A running emulator. Its control methods never throw; they report bad input as `InvalidInput`. */
export interface RunningEmulator {
  /** IAM endpoint, e.g. `http://127.0.0.1:40123`. */
  readonly endpoint: string
  /** STS endpoint (the same server: IAM and STS paths do not collide). */
  readonly stsEndpoint: string
  /** The root account's key pair: always authenticates, always authorised, the only key for the admin API. */
  readonly credentials: RootCredentials
  /** The emulated account's id (32 hex; stable for a given seed), as assumeRole expects it. */
  readonly accountId: string
  /** Moves the emulator's clock: `offsetMs` (finite, within ±100 years) is added to the base clock. */
  setClockOffset(offsetMs: number): Result<void, BceClientError>
  /**
   * Wipes all state (root credentials and account id stay), restores the limits and clock offset
   * given at start, clears the request log; `seed` (else the start seed) restarts the ids.
   */
  reset(options?: { readonly seed?: number | undefined }): Result<void, BceClientError>
  /** Makes ids deterministic from now on. */
  reseed(seed: number): Result<void, BceClientError>
  /** The API requests received (admin requests excluded), oldest first; the last 10 000 are kept. */
  requestLog(): readonly RequestLogEntry[]
  /** Forgets the request log. */
  clearRequestLog(): void
  /** The limits in force. */
  limits(): EmulatorLimits
  /** Changes some limits; resolves to all of them. */
  setLimits(limits: Partial<EmulatorLimits>): Result<EmulatorLimits, BceClientError>
  /**
   * Queues scripted faults: the next `times` (default 1) API requests for `operation` (an SDK
   * method name, or `*`) get `fault`. Resolves to the instruction ids.
   */
  injectFaults(instructions: readonly FaultInstruction[]): Result<string[], BceClientError>
  /** Random faults for a share of all API requests (`undefined` turns chaos off). */
  setChaos(settings: ChaosSettings | undefined): Result<void, BceClientError>
  /** Pending instructions and the faults actually injected, so a test can assert they happened. */
  faultReport(): FaultReport
  /** Drops every fault instruction, the report and chaos. */
  clearFaults(): void
  /** Stops listening and closes every connection. Never fails. */
  close(): ResultAsync<void, never>
}

const randomHex = (): string => randomBytes(16).toString('hex')

/** The account id of a seeded emulator: the same seed, the same account. */
export function accountIdForSeed(seed: number): string {
  return createHash('sha256').update(`bce-iam-emulator account ${seed}`).digest('hex').slice(0, 32)
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo | Error> {
  return new Promise((resolve) => {
    server.once('error', (error) => {
      resolve(error)
    })
    server.listen(port, host, () => {
      resolve(server.address() as AddressInfo)
    })
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve()
    })
    server.closeAllConnections()
  })
}

function clientError(reason: ClientErrorReason, operation: string, message: string): BceClientError {
  return makeClientError({ reason, message, operation })
}

/** The options, or why they cannot start an emulator. */
function checkOptions(options: EmulatorOptions): Result<EmulatorOptions, string> {
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? 0
  if (typeof host !== 'string' || host.length === 0) return err('host must be a non-empty string')
  if (!Number.isInteger(port) || port < 0 || port > 65535) return err('port must be an integer from 0 to 65535')
  const { credentials } = options
  if (
    credentials !== undefined &&
    (typeof credentials.accessKeyId !== 'string' ||
      credentials.accessKeyId.length === 0 ||
      credentials.accessKeyId.includes('/') ||
      typeof credentials.secretAccessKey !== 'string' ||
      credentials.secretAccessKey.length === 0)
  ) {
    return err('credentials must hold a non-empty accessKeyId (without "/") and secretAccessKey')
  }
  if (options.seed !== undefined && checkSeed(options.seed).isErr()) return err('seed must be a non-negative integer')
  if (options.clockOffsetMs !== undefined) {
    const offset = checkClockOffset(options.clockOffsetMs)
    if (offset.isErr()) return err(`clockOffsetMs: ${offset.error}`)
  }
  if (options.stateFile !== undefined && (typeof options.stateFile !== 'string' || options.stateFile.length === 0)) {
    return err('stateFile must be a non-empty path')
  }
  return ok(options)
}

/** A loaded state and the journal generation of the snapshot it came from. */
interface LoadedState {
  readonly state: EmulatorState
  readonly journalGeneration: number
}

/** Restores the state file's snapshot and the journal entries written after it. */
function loadStateFile(
  file: string,
  text: string,
  options: EmulatorOptions,
  clock: EmulatorClock,
  limits: EmulatorLimits,
): Result<LoadedState, string> {
  const unusable = (why: string): string => `the state file ${file} is not usable: ${why}`
  return safeTry(function* () {
    const snapshot = yield* parseSnapshot(text).mapErr(unusable)
    const journalGeneration = snapshot.journalGeneration ?? 0
    const journalText = yield* readStateFile(journalPathOf(file)).mapErr(
      (why) => `cannot read the journal ${journalPathOf(file)}: ${why}`,
    )
    const journal = yield* parseJournal(journalText ?? '', journalGeneration).mapErr(unusable)
    const root = options.credentials === undefined ? {} : { root: { ...options.credentials } }
    const state = yield* restoreSnapshot(snapshot, { clock, limits, ...root }, journal).mapErr(unusable)
    return ok({ state, journalGeneration })
  })
}

/** Builds the state: from the state file (and its journal) when there is one, else fresh. */
function initialState(
  options: EmulatorOptions,
  clock: EmulatorClock,
  limits: EmulatorLimits,
): Result<LoadedState, string> {
  const file = options.stateFile
  if (file !== undefined) {
    const read = readStateFile(file)
    if (read.isErr()) return err(`cannot read the state file ${file}: ${read.error}`)
    if (read.value !== undefined) return loadStateFile(file, read.value, options, clock, limits)
  }
  const state = new EmulatorState({
    root:
      options.credentials === undefined
        ? { accessKeyId: randomHex(), secretAccessKey: randomHex() }
        : { ...options.credentials },
    accountId: options.seed === undefined ? randomHex() : accountIdForSeed(options.seed),
    clock,
    ids: new IdGenerator(options.seed),
    limits,
  })
  return ok({ state, journalGeneration: 0 })
}

function controlsOf(
  core: EmulatorCore,
): Omit<RunningEmulator, 'endpoint' | 'stsEndpoint' | 'credentials' | 'accountId' | 'close'> {
  const invalid = (operation: string, message: string) => err(clientError('InvalidInput', operation, message))
  return {
    setClockOffset: (offsetMs) =>
      core.setClockOffset(offsetMs).mapErr((problem) => clientError('InvalidInput', 'setClockOffset', problem)),
    reset: (options = {}) => {
      // Read defensively: callers from plain JavaScript may pass anything.
      const given: unknown = options
      const seed: unknown = typeof given === 'object' && given !== null ? (given as { seed?: unknown }).seed : undefined
      if (seed !== undefined && checkSeed(seed).isErr()) return invalid('reset', 'seed must be a non-negative integer')
      return core.reset(seed as number | undefined).mapErr((problem) => clientError('InvalidConfig', 'reset', problem))
    },
    reseed: (seed) => {
      if (checkSeed(seed).isErr()) return invalid('reseed', 'seed must be a non-negative integer')
      return core.reseed(seed).mapErr((problem) => clientError('InvalidConfig', 'reseed', problem))
    },
    requestLog: () => core.requestLog(),
    clearRequestLog: () => {
      core.clearRequestLog()
    },
    limits: () => core.state.limits,
    injectFaults: (instructions) =>
      parseInstructions(instructions)
        .mapErr((problem) => clientError('InvalidInput', 'injectFaults', problem))
        .map((parsed) => core.faults.enqueue(parsed)),
    setChaos: (settings) => {
      if (settings === undefined) {
        core.faults.setChaos(undefined)
        return ok(undefined)
      }
      return parseChaos(settings)
        .mapErr((problem) => clientError('InvalidInput', 'setChaos', problem))
        .map((parsed) => {
          core.faults.setChaos(parsed)
        })
    },
    faultReport: () => core.faults.report(),
    clearFaults: () => {
      core.faults.clear()
    },
    setLimits: (limits) =>
      core.setLimits(limits).mapErr((problem) => clientError('InvalidInput', 'setLimits', problem)),
  }
}

/**
 * Starts a local IAM/STS emulator over HTTP that verifies every request's signature and
 * enforces IAM's rules. Resolves to the running emulator, or to a `BceClientError`
 * (`InvalidConfig` for bad options or an unusable state file, `Network` when it cannot listen).
 */
export function startEmulator(options: EmulatorOptions = {}): ResultAsync<RunningEmulator, BceClientError> {
  const invalid = (message: string) => errAsync(clientError('InvalidConfig', 'startEmulator', message))
  const checked = checkOptions(options).andThen(() => mergeLimits(DEFAULT_LIMITS, options.limits ?? {}))
  if (checked.isErr()) return invalid(checked.error)
  const limits = checked.value
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? 0
  const clock = new EmulatorClock(options.clock ?? Date.now, options.clockOffsetMs ?? 0)
  const initial = initialState(options, clock, limits)
  if (initial.isErr()) return invalid(initial.error)
  const loaded = initial.value
  const { state } = loaded
  const core = new EmulatorCore({
    state,
    journalGeneration: loaded.journalGeneration,
    ...(options.stateFile === undefined ? {} : { stateFile: options.stateFile }),
    ...(options.seed === undefined ? {} : { initialSeed: options.seed }),
    initialLimits: limits,
    initialClockOffsetMs: options.clockOffsetMs ?? 0,
  })
  const saved = core.save()
  if (saved.isErr()) return invalid(saved.error)
  const server = createServer({ keepAliveTimeout: 65_000 }, requestHandler(core))
  return ResultAsync.fromSafePromise(listen(server, port, host)).andThen((address) => {
    if (address instanceof Error) {
      return errAsync(
        clientError('Network', 'startEmulator', `emulator cannot listen on ${host}:${port}: ${address.message}`),
      )
    }
    const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address
    const endpoint = `http://${hostPart}:${address.port}`
    let closing: Promise<void> | undefined
    const running: RunningEmulator = {
      endpoint,
      stsEndpoint: endpoint,
      credentials: state.root,
      accountId: state.accountId,
      ...controlsOf(core),
      close: () =>
        ResultAsync.fromSafePromise(
          (closing ??= closeServer(server).then(() => {
            // Fold the journal into the state file; if that fails the journal still holds every change.
            core.save()
          })),
        ),
    }
    return okAsync(running)
  })
}
