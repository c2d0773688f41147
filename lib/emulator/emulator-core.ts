import { handleAdminRequest, isAdminPath } from './admin/admin-api'
import { err, ok, type Result } from 'neverthrow'
import { checkSeed, type EmulatorControls } from './admin/controls'
import { checkClockOffset } from './clock'
import { FaultQueue } from './faults/fault-queue'
import { IdGenerator, type IdGeneratorPosition } from './ids'
import { StateStore } from './persistence/state-store'
import { operationOf, type ParsedRequest } from './parsed-request'
import { handleApiRequest, type HandledRequest } from './pipeline'
import { redactQuery, RequestLog, type RequestLogEntry } from './request-log'
import { mergeLimits, type EmulatorLimits, type EmulatorState, type IdpRecord } from './state'
import { fail, type Outcome } from './wire'

/** The status (and, for a failure, the code) an outcome answers, for the log. */
const statusOf = (outcome: Outcome): { readonly status: number; readonly code?: string } =>
  outcome.match(
    (answer) => ({ status: answer.status }),
    (error) => ({ status: error.status, code: error.code }),
  )

/** What an {@link EmulatorCore} starts from, and what `reset` returns to. */
export interface EmulatorCoreInit {
  readonly state: EmulatorState
  /** Where to persist the state (none: memory only). */
  readonly stateFile?: string
  /** The journal generation of the snapshot the state was loaded from (0 for a new file). */
  readonly journalGeneration?: number
  readonly initialSeed?: number
  readonly initialLimits: EmulatorLimits
  readonly initialClockOffsetMs: number
}

/** What is known of a request that reached no handler (e.g. a body over the size limit). */
export interface RequestLine {
  readonly method: string
  readonly rawPath: string
  readonly rawQuery: string
}

const samePosition = (a: IdGeneratorPosition | undefined, b: IdGeneratorPosition | undefined): boolean =>
  a === undefined || b === undefined ? a === b : a.every((word, i) => word === b[i])

const internalError = (): Outcome => fail(500, 'InternalError', 'the emulator failed to handle the request')

/**
 * The emulator minus the socket: routes each request to the API or the admin API, records every
 * API request in the request log, and persists each request's changes before answering: when
 * they cannot be persisted (or the handler fails), they are undone and the answer is 500, so a
 * change answered with an error never happened. Synchronous, so requests apply one at a time in
 * arrival order.
 */
export class EmulatorCore implements EmulatorControls {
  readonly state: EmulatorState
  /** Scripted faults and chaos for API requests. */
  readonly faults = new FaultQueue()
  readonly #log = new RequestLog()
  readonly #init: EmulatorCoreInit
  readonly #store: StateStore | undefined
  #committedIds: IdGeneratorPosition | undefined
  #committedIdp: IdpRecord

  constructor(init: EmulatorCoreInit) {
    this.state = init.state
    this.#init = init
    this.#store = init.stateFile === undefined ? undefined : new StateStore(init.stateFile, init.journalGeneration ?? 0)
    this.#committedIds = init.state.ids.position()
    this.#committedIdp = init.state.idp
    init.state.changes.discard()
  }

  /**
   * Handles one request and answers its outcome (a handler that fails, or changes that cannot be
   * persisted, are undone and answered 500 `InternalError`); `fault` names an injected fault that
   * lets the request apply, for the log.
   */
  handle(request: ParsedRequest, requestId: string, fault?: string): Outcome {
    const { wire } = request
    if (isAdminPath(wire.rawPath)) return this.#applied(() => ({ outcome: handleAdminRequest(this, request) })).outcome
    const handled = this.#applied(() => handleApiRequest(this.state, request))
    // A handler that threw left no facts: the route still names the operation.
    const operation = handled.operation ?? operationOf(request)
    this.#log.record({
      ...(fault === undefined ? {} : { fault }),
      method: wire.method,
      path: wire.rawPath,
      query: redactQuery(wire.rawQuery),
      ...statusOf(handled.outcome),
      ...(operation === undefined ? {} : { operation }),
      ...(handled.accessKeyId === undefined ? {} : { accessKeyId: handled.accessKeyId }),
      requestId,
      time: new Date(this.state.clock.now()).toISOString(),
    })
    return handled.outcome
  }

  /** Logs an API request that an injected fault answered without handling it (`status` 0: no answer). */
  logInjected(request: ParsedRequest, requestId: string, fault: string, status: number, code?: string): void {
    const operation = operationOf(request)
    const { wire } = request
    this.#log.record({
      method: wire.method,
      path: wire.rawPath,
      query: redactQuery(wire.rawQuery),
      status,
      ...(code === undefined ? {} : { code }),
      ...(operation === undefined ? {} : { operation }),
      requestId,
      time: new Date(this.state.clock.now()).toISOString(),
      fault,
    })
  }

  /** Logs an API request refused before it could be read whole (such as a body over the size limit). */
  logRejected(request: RequestLine, requestId: string, outcome: Outcome): void {
    if (isAdminPath(request.rawPath)) return
    this.#log.record({
      method: request.method,
      path: request.rawPath,
      query: redactQuery(request.rawQuery),
      ...statusOf(outcome),
      requestId,
      time: new Date(this.state.clock.now()).toISOString(),
    })
  }

  /**
   * Writes the whole state as a new snapshot (folding the journal into it); an error message on failure.
   * Called at start and at close; in between, changes go to the journal. `ids` replaces the id
   * generator's position in the snapshot (for a reseed that applies only once it is saved).
   */
  save(ids?: IdGeneratorPosition | null): Result<void, string> {
    const store = this.#store
    if (store === undefined) return ok(undefined)
    return store
      .compact(this.state, ids)
      .mapErr((problem) => this.#saveProblem(problem))
      .map(() => {
        this.state.changes.discard()
        this.#committedIds = this.state.ids.position()
        this.#committedIdp = this.state.idp
      })
  }

  #saveProblem(problem: string): string {
    return `the emulator could not save its state to ${this.#init.stateFile ?? ''}: ${problem}`
  }

  /** Runs `run`, then persists what it changed; undoes the change and answers 500 if either fails. */
  #applied(run: () => HandledRequest): HandledRequest {
    let handled: HandledRequest
    try {
      handled = run()
    } catch {
      this.#undo()
      return { outcome: internalError() }
    }
    const committed = this.#commit()
    if (committed.isOk()) return handled
    this.#undo()
    return { ...handled, outcome: fail(500, 'InternalError', this.#saveProblem(committed.error)) }
  }

  /** Persists the pending changes (memory only: forgets them); an error message when they could not be. */
  #commit(): Result<void, string> {
    const { state } = this
    const changedIdp = state.idp !== this.#committedIdp
    if (state.changes.pending().length === 0 && !changedIdp) return ok(undefined)
    // The id generator's position is written along with a change (ids skipped by an undone change
    // alone need no write: a read-only request never has to touch the disk).
    const ids = state.ids.position()
    const movedIds = !samePosition(ids, this.#committedIds)
    const stored =
      this.#store?.commit(state, {
        changes: state.changes.pending(),
        ...(movedIds ? { ids: ids ?? null } : {}),
        ...(changedIdp ? { idp: state.idp } : {}),
      }) ?? ok(undefined)
    if (stored.isErr()) return stored
    state.changes.take()
    this.#committedIds = ids
    this.#committedIdp = state.idp
    return ok(undefined)
  }

  /** Reverts the pending changes (the id generator keeps moving: skipped ids are never reused). */
  #undo(): void {
    this.state.changes.undo()
    this.state.idp = this.#committedIdp
  }

  /** {@inheritDoc EmulatorControls.reset} */
  reset(seed?: number): Result<void, string> {
    if (seed !== undefined) {
      const checked = checkSeed(seed)
      if (checked.isErr()) return err(checked.error)
    }
    const restart = seed ?? this.#init.initialSeed
    this.state.clear()
    const saved = this.save(new IdGenerator(restart).position() ?? null)
    if (saved.isErr()) {
      this.#undo()
      return saved
    }
    this.state.ids.reseed(restart)
    this.#committedIds = this.state.ids.position()
    this.state.limits = this.#init.initialLimits
    this.state.clock.setOffset(this.#init.initialClockOffsetMs)
    this.#log.clear()
    this.faults.clear()
    return ok(undefined)
  }

  /** {@inheritDoc EmulatorControls.reseed} */
  reseed(seed: number): Result<void, string> {
    return checkSeed(seed).andThen((valid) => {
      const position = new IdGenerator(valid).position() ?? null
      const stored = this.#store?.commit(this.state, { changes: [], ids: position }, position) ?? ok(undefined)
      if (stored.isErr()) return err(this.#saveProblem(stored.error))
      this.state.ids.reseed(valid)
      this.#committedIds = this.state.ids.position()
      return ok(undefined)
    })
  }

  /** {@inheritDoc EmulatorControls.setClockOffset} */
  setClockOffset(offsetMs: unknown): Result<void, string> {
    return checkClockOffset(offsetMs).map((valid) => {
      this.state.clock.setOffset(valid)
    })
  }

  /** {@inheritDoc EmulatorControls.setLimits} */
  setLimits(update: unknown): Result<EmulatorLimits, string> {
    return mergeLimits(this.state.limits, update).map((merged) => {
      this.state.limits = merged
      return merged
    })
  }

  /** {@inheritDoc EmulatorControls.requestLog} */
  requestLog(): readonly RequestLogEntry[] {
    return this.#log.entries()
  }

  /** {@inheritDoc EmulatorControls.clearRequestLog} */
  clearRequestLog(): void {
    this.#log.clear()
  }
}
