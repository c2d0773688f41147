import { backoffDelay } from '../../lib/retry/backoff'
import { parseRetryAfter } from '../../lib/retry/retry-after'
import {
  DEFAULT_RETRY_POLICY,
  NO_RETRY_POLICY,
  resolveRetryPolicy,
  type RetryPolicy,
} from '../../lib/retry/retry-policy'

const CUSTOM_BASE: RetryPolicy = {
  maxAttempts: 7,
  baseDelayMs: 11,
  maxDelayMs: 222,
  maxRetryAfterMs: 3333,
  budget: { capacity: 44, retryCost: 2, timeoutRetryCost: 3 },
}

describe('resolveRetryPolicy: every field, its fallback and its message', () => {
  it('false is exactly the no-retry policy: one attempt, every other default kept', () => {
    expect(NO_RETRY_POLICY).toEqual({ ...DEFAULT_RETRY_POLICY, maxAttempts: 1 })
    expect(resolveRetryPolicy(false)._unsafeUnwrap()).toEqual(NO_RETRY_POLICY)
    expect(resolveRetryPolicy(false, CUSTOM_BASE)._unsafeUnwrap()).toEqual(NO_RETRY_POLICY)
  })

  it('unset fields fall back to the base policy (a client policy under a per-call override)', () => {
    expect(resolveRetryPolicy(undefined, CUSTOM_BASE)._unsafeUnwrap()).toBe(CUSTOM_BASE)
    expect(resolveRetryPolicy({}, CUSTOM_BASE)._unsafeUnwrap()).toEqual(CUSTOM_BASE)
    expect(resolveRetryPolicy({ maxDelayMs: 5 }, CUSTOM_BASE)._unsafeUnwrap()).toEqual({
      ...CUSTOM_BASE,
      maxDelayMs: 5,
    })
  })

  it('each numeric field is read from its own option', () => {
    const policy = resolveRetryPolicy({ maxAttempts: 2, baseDelayMs: 3, maxDelayMs: 4, maxRetryAfterMs: 5 })
    expect(policy._unsafeUnwrap()).toEqual({
      maxAttempts: 2,
      baseDelayMs: 3,
      maxDelayMs: 4,
      maxRetryAfterMs: 5,
      budget: DEFAULT_RETRY_POLICY.budget,
    })
  })

  it('zero is a valid delay and cap; fractional delays are allowed, fractional attempts are not', () => {
    expect(resolveRetryPolicy({ baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 })._unsafeUnwrap()).toMatchObject({
      baseDelayMs: 0,
      maxDelayMs: 0,
      maxRetryAfterMs: 0,
    })
    expect(resolveRetryPolicy({ baseDelayMs: 2.5 })._unsafeUnwrap().baseDelayMs).toBe(2.5)
    expect(resolveRetryPolicy({ maxAttempts: 1 })._unsafeUnwrap().maxAttempts).toBe(1)
  })

  it.each([
    [{ maxAttempts: 0 }, ['maxAttempts'], 'positive integer'],
    [{ maxAttempts: 2.5 }, ['maxAttempts'], 'positive integer'],
    [{ maxAttempts: -1 }, ['maxAttempts'], 'positive integer'],
    [{ maxAttempts: '3' }, ['maxAttempts'], 'positive integer'],
    [{ baseDelayMs: -0.5 }, ['baseDelayMs'], 'non-negative number'],
    [{ baseDelayMs: Number.NaN }, ['baseDelayMs'], 'non-negative number'],
    [{ maxDelayMs: Number.POSITIVE_INFINITY }, ['maxDelayMs'], 'non-negative number'],
    [{ maxRetryAfterMs: null }, ['maxRetryAfterMs'], 'non-negative number'],
    [{ budget: 'none' }, ['budget'], 'object or false'],
    [{ budget: null }, ['budget'], 'object or false'],
    [{ budget: true }, ['budget'], 'object or false'],
    [{ budget: { capacity: 1.5 } }, ['budget', 'capacity'], 'non-negative integer'],
    [{ budget: { retryCost: -1 } }, ['budget', 'retryCost'], 'non-negative integer'],
    [{ budget: { timeoutRetryCost: 'x' } }, ['budget', 'timeoutRetryCost'], 'non-negative integer'],
    ['always', [], 'object or false'],
    [null, [], 'object or false'],
    [true, [], 'object or false'],
  ])('%j is refused with one issue at path %j, expecting %j', (options, path, expected) => {
    expect(resolveRetryPolicy(options)._unsafeUnwrapErr()).toStrictEqual([{ path, expected }])
  })

  it('every bad field is reported, in field order, with its structured path', () => {
    expect(
      resolveRetryPolicy({
        maxRetryAfterMs: -1,
        baseDelayMs: -1,
        budget: { timeoutRetryCost: -1, capacity: 'x' },
      })._unsafeUnwrapErr(),
    ).toStrictEqual([
      { path: ['baseDelayMs'], expected: 'non-negative number' },
      { path: ['maxRetryAfterMs'], expected: 'non-negative number' },
      { path: ['budget', 'capacity'], expected: 'non-negative integer' },
      { path: ['budget', 'timeoutRetryCost'], expected: 'non-negative integer' },
    ])
  })

  it('budget: false, defaults per budget field, overrides per field (defaults, not the base, fill the rest)', () => {
    expect(resolveRetryPolicy({ budget: false }, CUSTOM_BASE)._unsafeUnwrap().budget).toBe(false)
    expect(resolveRetryPolicy({ budget: {} }, CUSTOM_BASE)._unsafeUnwrap().budget).toEqual({
      capacity: 500,
      retryCost: 5,
      timeoutRetryCost: 10,
    })
    expect(
      resolveRetryPolicy({ budget: { capacity: 0, retryCost: 1, timeoutRetryCost: 2 } })._unsafeUnwrap().budget,
    ).toEqual({ capacity: 0, retryCost: 1, timeoutRetryCost: 2 })
    expect(resolveRetryPolicy({ budget: { retryCost: 9 } })._unsafeUnwrap().budget).toEqual({
      capacity: 500,
      retryCost: 9,
      timeoutRetryCost: 10,
    })
    expect(resolveRetryPolicy({ maxAttempts: 2 }, CUSTOM_BASE)._unsafeUnwrap().budget).toBe(CUSTOM_BASE.budget)
  })
})

describe('backoffDelay: edges', () => {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 }
  it('retry 0 or less uses the base as ceiling; the ceiling doubles per retry until the cap', () => {
    const top = (retry: number): number => backoffDelay(retry, policy, () => 0.9999999)
    expect([0, -3, 1, 2, 3, 4, 5, 6].map(top)).toEqual([99, 99, 99, 199, 399, 799, 999, 999])
  })
  it('draws outside [0, 1] are clamped; non-finite draws give 0', () => {
    expect(backoffDelay(3, policy, () => -0.5)).toBe(0)
    expect(backoffDelay(3, policy, () => 1)).toBe(400)
    expect(backoffDelay(3, policy, () => 2)).toBe(400)
    expect(backoffDelay(3, policy, () => Number.POSITIVE_INFINITY)).toBe(0)
    expect(backoffDelay(3, policy, () => 0.25)).toBe(100)
  })
})

describe('parseRetryAfter: edges', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it('delay-seconds only as whole digits, after trimming; capped', () => {
    expect(parseRetryAfter('\t7\n', now, 60_000)._unsafeUnwrap()).toBe(7000)
    expect(parseRetryAfter('7', now, 6999)._unsafeUnwrap()).toBe(6999)
    expect(parseRetryAfter('7', now, 7000)._unsafeUnwrap()).toBe(7000)
    expect(parseRetryAfter('1 2', now, 60_000)._unsafeUnwrapErr()).toBe('unreadable')
    expect(parseRetryAfter('+3', now, 60_000)._unsafeUnwrapErr()).toBe('unreadable')
  })
  it('dates need letters (a bare ISO-like number is not a date); past dates mean now; future dates are capped', () => {
    expect(parseRetryAfter('2026-01-01', now, 60_000)._unsafeUnwrapErr()).toBe('unreadable')
    expect(parseRetryAfter('2026-01-01T00:00:09Z', now, 60_000)._unsafeUnwrap()).toBe(9000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now, 30_000)._unsafeUnwrap()).toBe(30_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:59 GMT', now, 30_000)._unsafeUnwrap()).toBe(0)
    expect(parseRetryAfter('Thursday', now, 30_000)._unsafeUnwrapErr()).toBe('unreadable')
  })
})
