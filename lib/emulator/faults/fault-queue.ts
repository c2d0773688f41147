import type { Fault, FaultInstruction } from './fault'

/** A fault that was injected, for the report. */
export interface ConsumedFault {
  /** The instruction id, or `chaos` for a random one. */
  readonly id: string
  /** The SDK method name of the request that got the fault. */
  readonly operation: string
  /** The fault injected. */
  readonly fault: Fault
  /** The request id the emulator gave that request (`x-bce-request-id`). */
  readonly requestId: string
  /** When the fault was injected (ISO 8601, emulator clock). */
  readonly at: string
}

/** An instruction still waiting for requests. */
export interface PendingFault {
  /** The instruction's id, as returned when it was queued. */
  readonly id: string
  /** The operation it targets: an SDK method name, or `*` for any. */
  readonly operation: string
  /** The fault the matching requests get. */
  readonly fault: Fault
  /** How many more matching requests get the fault before the instruction is dropped. */
  readonly remaining: number
}

/** Random faults injected into a share of all API requests. */
export interface ChaosSettings {
  /** Probability per request, 0–1. */
  readonly rate: number
  /** Faults drawn uniformly. */
  readonly faults: readonly Fault[]
  /** Seed of the draw (default 1), so a run can be repeated. */
  readonly seed?: number | undefined
}

/** What `faultReport()` answers. */
export interface FaultReport {
  /** Instructions still waiting for requests, in queue order. */
  readonly pending: readonly PendingFault[]
  /** Faults injected so far, oldest first. */
  readonly consumed: readonly ConsumedFault[]
  /** The current random-fault settings; absent when chaos is off. */
  readonly chaos?: ChaosSettings | undefined
}

const MAX_CONSUMED = 10_000

interface PendingEntry {
  readonly id: string
  readonly operation: string
  readonly fault: Fault
  remaining: number
}

/**
 * Queued fault instructions and optional chaos. Each API request takes at most one fault: the
 * oldest pending instruction for its operation (or `*`), else a chaos draw. Consumed faults are
 * recorded, so a test can assert that the fault it asked for really happened.
 */
export class FaultQueue {
  #pending: PendingEntry[] = []
  #consumed: ConsumedFault[] = []
  #chaos: ChaosSettings | undefined
  #random: () => number = Math.random
  #next = 1

  /** Queues instructions; answers their ids in order. */
  enqueue(instructions: readonly FaultInstruction[]): string[] {
    return instructions.map((instruction) => {
      const id = `f${this.#next++}`
      this.#pending.push({
        id,
        operation: instruction.operation,
        fault: instruction.fault,
        remaining: instruction.times ?? 1,
      })
      return id
    })
  }

  /** Turns chaos on (or off with undefined). */
  setChaos(settings: ChaosSettings | undefined): void {
    this.#chaos = settings
    this.#random = seededRandom(settings?.seed ?? 1)
  }

  /** The fault for the next request of `operation`, consuming it; undefined for none. */
  take(operation: string, requestId: string, nowIso: string): Fault | undefined {
    const index = this.#pending.findIndex((entry) => entry.operation === operation || entry.operation === '*')
    let chosen: { id: string; fault: Fault } | undefined
    if (index >= 0) {
      const entry = this.#pending[index] as PendingEntry
      entry.remaining -= 1
      if (entry.remaining <= 0) this.#pending.splice(index, 1)
      chosen = { id: entry.id, fault: entry.fault }
    } else if (this.#chaos !== undefined && this.#chaos.faults.length > 0 && this.#random() < this.#chaos.rate) {
      const fault = this.#chaos.faults[Math.floor(this.#random() * this.#chaos.faults.length)] as Fault
      chosen = { id: 'chaos', fault }
    }
    if (chosen === undefined) return undefined
    this.#consumed.push({ id: chosen.id, operation, fault: chosen.fault, requestId, at: nowIso })
    if (this.#consumed.length > MAX_CONSUMED) this.#consumed.splice(0, this.#consumed.length - MAX_CONSUMED)
    return chosen.fault
  }

  /** Pending instructions, consumed faults and the chaos settings. */
  report(): FaultReport {
    return {
      pending: this.#pending.map((entry) => ({ ...entry })),
      consumed: [...this.#consumed],
      ...(this.#chaos === undefined ? {} : { chaos: this.#chaos }),
    }
  }

  /** Drops every instruction, the consumed record and chaos. */
  clear(): void {
    this.#pending = []
    this.#consumed = []
    this.setChaos(undefined)
  }
}

/** A small deterministic PRNG (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
