import { handleAdminRequest, isAdminPath } from './admin/admin-api'
import { seedProblem, type EmulatorControls } from './admin/controls'
import { clockOffsetProblem } from './clock'
import { takeSnapshot } from './persistence/snapshot'
import { writeStateFile } from './persistence/state-file'
import { FaultQueue } from './faults/fault-queue'
import { handleApiRequest, operationOf } from './pipeline'
import { redactQuery, RequestLog, type RequestLogEntry } from './request-log'
import { mergeLimits, type EmulatorLimits, type EmulatorState } from './state'
import { fail, type Outcome, type WireRequest } from './wire'

/** What an {@link EmulatorCore} starts from, and what `reset` returns to. */
export interface EmulatorCoreInit {
  readonly state: EmulatorState
  /** Where to save the state after every change (none: memory only). */
  readonly stateFile?: string
  readonly initialSeed?: number
  readonly initialLimits: EmulatorLimits
  readonly initialClockOffsetMs: number
}

/**
 * The emulator minus the socket: routes each request to the API or the admin API, records API
 * requests in the request log, and saves the state after every change. Synchronous, so
 * requests apply one at a time in arrival order.
 */
export class EmulatorCore implements EmulatorControls {
  readonly state: EmulatorState
  /** Scripted faults and chaos for API requests. */
  readonly faults = new FaultQueue()
  readonly #log = new RequestLog()
  readonly #init: EmulatorCoreInit
  #saved: string | undefined

  constructor(init: EmulatorCoreInit) {
    this.state = init.state
    this.#init = init
  }

  /**
   * Handles one request and answers its outcome (a failed save turns it into 500
   * `InternalError`); `fault` names an injected fault that lets the request apply, for the log.
   */
  handle(request: WireRequest, requestId: string, fault?: string): Outcome {
    if (isAdminPath(request.rawPath)) return this.#saveAfter(handleAdminRequest(this, request))
    const handled = handleApiRequest(this.state, request)
    const outcome = this.#saveAfter(handled.outcome)
    const entry: RequestLogEntry = {
      ...(fault === undefined ? {} : { fault }),
      method: request.method,
      path: request.rawPath,
      query: redactQuery(request.rawQuery),
      status: outcome.ok ? outcome.reply.status : outcome.error.status,
      ...(outcome.ok ? {} : { code: outcome.error.code }),
      ...(handled.operation === undefined ? {} : { operation: handled.operation }),
      ...(handled.accessKeyId === undefined ? {} : { accessKeyId: handled.accessKeyId }),
      requestId,
      time: new Date(this.state.clock.now()).toISOString(),
    }
    this.#log.record(entry)
    return outcome
  }

  /** Logs an API request that an injected fault answered without handling it (`status` 0: no answer). */
  logInjected(request: WireRequest, requestId: string, fault: string, status: number, code?: string): void {
    const operation = operationOf(request)
    this.#log.record({
      method: request.method,
      path: request.rawPath,
      query: redactQuery(request.rawQuery),
      status,
      ...(code === undefined ? {} : { code }),
      ...(operation === undefined ? {} : { operation }),
      requestId,
      time: new Date(this.state.clock.now()).toISOString(),
      fault,
    })
  }

  /** Writes the state file when the state differs from what was last written; a message on failure. */
  save(): string | undefined {
    const file = this.#init.stateFile
    if (file === undefined) return undefined
    const text = `${JSON.stringify(takeSnapshot(this.state), null, 1)}\n`
    if (text === this.#saved) return undefined
    const problem = writeStateFile(file, text)
    if (problem !== undefined) return `the emulator could not save its state to ${file}: ${problem}`
    this.#saved = text
    return undefined
  }

  #saveAfter(outcome: Outcome): Outcome {
    const problem = this.save()
    return problem === undefined ? outcome : fail(500, 'InternalError', problem)
  }

  /** {@inheritDoc EmulatorControls.reset} */
  reset(seed?: number): string | undefined {
    if (seed !== undefined) {
      const problem = seedProblem(seed)
      if (problem !== undefined) return problem
    }
    this.state.clear()
    this.state.ids.reseed(seed ?? this.#init.initialSeed)
    this.state.limits = this.#init.initialLimits
    this.state.clock.setOffset(this.#init.initialClockOffsetMs)
    this.#log.clear()
    this.faults.clear()
    return this.save()
  }

  /** {@inheritDoc EmulatorControls.reseed} */
  reseed(seed: number): string | undefined {
    const problem = seedProblem(seed)
    if (problem !== undefined) return problem
    this.state.ids.reseed(seed)
    return this.save()
  }

  /** {@inheritDoc EmulatorControls.setClockOffset} */
  setClockOffset(offsetMs: unknown): string | undefined {
    const problem = clockOffsetProblem(offsetMs)
    if (problem !== undefined) return problem
    this.state.clock.setOffset(offsetMs as number)
    return undefined
  }

  /** {@inheritDoc EmulatorControls.setLimits} */
  setLimits(update: unknown): EmulatorLimits | string {
    const merged = mergeLimits(this.state.limits, update)
    if (typeof merged !== 'string') this.state.limits = merged
    return merged
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
