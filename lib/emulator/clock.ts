import { err, ok, type Result } from 'neverthrow'
import { formatBceTimestamp } from '../auth/timestamp'

/** Largest clock offset accepted (100 years either way), so every emulator time stays formattable. */
export const MAX_CLOCK_OFFSET_MS = 100 * 365 * 24 * 3600 * 1000

/** A clock offset (finite, within {@link MAX_CLOCK_OFFSET_MS}), or why it is unacceptable. */
export function checkClockOffset(offsetMs: unknown): Result<number, string> {
  if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) return err('offsetMs must be a finite number')
  if (Math.abs(offsetMs) > MAX_CLOCK_OFFSET_MS)
    return err(`offsetMs must be within ±${MAX_CLOCK_OFFSET_MS} ms (100 years)`)
  return ok(offsetMs)
}

/** Formats epoch ms as a BCE DateTime, `YYYY-MM-DDTHH:mm:ssZ`. */
export function formatBceTime(epochMs: number): string {
  return formatBceTimestamp(epochMs) ?? '1970-01-01T00:00:00Z'
}

/** The emulator's clock: wall time plus an adjustable offset (tests move it to expire things). */
export class EmulatorClock {
  #offsetMs: number
  readonly #base: () => number

  constructor(base: () => number = Date.now, offsetMs = 0) {
    this.#base = base
    this.#offsetMs = offsetMs
  }

  /** Current emulator time, epoch ms. */
  now(): number {
    return this.#base() + this.#offsetMs
  }

  /** Current offset from the base clock, ms. */
  get offsetMs(): number {
    return this.#offsetMs
  }

  /** Sets the offset from the base clock, ms (check it with {@link checkClockOffset} first). */
  setOffset(offsetMs: number): void {
    this.#offsetMs = offsetMs
  }
}
