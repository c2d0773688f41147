import { err, ResultAsync, type Result } from 'neverthrow'
import type { Credentials } from '../auth/credentials'
import { isRefreshable } from '../auth/refreshing-provider'
import { resolveCredentials } from '../auth/resolve-credentials'
import { amendError, makeClientError } from '../errors/make'
import type { OperationError, OperationErrorKind } from '../errors/kinds'
import type { BceError, ErrorIssue } from '../errors/types'
import { attemptOutcome, invalidClockOutcome, type AttemptContext } from './attempt'
import { callSettings, isValidCorrelation, type CallSettings } from './call-settings'
import { nextDelay, type RetryState } from './retry-step'
import type { CallOptions } from './config'
import { emit, fanOut, type AttemptEvent, type CallEvent, type Observer } from '../observe/observe'
import type { OperationSpec } from '../operation/operation'
import { prepareRequest } from '../operation/prepare'
import { isRejectedSessionError, isRetryableServiceError } from '../retry/retry-decision'
import type { Runtime } from './runtime'
import { sleep } from '../retry/sleep'

/** The observer event of a failed attempt. */
function failedAttemptEvent(
  operation: string,
  attempt: number,
  durationMs: number,
  error: BceError,
  next: { delay: number; clockOffsetMs?: number | undefined } | undefined,
  correlation: string | undefined,
): AttemptEvent {
  return {
    type: 'attempt',
    operation,
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
    ...(correlation === undefined ? {} : { correlation }),
  }
}

/** What one call did so far, gathered for its call event (and who observes it). */
interface CallTrace {
  /** The client's observer and the call's own, once known (both shielded). */
  observe: Observer | undefined
  correlation: string | undefined
  attempts: number
  retryDelayMs: number
  requestIds: string[] | undefined
  /** The status of the last answer. */
  statusCode: number | undefined
}

/** The observer event of a whole call, built from its trace and result. */
function callEvent(
  operation: string,
  durationMs: number,
  result: Result<unknown, BceError>,
  trace: CallTrace,
): CallEvent {
  const base = {
    type: 'call' as const,
    operation,
    attempts: trace.attempts,
    durationMs,
    retryDelayMs: trace.retryDelayMs,
    requestIds: Object.freeze(trace.requestIds ?? []),
    ...(trace.correlation === undefined ? {} : { correlation: trace.correlation }),
  }
  if (result.isOk())
    return { ...base, outcome: 'success', ...(trace.statusCode === undefined ? {} : { statusCode: trace.statusCode }) }
  const error = result.error
  return {
    ...base,
    outcome: 'error',
    ...(error._tag === 'BceServiceError'
      ? { statusCode: error.statusCode, code: error.code, kind: error.kind }
      : { reason: error.reason, ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }) }),
  }
}

/** Records an attempt's request id and status in the trace. */
function traceAttempt(trace: CallTrace, attempt: number, requestId: string | undefined, statusCode?: number): void {
  trace.attempts = attempt
  trace.statusCode = statusCode
  if (requestId !== undefined) (trace.requestIds ??= []).push(requestId)
}

/**
 * The observers of a call whose settings could not be validated: the client's, and the call's
 * own when it is a function; the correlation value when it is valid. Never throws.
 */
function observeDespiteBadOptions(trace: CallTrace, clientObserver: Observer | undefined, options: unknown): void {
  try {
    const own: unknown = (options as CallOptions | undefined)?.observe
    const correlation: unknown = (options as CallOptions | undefined)?.correlation
    trace.observe = fanOut(clientObserver, typeof own === 'function' ? (own as Observer) : undefined)
    if (isValidCorrelation(correlation)) trace.correlation = correlation
  } catch {
    trace.observe = clientObserver
  }
}

function invalidInput(operation: string, message: string, issues: readonly ErrorIssue[]): Result<never, BceError> {
  return err(makeClientError({ reason: 'InvalidInput', message, operation, issues }))
}

/**
 * One call from start to end in a single async function (validate, resolve credentials, then
 * sign, send and decode per attempt, retrying what is safe to retry); everything but the
 * exchange itself (and a credentials provider) runs synchronously. What it did is gathered in
 * `trace`; `trace.observe` and `trace.correlation` are settled before its first `await`, which
 * {@link run} relies on.
 */
async function runCall<O>(
  runtime: Result<Runtime, BceError>,
  spec: OperationSpec<unknown, O>,
  input: unknown,
  options: CallOptions | undefined,
  trace: CallTrace,
): Promise<Result<O, BceError>> {
  try {
    if (runtime.isErr()) {
      observeDespiteBadOptions(trace, undefined, options)
      return err(amendError(runtime.error, { operation: spec.name }))
    }
    const rt = runtime.value
    let settings: CallSettings
    if (options === undefined) {
      settings = { deadline: Date.now() + rt.callTimeoutMs, signal: undefined, retry: rt.retry }
      trace.observe = rt.observe
    } else {
      const checked = callSettings(rt, options)
      if (checked.isErr()) {
        observeDespiteBadOptions(trace, rt.observe, options)
        return invalidInput(
          spec.name,
          `invalid call options for ${spec.name}: ${checked.error.map((i) => i.path).join(', ')}`,
          checked.error,
        )
      }
      settings = checked.value
      trace.observe = fanOut(rt.observe, settings.observe)
      trace.correlation = settings.correlation
    }
    const observe = trace.observe
    const correlation = trace.correlation
    const prepared = prepareRequest(spec, input)
    if (prepared.isErr()) {
      return invalidInput(
        spec.name,
        `invalid input for ${spec.name}: ${prepared.error.map((issue) => issue.path).join(', ')}`,
        prepared.error,
      )
    }
    let credentials: Credentials
    if (rt.fixedCredentials !== undefined) credentials = rt.fixedCredentials
    else {
      const resolved = await resolveCredentials(rt.credentials, spec.name, observe)
      if (resolved.isErr()) return err(resolved.error)
      credentials = resolved.value
    }
    let state: RetryState | undefined
    let credentialsRenewed = false
    for (let attempt = 1; ; attempt += 1) {
      const started = observe === undefined ? 0 : Date.now()
      const context: AttemptContext = {
        operation: spec.name,
        attempts: attempt,
        idempotent: spec.idempotent,
        reportable: spec.reportable,
        isRetryable: isRetryableServiceError,
      }
      const request = rt.signer.sign(prepared.value, credentials, rt.clock.now())
      const outcome =
        request === undefined
          ? invalidClockOutcome(context)
          : attemptOutcome(
              await rt.transport.send(request, settings.deadline, settings.signal),
              spec.reader,
              context,
              credentials,
              request,
              prepared.value.secrets,
            )
      if (outcome.result.isOk()) {
        if (settings.retry.budget !== false) rt.budget?.recordSuccess(state?.lastRetryCost)
        traceAttempt(trace, attempt, outcome.requestId, outcome.statusCode)
        if (observe !== undefined) {
          emit(observe, {
            type: 'attempt',
            operation: spec.name,
            attempt,
            outcome: 'success',
            ...(outcome.statusCode === undefined ? {} : { statusCode: outcome.statusCode }),
            ...(outcome.requestId === undefined ? {} : { requestId: outcome.requestId }),
            durationMs: Date.now() - started,
            willRetry: false,
            ...(correlation === undefined ? {} : { correlation }),
          })
        }
        return outcome.result
      }
      const error = outcome.result.error
      traceAttempt(trace, attempt, error.requestId, error.statusCode)
      state ??= { skewCorrected: false, lastRetryCost: undefined }
      const renew =
        !credentialsRenewed &&
        attempt < settings.retry.maxAttempts &&
        isRefreshable(rt.credentials) &&
        isRejectedSessionError(error, credentials.sessionToken !== undefined)
      const next = renew ? { delay: 0 } : nextDelay(rt, settings, error, outcome, attempt, state)
      if (observe !== undefined)
        emit(observe, failedAttemptEvent(spec.name, attempt, Date.now() - started, error, next, correlation))
      if (next === undefined) return err(error)
      trace.retryDelayMs += next.delay
      if (renew && isRefreshable(rt.credentials)) {
        credentialsRenewed = true
        rt.credentials.invalidate()
        const renewed = await resolveCredentials(rt.credentials, spec.name, observe)
        if (renewed.isErr()) return err(amendError(renewed.error, { attempts: attempt }))
        credentials = renewed.value
      }
      if (!(await sleep(next.delay, settings.signal, rt.transport.shutdownSignal))) {
        return err(
          makeClientError({
            reason: 'Aborted',
            message: rt.transport.shutdownSignal.aborted
              ? 'the client was closed (close({ force: true })) while the call was waiting to retry'
              : 'the call was aborted by its signal while waiting to retry',
            operation: spec.name,
            attempts: attempt,
          }),
        )
      }
    }
  } catch (cause) {
    return err(
      makeClientError({
        reason: 'Internal',
        message: `unexpected failure while running ${spec.name}: a defect in bce-iam; please report it`,
        operation: spec.name,
        cause,
      }),
    )
  }
}

/**
 * One call and its call event: {@link runCall}, then one `call` event to the call's observers
 * (the client's and the call's own), whatever the outcome. `runCall` settles who observes the
 * call before its first `await`, so a call nobody observes returns `runCall`'s own promise: no
 * second async frame and no extra promise on the unobserved path.
 */
function run<O>(
  runtime: Result<Runtime, BceError>,
  spec: OperationSpec<unknown, O>,
  input: unknown,
  options: CallOptions | undefined,
): Promise<Result<O, BceError>> {
  const started = Date.now()
  const trace: CallTrace = {
    observe: undefined,
    correlation: undefined,
    attempts: 0,
    retryDelayMs: 0,
    requestIds: undefined,
    statusCode: undefined,
  }
  const running = runCall(runtime, spec, input, options, trace)
  const observe = trace.observe
  if (observe === undefined) return running
  return running.then((result) => {
    emit(observe, callEvent(spec.name, Date.now() - started, result, trace))
    return result
  })
}

/**
 * Runs one operation: validate, resolve credentials, then sign, send and decode, retrying what
 * is safe to retry. The returned `ResultAsync` never rejects: anything unexpected is reported as
 * a `BceClientError`. The input must be of the operation's input type (it is still validated at
 * run time, for JavaScript callers); a service error is of a kind the operation declares or a
 * common kind (the classifier reports any other as `Unknown`).
 */
export function execute<I, O, K extends OperationErrorKind>(
  runtime: Result<Runtime, BceError>,
  spec: OperationSpec<I, O, string, K>,
  input: NoInfer<I>,
  options?: CallOptions,
): ResultAsync<O, OperationError<K>> {
  return new ResultAsync(run(runtime, spec as OperationSpec<unknown, O>, input, options)) as ResultAsync<
    O,
    OperationError<K>
  >
}
