import { err, ok, type Result } from 'neverthrow'
import { amendError, makeClientError } from '../errors/make'
import type { BceClientError } from '../errors/types'
import type { Observer } from '../observe/observe'
import { checkCredentials, type Credentials, type CredentialsProvider } from './credentials'

/**
 * Calls a credentials provider defensively: a provider that throws, rejects, or yields something
 * that is not a usable key pair becomes a `Credentials` error for `operation`; never throws. A
 * `Credentials` error from the provider is passed on with `operation` set, not wrapped again;
 * another client error is wrapped once, as the cause of a `Credentials` error with its message.
 * `observe` is handed to the provider (in its context) for its warnings.
 */
export async function resolveCredentials(
  provider: CredentialsProvider,
  operation: string,
  observe?: Observer,
): Promise<Result<Credentials, BceClientError>> {
  const failure = (message: string, cause?: unknown): Result<never, BceClientError> =>
    err(makeClientError({ reason: 'Credentials', message, operation, ...(cause === undefined ? {} : { cause }) }))
  let result: unknown
  try {
    result = await provider(observe === undefined ? undefined : { observe })
  } catch (cause) {
    return failure('the credentials provider threw instead of returning a Result', cause)
  }
  const candidate = result as Partial<Result<Credentials, BceClientError>> | null
  if (typeof candidate?.isOk !== 'function' || typeof candidate.isErr !== 'function') {
    return failure('the credentials provider did not return a Result')
  }
  const settled = candidate as Result<Credentials, BceClientError>
  if (settled.isErr()) {
    const error = settled.error as Partial<BceClientError> | undefined
    if (error?._tag !== 'BceClientError') return failure('the credentials provider failed')
    // Already a credentials failure (a provider's own, or one wrapped where it happened, e.g. a
    // failed STS refresh): passed on with this operation, its cause untouched, never wrapped again.
    if (error.reason === 'Credentials') return err(amendError(error as BceClientError, { operation }))
    // Any other client error becomes a credentials failure once, keeping it whole as the cause.
    return failure(typeof error.message === 'string' ? error.message : 'the credentials provider failed', error)
  }
  const checked = checkCredentials(settled.value)
  return checked.isOk()
    ? ok(settled.value)
    : failure(`the credentials provider returned unusable credentials: ${checked.error.message}`)
}
