import { err, ok } from 'neverthrow'
import { makeClientError, makeServiceError } from '../../lib/errors/make'
import { decideRetry, type RetryInput, type RetryState } from '../../lib/retry/next-delay'
import { RetryBudget } from '../../lib/retry/retry-budget'
import {
  isClockSkewCode,
  isClockSkewError,
  isRejectedSessionError,
  isRetryableServiceError,
} from '../../lib/retry/retry-decision'
import { DEFAULT_RETRY_POLICY } from '../../lib/retry/retry-policy'

const NOW = Date.UTC(2026, 0, 1)

const service = (code: string, statusCode: number, retryable: boolean) =>
  makeServiceError({ kind: 'ServerError', code, statusCode, message: 'm', operation: 'op', attempts: 1, retryable })

const unavailable = service('ServiceUnavailable', 503, true)
const skew = service('RequestTimeTooSkewed', 400, true)

function input(overrides: Partial<RetryInput> = {}): RetryInput {
  return {
    attempt: 1,
    policy: DEFAULT_RETRY_POLICY,
    deadline: NOW + 60_000,
    serverDateMs: undefined,
    retryAfter: undefined,
    learnClock: () => err('implausible-server-time'),
    budget: undefined,
    random: () => 0.5,
    now: () => NOW,
    ...overrides,
  }
}

const fresh = (): RetryState => ({ skewCorrected: false, lastRetryCost: undefined })

describe('decideRetry (narrow inputs, no client needed)', () => {
  it('stops after maxAttempts, whatever the error', () => {
    expect(decideRetry(unavailable, input({ attempt: 4 }), fresh())).toBeUndefined()
    expect(decideRetry(skew, input({ attempt: 4, serverDateMs: NOW }), fresh())).toBeUndefined()
    expect(decideRetry(unavailable, input({ attempt: 3 }), fresh())).toEqual({ delay: 600 })
  })

  it('a clock-skew answer teaches the clock once and retries at once, without touching the budget', () => {
    const budget = new RetryBudget(0, 5, 10)
    const state = fresh()
    const learned: number[] = []
    const teach = input({ serverDateMs: NOW + 5000, budget, learnClock: (ms) => (learned.push(ms), ok(5000)) })
    expect(decideRetry(skew, teach, state)).toStrictEqual({ delay: 0, clockOffsetMs: 5000 })
    expect(learned).toEqual([NOW + 5000])
    expect(state.skewCorrected).toBe(true)
    expect(budget.available).toBe(0)
    expect(decideRetry(skew, { ...teach, attempt: 2 }, state)).toBeUndefined()
    expect(learned).toHaveLength(1)
  })

  it('a clock-skew answer without a Date, or whose Date is not learned, is final', () => {
    const state = fresh()
    expect(decideRetry(skew, input(), state)).toBeUndefined()
    expect(decideRetry(skew, input({ serverDateMs: 1 }), state)).toBeUndefined()
    expect(state.skewCorrected).toBe(false)
  })

  it('a non-retryable error is final', () => {
    expect(decideRetry(service('AccessDenied', 403, false), input(), fresh())).toBeUndefined()
    expect(decideRetry(makeClientError({ reason: 'Decode', message: 'm', operation: 'op' }), input(), fresh())).toBe(
      undefined,
    )
  })

  it('Retry-After wins over the backoff (no jitter drawn); an unreadable one falls back to the backoff', () => {
    let draws = 0
    const random = (): number => {
      draws += 1
      return 0.5
    }
    expect(decideRetry(unavailable, input({ retryAfter: '2', random }), fresh())).toStrictEqual({ delay: 2000 })
    expect(draws).toBe(0)
    expect(decideRetry(unavailable, input({ retryAfter: 'soon', random }), fresh())).toStrictEqual({ delay: 150 })
    expect(draws).toBe(1)
  })

  it('no retry whose wait would reach the deadline', () => {
    expect(decideRetry(unavailable, input({ retryAfter: '2', deadline: NOW + 2000 }), fresh())).toBeUndefined()
    expect(decideRetry(unavailable, input({ retryAfter: '2', deadline: NOW + 2001 }), fresh())).toEqual({
      delay: 2000,
    })
  })

  it('the budget pays per class and records the cost; an empty one stops; a policy without budget skips it', () => {
    const budget = new RetryBudget(15, 5, 10)
    const state = fresh()
    const network = makeClientError({ reason: 'Network', message: 'm', operation: 'op', retryable: true })
    expect(decideRetry(network, input({ budget }), state)).toBeDefined()
    expect(state.lastRetryCost).toBe(10)
    expect(decideRetry(network, input({ budget }), state)).toBeUndefined()
    expect(decideRetry(unavailable, input({ budget }), state)).toBeDefined()
    expect(state.lastRetryCost).toBe(5)
    expect(budget.available).toBe(0)
    expect(decideRetry(unavailable, input({ budget }), state)).toBeUndefined()
    const unbudgeted = { ...DEFAULT_RETRY_POLICY, budget: false as const }
    expect(decideRetry(unavailable, input({ budget, policy: unbudgeted }), state)).toEqual({ delay: 150 })
    expect(budget.available).toBe(0)
  })
})

describe('the one classification table', () => {
  it('clock-skew codes are retryable at any status, even for non-idempotent operations', () => {
    for (const code of ['RequestExpired', 'RequestTimeTooSkewed']) {
      expect(isClockSkewCode(code)).toBe(true)
      expect(isRetryableServiceError(400, code, false)).toBe(true)
      expect(isRetryableServiceError(403, code, false)).toBe(true)
      expect(isClockSkewError(service(code, 400, true))).toBe(true)
      expect(isRejectedSessionError(service(code, 400, true), true)).toBe(false)
    }
  })

  it('rejected-session codes are neither clock skew nor retryable by themselves', () => {
    for (const code of ['ExpiredToken', 'InvalidSessionToken', 'InvalidSecurityToken', 'InvalidAccessKeyId']) {
      expect(isClockSkewCode(code)).toBe(false)
      expect(isRetryableServiceError(403, code, true)).toBe(false)
      expect(isRejectedSessionError(service(code, 403, false), true)).toBe(true)
    }
  })

  it('statuses: 429 and 503 always, 500/502/504 only when idempotent, nothing else', () => {
    for (let status = 400; status < 600; status += 1) {
      const always = status === 429 || status === 503
      const idempotentOnly = status === 500 || status === 502 || status === 504
      expect(isRetryableServiceError(status, 'X', false)).toBe(always)
      expect(isRetryableServiceError(status, 'X', true)).toBe(always || idempotentOnly)
    }
    expect(isRetryableServiceError(429, 'LimitExceeded', true)).toBe(true)
    expect(isRetryableServiceError(409, 'LimitExceeded', true)).toBe(false)
  })
})
