import { err, ok, type Result } from 'neverthrow'
import type { Issue, PathKey } from '../errors/issue'

/** How a client retries; every field optional, `retry: false` disables retries. */
export interface RetryOptions {
  /**
   * Attempts in all, the first included (the official SDKs' 3 retries). 1 disables retries.
   * @default 4
   */
  readonly maxAttempts?: number | undefined
  /**
   * Base of the full-jitter exponential backoff, in ms.
   * @default 300
   */
  readonly baseDelayMs?: number | undefined
  /**
   * Upper bound of one backoff, in ms.
   * @default 20000
   */
  readonly maxDelayMs?: number | undefined
  /**
   * Upper bound honoured for a server's `Retry-After`, in ms.
   * @default 20000
   */
  readonly maxRetryAfterMs?: number | undefined
  /**
   * The per-client retry budget (token bucket), or `false` for none.
   * @default `{ capacity: 500, retryCost: 5, timeoutRetryCost: 10 }`
   */
  readonly budget?: RetryBudgetOptions | false | undefined
}

/** A token bucket bounding retries across all calls of one client (AWS "standard" numbers). */
export interface RetryBudgetOptions {
  /**
   * Tokens when full.
   * @default 500
   */
  readonly capacity?: number | undefined
  /**
   * Cost of a retry after a service error such as 429/5xx.
   * @default 5
   */
  readonly retryCost?: number | undefined
  /**
   * Cost of a retry after a timeout or transport failure.
   * @default 10
   */
  readonly timeoutRetryCost?: number | undefined
}

/** Retry settings with every default filled in. */
export interface RetryPolicy {
  readonly maxAttempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  readonly maxRetryAfterMs: number
  readonly budget: ResolvedRetryBudget | false
}

/** A retry budget with every default filled in. */
export interface ResolvedRetryBudget {
  readonly capacity: number
  readonly retryCost: number
  readonly timeoutRetryCost: number
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

/** Every problem of a refused `retry` option (at least one), paths relative to the option itself. */
export type RetryPolicyIssues = readonly [Issue, ...Issue[]]

/** What a numeric field must be. */
type NumberRule = 'non-negative number' | 'non-negative integer' | 'positive integer'

function follows(value: number, rule: NumberRule): boolean {
  if (!Number.isFinite(value)) return false
  if (rule === 'non-negative number') return value >= 0
  return Number.isInteger(value) && value >= (rule === 'positive integer' ? 1 : 0)
}

/**
 * The numeric field `key` of `record` (found at `path`): `fallback` when absent, else the value
 * when it follows `rule`; a bad value adds an issue to `issues` (and yields `fallback`).
 */
function readNumber(
  record: Readonly<Record<string, unknown>>,
  key: string,
  rule: NumberRule,
  fallback: number,
  path: readonly PathKey[],
  issues: Issue[],
): number {
  const value = record[key]
  if (value === undefined) return fallback
  if (typeof value === 'number' && follows(value, rule)) return value
  issues.push({ path: [...path, key], expected: rule })
  return fallback
}

/** An object (a candidate options record), as opposed to a primitive, `null` or a function. */
function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null
}

/**
 * Fills in defaults and checks a `retry` option (`undefined` = `base`, `false` = no retries).
 * Every bad field is reported as an issue whose path is relative to the option (`['maxAttempts']`,
 * `['budget', 'capacity']`, `[]` for the option itself), in field order; never throws. Budget
 * fields left out take the defaults, not `base`'s.
 */
export function resolveRetryPolicy(
  options: unknown,
  base: RetryPolicy = DEFAULT_RETRY_POLICY,
): Result<RetryPolicy, RetryPolicyIssues> {
  if (options === undefined) return ok(base)
  if (options === false) return ok(NO_RETRY_POLICY)
  if (!isObject(options)) return err([{ path: [], expected: 'object or false' }])
  const issues: Issue[] = []
  const maxAttempts = readNumber(options, 'maxAttempts', 'positive integer', base.maxAttempts, [], issues)
  const baseDelayMs = readNumber(options, 'baseDelayMs', 'non-negative number', base.baseDelayMs, [], issues)
  const maxDelayMs = readNumber(options, 'maxDelayMs', 'non-negative number', base.maxDelayMs, [], issues)
  const maxRetryAfterMs = readNumber(
    options,
    'maxRetryAfterMs',
    'non-negative number',
    base.maxRetryAfterMs,
    [],
    issues,
  )
  let budget: RetryPolicy['budget'] = base.budget
  if (options.budget === false) budget = false
  else if (options.budget !== undefined) {
    if (isObject(options.budget)) {
      const b = options.budget
      const defaults = DEFAULT_RETRY_POLICY.budget as ResolvedRetryBudget
      const at = ['budget']
      budget = {
        capacity: readNumber(b, 'capacity', 'non-negative integer', defaults.capacity, at, issues),
        retryCost: readNumber(b, 'retryCost', 'non-negative integer', defaults.retryCost, at, issues),
        timeoutRetryCost: readNumber(
          b,
          'timeoutRetryCost',
          'non-negative integer',
          defaults.timeoutRetryCost,
          at,
          issues,
        ),
      }
    } else issues.push({ path: ['budget'], expected: 'object or false' })
  }
  const [first, ...rest] = issues
  if (first !== undefined) return err([first, ...rest])
  return ok({ maxAttempts, baseDelayMs, maxDelayMs, maxRetryAfterMs, budget })
}
