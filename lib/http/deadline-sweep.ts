/** A deadline at least this far ahead (ms) is left to the sweep instead of a timer of its own. */
export const SWEPT_DEADLINE_MIN_MS = 2_000

/** How often the sweep looks while it has exchanges to watch: a swept deadline ends at most this late. */
export const DEADLINE_SWEEP_MS = 200

/** An exchange the sweep can end: its deadline on the monotonic clock, and how to cut it short. */
export interface SweptExchange {
  /** `performance.now()` at which the exchange's deadline passes; undefined when not swept. */
  readonly dueAt: number | undefined
  /** Ends the exchange as timed out (idempotent). */
  cutShort(why: 'deadline'): void
}

/**
 * One interval per transport that ends the exchanges whose deadline has passed, instead of one
 * `setTimeout` per exchange: at 32 calls in flight, arming and clearing a timer per call cost the
 * client a few percent of its throughput (BENCHMARKS.md), and a call's deadline (30 s by default)
 * does not need millisecond precision. Deadlines closer than {@link SWEPT_DEADLINE_MIN_MS} keep a
 * timer of their own, so short timeouts stay exact; a swept one ends at most
 * {@link DEADLINE_SWEEP_MS} late.
 *
 * The interval runs only while the transport has exchanges under way, and it is not `unref`'d:
 * like the timers it replaces, it keeps the process alive until every pending call has settled.
 * Times are compared on the monotonic clock, so a jump of the wall clock moves no deadline.
 */
export class DeadlineSweep {
  readonly #exchanges: ReadonlySet<SweptExchange>
  #interval: NodeJS.Timeout | undefined

  /** `exchanges` is the transport's live set of exchanges under way (read at every sweep). */
  constructor(exchanges: ReadonlySet<SweptExchange>) {
    this.#exchanges = exchanges
  }

  /**
   * Whether the sweep takes the deadline `remainingMs` from now (then it is running); false when
   * the deadline is too close (or absent), and the exchange must arm a timer of its own.
   */
  takes(remainingMs: number | undefined): boolean {
    if (remainingMs === undefined || !(remainingMs >= SWEPT_DEADLINE_MIN_MS)) return false
    this.#interval ??= setInterval(sweep, DEADLINE_SWEEP_MS, this)
    return true
  }

  /** Ends every exchange whose deadline has passed; stops once none is left. */
  sweep(): void {
    const now = performance.now()
    for (const exchange of this.#exchanges) {
      if (exchange.dueAt !== undefined && exchange.dueAt <= now) exchange.cutShort('deadline')
    }
    if (this.#exchanges.size === 0) this.stop()
  }

  /** Stops the interval (it starts again with the next swept deadline). */
  stop(): void {
    if (this.#interval !== undefined) clearInterval(this.#interval)
    this.#interval = undefined
  }

  /** Whether the interval is running (for tests). */
  get running(): boolean {
    return this.#interval !== undefined
  }
}

function sweep(owner: DeadlineSweep): void {
  owner.sweep()
}
