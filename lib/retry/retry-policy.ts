import { err, ok, type Result } from 'neverthrow'

/** How a client retries; every field optional, `retry: false` disables retries. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 4: the official SDKs' 3 retries). 1 disables retries. */
  readonly maxAttempts?: number
  /** Base of the exponential backoff in ms (default 300). */
  readonly baseDelayMs?: number
  /** Upper bound of one backoff in ms (default 20 000). */
  readonly maxDelayMs?: number
  /** Upper bound honoured for a server's `Retry-After` in ms (default 20 000). */
  readonly maxRetryAfterMs?: number
  /** The per-client retry budget (token bucket), or `false` for none. */
  readonly budget?: RetryBudgetOptions | false
}

/** A token bucket bounding retries across all calls of one client (AWS "standard" numbers). */
export interface RetryBudgetOptions {
  /** Tokens when full (default 500). */
  readonly capacity?: number
  /** Cost of a retry after a service error such as 429/5xx (default 5). */
  readonly retryCost?: number
  /** Cost of a retry after a timeout or transport failure (default 10). */
  readonly timeoutRetryCost?: number
}

/** Retry settings with every default filled in. */
export interface RetryPolicy {
  readonly maxAttempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  readonly maxRetryAfterMs: number
  readonly budget: Required<RetryBudgetOptions> | false
}

/** The defaults. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 300,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 20_000,
  budget: { capacity: 500, retryCost: 5, timeoutRetryCost: 10 },
}

/** A policy that never retries. */
export const NO_RETRY_POLICY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 }

function nonNegative(value: unknown, name: string, fallback: number, integer = false): Result<number, string> {
  if (value === undefined) return ok(fallback)
  const valid =
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && (!integer || Number.isInteger(value))
  return valid ? ok(value) : err(`retry.${name} must be a non-negative ${integer ? 'integer' : 'number'}`)
}

/**
 * Fills in defaults and checks a `retry` option (`undefined` = defaults, `false` = no retries).
 * Returns a message naming the bad field instead of throwing.
 */
export function resolveRetryPolicy(
  options: unknown,
  base: RetryPolicy = DEFAULT_RETRY_POLICY,
): Result<RetryPolicy, string> {
  if (options === undefined) return ok(base)
  if (options === false) return ok(NO_RETRY_POLICY)
  if (typeof options !== 'object' || options === null) return err('retry must be an object or false')
  const o = options as { [K in keyof RetryOptions]?: unknown }
  const attempts = nonNegative(o.maxAttempts, 'maxAttempts', base.maxAttempts, true)
  const baseDelay = nonNegative(o.baseDelayMs, 'baseDelayMs', base.baseDelayMs)
  const maxDelay = nonNegative(o.maxDelayMs, 'maxDelayMs', base.maxDelayMs)
  const maxRetryAfter = nonNegative(o.maxRetryAfterMs, 'maxRetryAfterMs', base.maxRetryAfterMs)
  for (const r of [attempts, baseDelay, maxDelay, maxRetryAfter]) if (r.isErr()) return err(r.error)
  if (attempts._unsafeUnwrap() < 1) return err('retry.maxAttempts must be at least 1')
  let budget: RetryPolicy['budget'] = base.budget
  if (o.budget === false) budget = false
  else if (o.budget !== undefined) {
    if (typeof o.budget !== 'object' || o.budget === null) return err('retry.budget must be an object or false')
    const b = o.budget as { [K in keyof RetryBudgetOptions]?: unknown }
    const defaults = DEFAULT_RETRY_POLICY.budget as Required<RetryBudgetOptions>
    const capacity = nonNegative(b.capacity, 'budget.capacity', defaults.capacity, true)
    const retryCost = nonNegative(b.retryCost, 'budget.retryCost', defaults.retryCost, true)
    const timeoutCost = nonNegative(b.timeoutRetryCost, 'budget.timeoutRetryCost', defaults.timeoutRetryCost, true)
    for (const r of [capacity, retryCost, timeoutCost]) if (r.isErr()) return err(r.error)
    budget = {
      capacity: capacity._unsafeUnwrap(),
      retryCost: retryCost._unsafeUnwrap(),
      timeoutRetryCost: timeoutCost._unsafeUnwrap(),
    }
  }
  return ok({
    maxAttempts: attempts._unsafeUnwrap(),
    baseDelayMs: baseDelay._unsafeUnwrap(),
    maxDelayMs: maxDelay._unsafeUnwrap(),
    maxRetryAfterMs: maxRetryAfter._unsafeUnwrap(),
    budget,
  })
}

/**
 * Full-jitter exponential backoff before retry number `retry` (1 for the first retry):
 * a uniform draw from [0, min(maxDelay, base × 2^(retry−1))).
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1))
  const draw = random()
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0
  return Math.floor(unit * ceiling)
}

/**
 * Reads `Retry-After` as delay-seconds or an HTTP-date (relative to `nowMs`), capped at
 * `capMs`; undefined when absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number, capMs: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, capMs)
  if (!/[a-zA-Z]/.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.min(Math.max(0, at - nowMs), capMs)
}
