import { err, ok, type Result } from 'neverthrow'
import { nestIssue, renderIssue, type Issue } from '../errors/issue'
import type { ErrorIssue } from '../errors/types'
import { resolveRetryPolicy, type RetryPolicy } from '../retry/retry-policy'
import type { CallOptions } from './config'
import { isValidTimeout, TIMEOUT_EXPECTED, type Runtime } from './runtime'

/** Per-call settings after validation: deadline, abort signal and the effective retry policy. */
export interface CallSettings {
  readonly deadline: number
  readonly signal: AbortSignal | undefined
  readonly retry: RetryPolicy
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
  return ok({ deadline: Date.now() + timeoutMs, signal, retry })
}
