import { err, ok, ResultAsync, type Result } from 'neverthrow'
import type { Credentials } from '../auth/credentials'
import { isRefreshable } from '../auth/refreshing-provider'
import { resolveCredentials } from '../auth/resolve-credentials'
import { amendError, makeClientError } from '../errors/make'
import type { BceError, ErrorIssue } from '../errors/types'
import { backoffDelay, parseRetryAfter, resolveRetryPolicy, type RetryPolicy } from '../http/retry-policy'
import { runAttempt, type AttemptOutcome } from './attempt'
import type { CallOptions } from './config'
import { emit } from './observe'
import type { OperationSpec } from './operation'
import { prepareRequest, type PreparedRequest } from './prepare'
import { isClockSkewError, isRejectedSessionError, retryCostClass } from './retry-decision'
import type { Runtime } from './runtime'
import { sleep } from './sleep'

/** Per-call settings after validation. */
interface CallSettings {
  readonly deadline: number
  readonly signal?: AbortSignal
  readonly retry: RetryPolicy
}

function callSettings(runtime: Runtime, untrusted: unknown): Result<CallSettings, ErrorIssue[]> {
  if (untrusted !== undefined && (typeof untrusted !== 'object' || untrusted === null)) {
    return err([{ path: 'options', expected: 'object or undefined' }])
  }
  const options = untrusted as CallOptions | undefined
  const timeoutMs = options?.timeoutMs ?? runtime.callTimeoutMs
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    return err([{ path: 'options.timeoutMs', expected: 'positive number' }])
  }
  const signal: unknown = options?.signal
  if (signal !== undefined && !(signal instanceof AbortSignal)) return err([{ path: 'options.signal', expected: 'AbortSignal' }])
  const retry = options?.retry === undefined ? ok(runtime.retry) : resolveRetryPolicy(options.retry, runtime.retry)
  if (retry.isErr()) return err([{ path: `options.${retry.error.split(' ')[0] ?? 'retry'}`, expected: retry.error }])
  return ok({ deadline: Date.now() + timeoutMs, ...(signal === undefined ? {} : { signal }), retry: retry.value })
}

/** Decides whether and after how long to try again; undefined means stop. */
function nextDelay(
  runtime: Runtime,
  settings: CallSettings,
  error: BceError,
  outcome: AttemptOutcome<unknown>,
  attempt: number,
  state: { skewCorrected: boolean; lastRetryCost: number | undefined },
): { delay: number; clockOffsetMs?: number } | undefined {
  if (attempt >= settings.retry.maxAttempts) return undefined
  if (isClockSkewError(error)) {
    if (state.skewCorrected || outcome.serverDateMs === undefined) return undefined
    state.skewCorrected = true
    return { delay: 0, clockOffsetMs: runtime.clock.learn(outcome.serverDateMs) }
  }
  if (!error.retryable) return undefined
  const retryAfter = parseRetryAfter(outcome.retryAfter, Date.now(), settings.retry.maxRetryAfterMs)
  const delay = retryAfter ?? backoffDelay(attempt, settings.retry, runtime.random)
  if (Date.now() + delay >= settings.deadline) return undefined
  if (runtime.budget !== undefined && settings.retry.budget !== false) {
    const cost = runtime.budget.acquire(retryCostClass(error))
    if (cost === undefined) return undefined
    state.lastRetryCost = cost
  }
  return { delay }
}

async function attemptLoop<O>(
  runtime: Runtime,
  spec: OperationSpec<unknown, O>,
  prepared: PreparedRequest,
  initialCredentials: Credentials,
  settings: CallSettings,
): Promise<Result<O, BceError>> {
  const state = { skewCorrected: false, lastRetryCost: undefined as number | undefined }
  let credentials = initialCredentials
  let credentialsRenewed = false
  for (let attempt = 1; ; attempt += 1) {
    const started = Date.now()
    const outcome = await runAttempt(runtime, prepared, credentials, spec.reader, {
      operation: spec.name,
      idempotent: spec.idempotent,
      attempt,
      deadline: settings.deadline,
      ...(settings.signal === undefined ? {} : { signal: settings.signal }),
    })
    const durationMs = Date.now() - started
    if (outcome.result.isOk()) {
      if (settings.retry.budget !== false) runtime.budget?.recordSuccess(state.lastRetryCost)
      emit(runtime.observe, { type: 'attempt', operation: spec.name, attempt, outcome: 'success', durationMs, willRetry: false })
      return outcome.result
    }
    const error = outcome.result.error
    const renew =
      !credentialsRenewed &&
      attempt < settings.retry.maxAttempts &&
      isRefreshable(runtime.credentials) &&
      isRejectedSessionError(error, credentials.sessionToken !== undefined)
    const next = renew ? { delay: 0 } : nextDelay(runtime, settings, error, outcome, attempt, state)
    emit(runtime.observe, {
      type: 'attempt',
      operation: spec.name,
      attempt,
      outcome: 'error',
      durationMs,
      willRetry: next !== undefined,
      ...(error._tag === 'BceServiceError'
        ? { statusCode: error.statusCode, code: error.code, kind: error.kind }
        : { reason: error.reason, ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }) }),
      ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
      ...(next === undefined ? {} : { retryDelayMs: next.delay }),
      ...(next?.clockOffsetMs === undefined ? {} : { clockOffsetMs: next.clockOffsetMs }),
    })
    if (next === undefined) return err(error)
    if (renew && isRefreshable(runtime.credentials)) {
      credentialsRenewed = true
      runtime.credentials.invalidate()
      const renewed = await resolveCredentials(runtime.credentials, spec.name)
      if (renewed.isErr()) return err(amendError(renewed.error, { attempts: attempt }))
      credentials = renewed.value
    }
    if (!(await sleep(next.delay, settings.signal))) {
      return err(makeClientError({ reason: 'Aborted', message: 'the call was aborted by its signal while waiting to retry', operation: spec.name, attempts: attempt }))
    }
  }
}

async function run<I, O>(
  runtime: Result<Runtime, BceError>,
  spec: OperationSpec<I, O>,
  input: unknown,
  options: CallOptions | undefined,
): Promise<Result<O, BceError>> {
  if (runtime.isErr()) return err(amendError(runtime.error, { operation: spec.name }))
  const rt = runtime.value
  const invalidInput = (message: string, issues: readonly ErrorIssue[]): Result<never, BceError> =>
    err(makeClientError({ reason: 'InvalidInput', message, operation: spec.name, issues }))
  const settings = callSettings(rt, options)
  if (settings.isErr()) return invalidInput(`invalid call options for ${spec.name}: ${settings.error.map((i) => i.path).join(', ')}`, settings.error)
  const prepared = prepareRequest(spec, input)
  if (prepared.isErr()) {
    return invalidInput(`invalid input for ${spec.name}: ${prepared.error.map((issue) => issue.path).join(', ')}`, prepared.error)
  }
  const credentials = await resolveCredentials(rt.credentials, spec.name)
  if (credentials.isErr()) return err(credentials.error)
  return attemptLoop(rt, spec as OperationSpec<unknown, O>, prepared.value, credentials.value, settings.value)
}

/**
 * Runs one operation: validate, resolve credentials, then sign, send and decode, retrying what
 * is safe to retry. The returned `ResultAsync` never rejects: anything unexpected is reported as
 * a `BceClientError`.
 */
export function execute<I, O>(
  runtime: Result<Runtime, BceError>,
  spec: OperationSpec<I, O>,
  input: unknown,
  options?: CallOptions,
): ResultAsync<O, BceError> {
  const safe = (async (): Promise<Result<O, BceError>> => {
    try {
      return await run(runtime, spec, input, options)
    } catch (cause) {
      return err(makeClientError({ reason: 'InvalidInput', message: `unexpected failure while running ${spec.name}`, operation: spec.name, cause }))
    }
  })()
  return new ResultAsync(safe)
}
