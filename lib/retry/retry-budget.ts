import { err, ok, type Result } from 'neverthrow'

/** What kind of failure a retry follows, which sets its cost. */
export type RetryCostClass = 'service' | 'transport'

/** A retry the budget refused: its cost and the tokens left (fewer than the cost). */
export interface RetryBudgetExhausted {
  readonly cost: number
  readonly available: number
}

/**
 * A per-client token bucket that bounds retries (a retry storm cannot outlive it): a retry
 * after a service error costs `retryCost`, after a timeout or transport failure
 * `timeoutRetryCost`; an empty bucket means no retry. A call that succeeds without retrying
 * refunds 1 token; one that succeeds after retrying refunds the cost of its last retry; the
 * bucket never exceeds its capacity.
 */
export class RetryBudget {
  #tokens: number
  readonly #capacity: number
  readonly #retryCost: number
  readonly #timeoutRetryCost: number

  constructor(capacity: number, retryCost: number, timeoutRetryCost: number) {
    this.#capacity = capacity
    this.#tokens = capacity
    this.#retryCost = retryCost
    this.#timeoutRetryCost = timeoutRetryCost
  }

  /** Tokens left. */
  get available(): number {
    return this.#tokens
  }

  /**
   * Takes the cost of one retry and returns it; when the bucket cannot pay, nothing is taken and
   * the refusal says what the retry would have cost and what was left. Called only after a failed
   * attempt, never on the success path.
   */
  acquire(kind: RetryCostClass): Result<number, RetryBudgetExhausted> {
    const cost = kind === 'transport' ? this.#timeoutRetryCost : this.#retryCost
    if (cost > this.#tokens) return err({ cost, available: this.#tokens })
    this.#tokens -= cost
    return ok(cost)
  }

  /** Records a successful call; `lastRetryCost` is the cost of its last retry, if it retried. */
  recordSuccess(lastRetryCost: number | undefined): void {
    this.#tokens = Math.min(this.#capacity, this.#tokens + (lastRetryCost ?? 1))
  }
}
