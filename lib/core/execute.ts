import { err, ResultAsync, type Result } from 'neverthrow'
import { resolveCredentials } from '../auth/resolve-credentials'
import { amendError, makeClientError } from '../errors/make'
import type { BceError } from '../errors/types'
import { runAttempt } from './attempt'
import type { CallOptions } from './config'
import type { OperationSpec } from './operation'
import { prepareRequest } from './prepare'
import type { Runtime } from './runtime'

function callTimeout(runtime: Runtime, options: CallOptions | undefined): number | undefined {
  const value = options?.timeoutMs
  if (value === undefined) return runtime.callTimeoutMs
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined
}

async function run<I, O>(
  runtime: Result<Runtime, BceError>,
  spec: OperationSpec<I, O>,
  input: unknown,
  options: CallOptions | undefined,
): Promise<Result<O, BceError>> {
  if (runtime.isErr()) return err(amendError(runtime.error, { operation: spec.name }))
  const rt = runtime.value
  const invalidInput = (message: string, issues: Array<{ path: string; expected: string; actual?: string }>): Result<never, BceError> =>
    err(makeClientError({ reason: 'InvalidInput', message, operation: spec.name, issues }))
  const timeoutMs = callTimeout(rt, options)
  if (timeoutMs === undefined) return invalidInput('timeoutMs must be a positive number', [{ path: 'options.timeoutMs', expected: 'positive number' }])
  const signal = options?.signal
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    return invalidInput('signal must be an AbortSignal', [{ path: 'options.signal', expected: 'AbortSignal' }])
  }
  const prepared = prepareRequest(spec, input)
  if (prepared.isErr()) {
    const fields = prepared.error.map((issue) => issue.path).join(', ')
    return invalidInput(`invalid input for ${spec.name}: ${fields}`, prepared.error)
  }
  const credentials = await resolveCredentials(rt.credentials, spec.name)
  if (credentials.isErr()) return err(credentials.error)
  return runAttempt(rt, prepared.value, credentials.value, spec.reader, {
    operation: spec.name,
    idempotent: spec.idempotent,
    attempt: 1,
    deadline: Date.now() + timeoutMs,
    ...(signal === undefined ? {} : { signal }),
  })
}

/**
 * Runs one operation: validate, resolve credentials, sign, send, decode. The returned
 * `ResultAsync` never rejects: anything unexpected is reported as a `BceClientError`.
 */
export function execute<I, O>(
  runtime: Result<Runtime, BceError>,
  spec: OperationSpec<I, O>,
  input: unknown,
  options?: CallOptions,
): ResultAsync<O, BceError> {
  const safe = (async () => {
    try {
      return await run(runtime, spec, input, options)
    } catch (cause) {
      return err(makeClientError({ reason: 'InvalidInput', message: `unexpected failure while running ${spec.name}`, operation: spec.name, cause })) as Result<O, BceError>
    }
  })()
  return new ResultAsync(safe)
}
