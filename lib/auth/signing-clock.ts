import { err, ok, type Result } from 'neverthrow'

/** Why a server time taught the clock nothing: it was implausible, or the local clock is unreadable. */
export type ClockNotLearned = 'implausible-server-time' | 'unreadable-local-clock'

/** Earliest server time a client learns its clock from: 2000-01-01T00:00:00Z. */
export const MIN_SERVER_TIME_MS = Date.UTC(2000, 0, 1)

/** Server times from here on are implausible and ignored: 2100-01-01T00:00:00Z. */
export const MAX_SERVER_TIME_MS = Date.UTC(2100, 0, 1)

/** Whether a server's `Date` (epoch ms) is plausible enough to correct the signing clock with. */
export function isPlausibleServerTime(serverTimeMs: number): boolean {
  return Number.isFinite(serverTimeMs) && serverTimeMs >= MIN_SERVER_TIME_MS && serverTimeMs < MAX_SERVER_TIME_MS
}

/**
 * The clock a client signs with: local time plus an offset learned from the service's `Date`
 * header after a `RequestExpired`, so every later request of that client is signed correctly.
 *
 * Only a plausible server time (from 2000 up to, not including, 2100) is learned: an absurd
 * `Date` (year 10000, 275760, 1970, unreadable) is ignored, so the corrected clock always
 * formats as a BCE timestamp and a single bad answer can never stop the client from sending;
 * a later skew answer with a sane `Date` corrects any offset learned before.
 */
export class SigningClock {
  #offsetMs = 0
  readonly #local: () => number

  constructor(local: () => number = Date.now) {
    this.#local = local
  }

  /** Corrected time, epoch ms. */
  now(): number {
    return this.#local() + this.#offsetMs
  }

  /** The offset currently applied. */
  get offsetMs(): number {
    return this.#offsetMs
  }

  /**
   * Learns the offset from a server time observed now and returns it; when the server time is
   * implausible or the local clock unreadable, keeps the current offset and says why.
   */
  learn(serverTimeMs: number): Result<number, ClockNotLearned> {
    if (!isPlausibleServerTime(serverTimeMs)) return err('implausible-server-time')
    const offset = Math.round(serverTimeMs - this.#local())
    if (!Number.isFinite(offset)) return err('unreadable-local-clock')
    this.#offsetMs = offset
    return ok(offset)
  }
}
