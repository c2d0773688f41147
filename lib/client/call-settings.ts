import { err, ok, type Result } from 'neverthrow'
import type { ErrorIssue } from '../errors/types'
import { resolveRetryPolicy, type RetryPolicy } from '../retry/retry-policy'
import type { CallOptions } from './config'
import { isValidTimeout, MAX_TIMEOUT_MS, type Runtime } from './runtime'

/** Per-call settings after validation: deadline, abort signal and the effective retry policy. */
export interface CallSettings {
  readonly deadline: number
  readonly signal: AbortSignal | undefined
  readonly retry: RetryPolicy
}

/** Validates per-call options against the client's defaults; every problem is reported as an issue. */
export function callSettings(runtime: Runtime, untrusted: unknown): Result<CallSettings, ErrorIssue[]> {
  if (untrusted !== undefined && (typeof untrusted !== 'object' || untrusted === null)) {
    return err([{ path: 'options', expected: 'object or undefined' }])
  }
  const options = untrusted as CallOptions | undefined
  const timeoutMs = options?.timeoutMs ?? runtime.callTimeoutMs
  if (!isValidTimeout(timeoutMs)) {
    return err([{ path: 'options.timeoutMs', expected: `positive number of ms, at most ${MAX_TIMEOUT_MS}` }])
  }
  const signal: unknown = options?.signal
  if (signal !== undefined && !(signal instanceof AbortSignal))
    return err([{ path: 'options.signal', expected: 'AbortSignal' }])
  const retry = options?.retry === undefined ? ok(runtime.retry) : resolveRetryPolicy(options.retry, runtime.retry)
  if (retry.isErr()) return err([{ path: `options.${retry.error.split(' ')[0] ?? 'retry'}`, expected: retry.error }])
  return ok({ deadline: Date.now() + timeoutMs, signal, retry: retry.value })
}
