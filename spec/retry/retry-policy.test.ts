import fc from 'fast-check'
import { RetryBudget, type RetryCostClass } from '../../lib/retry/retry-budget'
import { backoffDelay } from '../../lib/retry/backoff'
import { parseRetryAfter } from '../../lib/retry/retry-after'
import { DEFAULT_RETRY_POLICY, resolveRetryPolicy } from '../../lib/retry/retry-policy'

describe('backoffDelay (full jitter)', () => {
  it('draws from [0, min(cap, base × 2^(n−1)))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, draw) => {
          const delay = backoffDelay(retry, DEFAULT_RETRY_POLICY, () => draw)
          const ceiling = Math.min(20_000, 300 * 2 ** (retry - 1))
          expect(delay).toBeGreaterThanOrEqual(0)
          expect(delay).toBeLessThan(Math.max(ceiling, 1))
        },
      ),
    )
    expect(backoffDelay(1, DEFAULT_RETRY_POLICY, () => 0.999)).toBe(299)
    expect(backoffDelay(3, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(600)
    expect(backoffDelay(30, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(10_000)
  })

  it('survives a broken random source', () => {
    expect(backoffDelay(2, DEFAULT_RETRY_POLICY, () => Number.NaN)).toBe(0)
    expect(backoffDelay(2, DEFAULT_RETRY_POLICY, () => 7)).toBe(600)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it('reads delay-seconds and HTTP-dates, capped', () => {
    expect(parseRetryAfter('2', now, 20_000)._unsafeUnwrap()).toBe(2_000)
    expect(parseRetryAfter(' 0 ', now, 20_000)._unsafeUnwrap()).toBe(0)
    expect(parseRetryAfter('3600', now, 20_000)._unsafeUnwrap()).toBe(20_000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now, 20_000)._unsafeUnwrap()).toBe(5_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now, 20_000)._unsafeUnwrap()).toBe(0)
  })
  it('says absent for no header and unreadable for garbage', () => {
    expect(parseRetryAfter(undefined, now, 20_000)._unsafeUnwrapErr()).toBe('absent')
    for (const value of ['', '-1', '1.5', 'soon', '9e9', 'Mon, 99 Foo'])
      expect(parseRetryAfter(value, now, 20_000)._unsafeUnwrapErr()).toBe('unreadable')
  })
})

describe('resolveRetryPolicy', () => {
  it('fills defaults, honours false and per-field overrides', () => {
    expect(resolveRetryPolicy(undefined)._unsafeUnwrap()).toEqual(DEFAULT_RETRY_POLICY)
    expect(resolveRetryPolicy(false)._unsafeUnwrap().maxAttempts).toBe(1)
    expect(resolveRetryPolicy({ maxAttempts: 2, budget: false })._unsafeUnwrap()).toMatchObject({
      maxAttempts: 2,
      baseDelayMs: 300,
      budget: false,
    })
  })
  it.each([
    [{ maxAttempts: 0 }],
    [{ maxAttempts: 1.5 }],
    [{ baseDelayMs: -1 }],
    [{ budget: 3 }],
    [{ budget: { capacity: -5 } }],
    ['yes'],
    [null],
  ])('rejects %p', (options) => {
    expect(resolveRetryPolicy(options).isErr()).toBe(true)
  })
})

describe('RetryBudget against a pure model of the bucket', () => {
  type Step = { kind: 'retry'; cost: RetryCostClass } | { kind: 'success'; retried: boolean }
  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('retry' as const), cost: fc.constantFrom<RetryCostClass>('service', 'transport') }),
    fc.record({ kind: fc.constant('success' as const), retried: fc.boolean() }),
  )

  it('property: tokens, grants and refusals match the model for any sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.array(stepArb, { maxLength: 200 }), (capacity, steps) => {
        const budget = new RetryBudget(capacity, 5, 10)
        let model = capacity
        let lastCost: number | undefined
        for (const step of steps) {
          if (step.kind === 'retry') {
            const cost = step.cost === 'transport' ? 10 : 5
            const granted = budget.acquire(step.cost)
            if (cost <= model) {
              model -= cost
              expect(granted._unsafeUnwrap()).toBe(cost)
              lastCost = cost
            } else {
              expect(granted._unsafeUnwrapErr()).toStrictEqual({ cost, available: model })
            }
          } else {
            const refund = step.retried && lastCost !== undefined ? lastCost : 1
            budget.recordSuccess(step.retried ? lastCost : undefined)
            model = Math.min(capacity, model + refund)
          }
          expect(budget.available).toBe(model)
          expect(budget.available).toBeGreaterThanOrEqual(0)
          expect(budget.available).toBeLessThanOrEqual(capacity)
        }
      }),
    )
  })

  it('the standard cases: two 500s then success; a drained bucket refuses', () => {
    const budget = new RetryBudget(500, 5, 10)
    expect(budget.acquire('service')._unsafeUnwrap()).toBe(5)
    expect(budget.acquire('service')._unsafeUnwrap()).toBe(5)
    expect(budget.available).toBe(490)
    budget.recordSuccess(5)
    expect(budget.available).toBe(495)

    const small = new RetryBudget(5, 5, 10)
    expect(small.acquire('transport')._unsafeUnwrapErr()).toStrictEqual({ cost: 10, available: 5 })
    expect(small.acquire('service')._unsafeUnwrap()).toBe(5)
    expect(small.acquire('service')._unsafeUnwrapErr()).toStrictEqual({ cost: 5, available: 0 })
    expect(small.available).toBe(0)
    small.recordSuccess(undefined)
    expect(small.available).toBe(1)

    const none = new RetryBudget(0, 5, 10)
    expect(none.acquire('service')._unsafeUnwrapErr()).toStrictEqual({ cost: 5, available: 0 })
  })
})
