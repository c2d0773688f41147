import { err, ok, type Result } from 'neverthrow'
import { nestIssue, renderIssue, type Issue } from '../errors/issue'
import type { ErrorIssue } from '../errors/types'
import { resolveRetryPolicy, type RetryPolicy } from '../retry/retry-policy'
import type { Observer } from '../observe/observe'
import { MAX_CORRELATION_CHARS, type CallOptions } from './config'
import { isValidTimeout, TIMEOUT_EXPECTED, type Runtime } from './runtime'

/**
 * Per-call settings after validation: deadline, abort signal, the effective retry policy, and the
 * call's own observer and correlation value, when given.
 */
export interface CallSettings {
  readonly deadline: number
  readonly signal: AbortSignal | undefined
  readonly retry: RetryPolicy
  readonly observe?: Observer
  readonly correlation?: string
}

/** What a correlation value must be, as an issue states it. */
export const CORRELATION_EXPECTED = `1 to ${MAX_CORRELATION_CHARS} visible ASCII characters or spaces`

/** Whether `value` is a usable correlation value (see {@link CORRELATION_EXPECTED}). */
export function isValidCorrelation(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_CORRELATION_CHARS &&
    !/[^\x20-\x7e]/.test(value)
  )
}

/** The public form of problems found in the call options (they go straight into an `InvalidInput` error). */
function refused(issues: readonly Issue[]): Result<never, ErrorIssue[]> {
  return err(issues.map(renderIssue))
}

/**
 * Validates per-call options against the client's defaults; every problem is reported as an
 * issue (`options.timeoutMs`, `options.retry.budget.capacity`, …). Runs once per call that has
 * options: the retry option is resolved only when given.
 */
export function callSettings(runtime: Runtime, untrusted: unknown): Result<CallSettings, ErrorIssue[]> {
  if (untrusted !== undefined && (typeof untrusted !== 'object' || untrusted === null)) {
    return refused([{ path: ['options'], expected: 'object or undefined' }])
  }
  const options = untrusted as CallOptions | undefined
  const timeoutMs = options?.timeoutMs ?? runtime.callTimeoutMs
  if (!isValidTimeout(timeoutMs)) return refused([{ path: ['options', 'timeoutMs'], expected: TIMEOUT_EXPECTED }])
  const signal: unknown = options?.signal
  if (signal !== undefined && !(signal instanceof AbortSignal))
    return refused([{ path: ['options', 'signal'], expected: 'AbortSignal' }])
  let retry = runtime.retry
  if (options?.retry !== undefined) {
    const resolved = resolveRetryPolicy(options.retry, runtime.retry)
    if (resolved.isErr()) return refused(resolved.error.map((issue) => nestIssue(['options', 'retry'], issue)))
    retry = resolved.value
  }
  const observe: unknown = options?.observe
  if (observe !== undefined && typeof observe !== 'function')
    return refused([{ path: ['options', 'observe'], expected: 'function' }])
  const correlation: unknown = options?.correlation
  if (correlation !== undefined && !isValidCorrelation(correlation))
    return refused([{ path: ['options', 'correlation'], expected: CORRELATION_EXPECTED }])
  return ok({
    deadline: Date.now() + timeoutMs,
    signal,
    retry,
    ...(observe === undefined ? {} : { observe: observe as Observer }),
    ...(correlation === undefined ? {} : { correlation }),
  })
}
