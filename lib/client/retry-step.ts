import type { BceError } from '../errors/types'
import { backoffDelay, parseRetryAfter } from '../retry/retry-policy'
import { isClockSkewError, retryCostClass } from '../retry/retry-decision'
import type { AttemptOutcome } from './attempt'
import type { CallSettings } from './call-settings'
import type { Runtime } from './runtime'

/** What the retry loop remembers between attempts of one call. */
export interface RetryState {
  skewCorrected: boolean
  lastRetryCost: number | undefined
}

/** Decides whether and after how long to try again; undefined means stop. */
export function nextDelay(
  runtime: Runtime,
  settings: CallSettings,
  error: BceError,
  outcome: AttemptOutcome<unknown>,
  attempt: number,
  state: RetryState,
): { delay: number; clockOffsetMs?: number } | undefined {
  if (attempt >= settings.retry.maxAttempts) return undefined
  if (isClockSkewError(error)) {
    if (state.skewCorrected || outcome.serverDateMs === undefined) return undefined
    const clockOffsetMs = runtime.clock.learn(outcome.serverDateMs)
    if (clockOffsetMs === undefined) return undefined
    state.skewCorrected = true
    return { delay: 0, clockOffsetMs }
  }
  if (!error.retryable) return undefined
  const retryAfter = parseRetryAfter(outcome.retryAfter, Date.now(), settings.retry.maxRetryAfterMs)
  const delay = retryAfter ?? backoffDelay(attempt, settings.retry, runtime.random)
  if (Date.now() + delay >= settings.deadline) return undefined
  if (runtime.budget !== undefined && settings.retry.budget !== false) {
    const cost = runtime.budget.acquire(retryCostClass(error))
    if (cost === undefined) return undefined
    state.lastRetryCost = cost
  }
  return { delay }
}
