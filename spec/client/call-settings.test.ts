import { callSettings } from '../../lib/client/call-settings'
import { MAX_TIMEOUT_MS } from '../../lib/client/runtime'
import { DEFAULT_RETRY_POLICY } from '../../lib/retry/retry-policy'
import { answer, fakeRuntime, sequence } from './fake-runtime'

const { rt } = fakeRuntime({ retry: { maxAttempts: 3 } }, sequence(answer(200)))

describe('callSettings: every bad call option is an issue at its structured path, rendered once', () => {
  it.each([
    ['a non-object', 'yes', [{ path: 'options', expected: 'object or undefined' }]],
    [
      'timeoutMs 0',
      { timeoutMs: 0 },
      [{ path: 'options.timeoutMs', expected: `positive number of ms, at most ${MAX_TIMEOUT_MS}` }],
    ],
    ['a fake signal', { signal: { aborted: false } }, [{ path: 'options.signal', expected: 'AbortSignal' }]],
    ['retry as text', { retry: 'often' }, [{ path: 'options.retry', expected: 'object or false' }]],
    [
      'maxAttempts 0',
      { retry: { maxAttempts: 0 } },
      [{ path: 'options.retry.maxAttempts', expected: 'positive integer' }],
    ],
    [
      'a negative base delay',
      { retry: { baseDelayMs: -1 } },
      [{ path: 'options.retry.baseDelayMs', expected: 'non-negative number' }],
    ],
    ['budget as text', { retry: { budget: 'x' } }, [{ path: 'options.retry.budget', expected: 'object or false' }]],
    [
      'a fractional budget capacity',
      { retry: { budget: { capacity: 0.5 } } },
      [{ path: 'options.retry.budget.capacity', expected: 'non-negative integer' }],
    ],
    [
      'several bad retry fields',
      { retry: { maxDelayMs: -1, budget: { retryCost: 'x', timeoutRetryCost: -2 } } },
      [
        { path: 'options.retry.maxDelayMs', expected: 'non-negative number' },
        { path: 'options.retry.budget.retryCost', expected: 'non-negative integer' },
        { path: 'options.retry.budget.timeoutRetryCost', expected: 'non-negative integer' },
      ],
    ],
  ])('%s', (_label, options, issues) => {
    expect(callSettings(rt, options)._unsafeUnwrapErr()).toStrictEqual(issues)
  })

  it('no retry option keeps the client policy itself; a given one overrides field by field', () => {
    expect(callSettings(rt, {})._unsafeUnwrap().retry).toBe(rt.retry)
    expect(callSettings(rt, undefined)._unsafeUnwrap().retry).toBe(rt.retry)
    expect(callSettings(rt, { retry: { baseDelayMs: 7 } })._unsafeUnwrap().retry).toStrictEqual({
      ...DEFAULT_RETRY_POLICY,
      maxAttempts: 3,
      baseDelayMs: 7,
    })
    expect(callSettings(rt, { retry: false })._unsafeUnwrap().retry.maxAttempts).toBe(1)
  })

  it('the deadline is the call timeout from now, the signal is passed on', () => {
    const signal = new AbortController().signal
    const before = Date.now()
    const settings = callSettings(rt, { timeoutMs: 5000, signal })._unsafeUnwrap()
    expect(settings.signal).toBe(signal)
    expect(settings.deadline).toBeGreaterThanOrEqual(before + 5000)
    expect(settings.deadline).toBeLessThanOrEqual(Date.now() + 5000)
  })
})
