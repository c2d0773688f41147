import { err, ok, type Result } from 'neverthrow'
import type { FaultQueue } from '../faults/fault-queue'
import type { RequestLogEntry } from '../request-log'
import type { EmulatorLimits, EmulatorState } from '../state'

/**
 * The test hooks of a running emulator, shared by the admin API (`/__emulator/…`) and the
 * in-process `RunningEmulator` methods. Every method reports problems as an error message in a
 * `Result`, never throws.
 */
export interface EmulatorControls {
  readonly state: EmulatorState
  /** Scripted faults and chaos. */
  readonly faults: FaultQueue
  /** Wipes all state (root credentials and account id stay), restores the start limits and clock offset, clears the request log; `seed` (else the start seed) restarts the ids. */
  reset(seed?: number): Result<void, string>
  /** Makes ids deterministic from now on. */
  reseed(seed: number): Result<void, string>
  /** Moves the emulator clock. */
  setClockOffset(offsetMs: unknown): Result<void, string>
  /** Changes some limits; answers all of them. */
  setLimits(update: unknown): Result<EmulatorLimits, string>
  /** The request log, oldest first. */
  requestLog(): readonly RequestLogEntry[]
  /** Forgets the request log. */
  clearRequestLog(): void
}

/** A seed: a non-negative safe integer, or why it is not one. */
export function checkSeed(seed: unknown): Result<number, string> {
  return Number.isSafeInteger(seed) && (seed as number) >= 0
    ? ok(seed as number)
    : err('seed must be a non-negative integer')
}
