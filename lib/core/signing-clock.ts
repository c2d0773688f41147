/**
 * The clock a client signs with: local time plus an offset learned from the service's `Date`
 * header after a `RequestExpired`, so every later request of that client is signed correctly.
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

  /** Learns the offset from a server time observed now; returns the new offset. */
  learn(serverTimeMs: number): number {
    this.#offsetMs = Math.round(serverTimeMs - this.#local())
    return this.#offsetMs
  }
}
