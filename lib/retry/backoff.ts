import type { RetryPolicy } from './retry-policy'

/**
 * Full-jitter exponential backoff before retry number `retry` (1 for the first retry):
 * a uniform draw from [0, min(maxDelay, base × 2^(retry−1))). A draw outside [0, 1] is clamped,
 * a non-finite one counts as 0.
 */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1))
  const draw = random()
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0
  return Math.floor(unit * ceiling)
}
