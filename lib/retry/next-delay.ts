import type { Result } from 'neverthrow'
import type { BceError } from '../errors/types'
import { backoffDelay } from './backoff'
import type { RetryBudget } from './retry-budget'
import { isClockSkewError, retryCostClass } from './retry-decision'
import type { RetryPolicy } from './retry-policy'
import { parseRetryAfter } from './retry-after'

/** What the retry loop remembers between attempts of one call. */
export interface RetryState {
  /** Whether this call already corrected the clock once (a second skew error is final). */
  skewCorrected: boolean
  /** The budget cost of the latest retry, refunded when the call succeeds. */
  lastRetryCost: number | undefined
}

/** The decision to try again: after `delay` ms, with the clock offset learned, if one was. */
export interface RetryDelay {
  readonly delay: number
  readonly clockOffsetMs?: number | undefined
}

/**
 * Everything the decision needs about the failed attempt and the call, passed in so retry/
 * depends on nothing above it.
 */
export interface RetryInput {
  /** The attempt that just failed, 1 for the first. */
  readonly attempt: number
  readonly policy: RetryPolicy
  /** The call's deadline, epoch ms: no retry whose wait would reach it. */
  readonly deadline: number
  /** The failed answer's `Date` header, epoch ms, when present and readable. */
  readonly serverDateMs: number | undefined
  /** The failed answer's raw `Retry-After` header. */
  readonly retryAfter: string | undefined
  /** Corrects the signing clock from a server time; the new offset, or an error when not learned. */
  readonly learnClock: (serverTimeMs: number) => Result<number, unknown>
  /** The client's budget, undefined when it has none. */
  readonly budget: RetryBudget | undefined
  /** Jitter source, uniform in [0, 1). */
  readonly random: () => number
  /** Local clock, epoch ms. */
  readonly now: () => number
}

/**
 * Decides whether and after how long to try again after `error`; undefined means stop (that is
 * a decision, not a failure). A clock-skew error is retried at once, once per call, when the
 * answer's `Date` teaches the clock (at no budget cost); any other error only when retryable,
 * within `maxAttempts`, before the deadline and when the budget pays. `Retry-After` wins over
 * the backoff.
 */
export function decideRetry(error: BceError, input: RetryInput, state: RetryState): RetryDelay | undefined {
  if (input.attempt >= input.policy.maxAttempts) return undefined
  if (isClockSkewError(error)) {
    if (state.skewCorrected || input.serverDateMs === undefined) return undefined
    const learned = input.learnClock(input.serverDateMs)
    if (learned.isErr()) return undefined
    state.skewCorrected = true
    return { delay: 0, clockOffsetMs: learned.value }
  }
  if (!error.retryable) return undefined
  const now = input.now()
  const hinted = parseRetryAfter(input.retryAfter, now, input.policy.maxRetryAfterMs)
  const delay = hinted.isOk() ? hinted.value : backoffDelay(input.attempt, input.policy, input.random)
  if (now + delay >= input.deadline) return undefined
  if (input.budget !== undefined && input.policy.budget !== false) {
    const cost = input.budget.acquire(retryCostClass(error))
    if (cost.isErr()) return undefined
    state.lastRetryCost = cost.value
  }
  return { delay }
}
