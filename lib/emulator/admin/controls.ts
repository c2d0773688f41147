import type { FaultQueue } from '../faults/fault-queue'
import type { RequestLogEntry } from '../request-log'
import type { EmulatorLimits, EmulatorState } from '../state'

/**
 * The test hooks of a running emulator, shared by the admin API (`/__emulator/…`) and the
 * in-process `RunningEmulator` methods. Every method reports problems as a message, never throws.
 */
export interface EmulatorControls {
  readonly state: EmulatorState
  /** Scripted faults and chaos. */
  readonly faults: FaultQueue
  /** Wipes all state (root credentials and account id stay), restores the start limits and clock offset, clears the request log; `seed` (else the start seed) restarts the ids. */
  reset(seed?: number): string | undefined
  /** Makes ids deterministic from now on. */
  reseed(seed: number): string | undefined
  /** Moves the emulator clock. */
  setClockOffset(offsetMs: unknown): string | undefined
  /** Changes some limits; answers all of them. */
  setLimits(update: unknown): EmulatorLimits | string
  /** The request log, oldest first. */
  requestLog(): readonly RequestLogEntry[]
  /** Forgets the request log. */
  clearRequestLog(): void
}

/** Why a seed is unacceptable (it must be a non-negative safe integer), or undefined. */
export function seedProblem(seed: unknown): string | undefined {
  return Number.isSafeInteger(seed) && (seed as number) >= 0 ? undefined : 'seed must be a non-negative integer'
}
