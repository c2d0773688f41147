import { err, ok, type Result } from 'neverthrow'
import { makeClientError } from '../errors/make'
import type { BceClientError } from '../errors/types'
import { credentialsProblem, type Credentials, type CredentialsProvider } from './credentials'

/**
 * Calls a credentials provider defensively: a provider that throws, rejects, or yields something
 * that is not a usable key pair becomes a `Credentials` error for `operation`; never throws.
 */
export async function resolveCredentials(
  provider: CredentialsProvider,
  operation: string,
): Promise<Result<Credentials, BceClientError>> {
  const failure = (message: string, cause?: unknown): Result<never, BceClientError> =>
    err(makeClientError({ reason: 'Credentials', message, operation, ...(cause === undefined ? {} : { cause }) }))
  let result: unknown
  try {
    result = await provider()
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
    if (error?._tag === 'BceClientError') {
      return err(makeClientError({ ...error, reason: 'Credentials', operation } as BceClientError))
    }
    return failure('the credentials provider failed')
  }
  const problem = credentialsProblem(settled.value)
  return problem === undefined
    ? ok(settled.value)
    : failure(`the credentials provider returned unusable credentials: ${problem}`)
}
