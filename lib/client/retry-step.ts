import type { BceError } from '../errors/types'
import { decideRetry, type RetryDelay, type RetryState } from '../retry/next-delay'
import type { AttemptOutcome } from './attempt'
import type { CallSettings } from './call-settings'
import type { Runtime } from './runtime'

export type { RetryState } from '../retry/next-delay'

/**
 * The retry decision of the call pipeline: hands {@link decideRetry} what it needs from this
 * client's runtime (clock, budget, jitter) and this call's settings and failed attempt; undefined
 * means stop. What remains here is client-specific: which runtime parts the decision may touch.
 */
export function nextDelay(
  runtime: Runtime,
  settings: CallSettings,
  error: BceError,
  outcome: AttemptOutcome<unknown>,
  attempt: number,
  state: RetryState,
): RetryDelay | undefined {
  return decideRetry(
    error,
    {
      attempt,
      policy: settings.retry,
      deadline: settings.deadline,
      serverDateMs: outcome.serverDateMs,
      retryAfter: outcome.retryAfter,
      learnClock: (serverTimeMs) => runtime.clock.learn(serverTimeMs),
      budget: runtime.budget,
      random: runtime.random,
      now: Date.now,
    },
    state,
  )
}
