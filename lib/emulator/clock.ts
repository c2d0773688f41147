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

  /** Sets the offset from the base clock, ms. */
  setOffset(offsetMs: number): void {
    this.#offsetMs = offsetMs
  }
}
