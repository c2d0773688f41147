/**
 * Type tests (compiled by `npm run typecheck`, never run): the README's error-model examples
 * compile as printed, and the quick start's recovery leaves `AlreadyExists` out of the type.
 */
import type { ResultAsync } from 'neverthrow'
import { isServiceError, recover } from '../../lib'
import type { BceClientError, CommonErrorKind, IamClient, IamError, ServiceError, User } from '../../lib'
import type { Equal, Expect } from './expect'

type ErrorOf<R> = R extends ResultAsync<unknown, infer E> ? E : never

/** README "Errors per operation": the guard, recover and an exhaustive switch with a never default. */
export async function readmeErrorModel(iam: IamClient): Promise<string> {
  const result = await iam.getUser({ userName: 'alice' })
  if (result.isErr() && isServiceError(result.error, 'NotFound')) {
    const narrowed: Expect<Equal<typeof result.error, ServiceError<'NotFound'>>> = true
    return `${String(narrowed)} ${result.error.code}`
  }
  const user = iam.createUser({ name: 'bob' }).orElse(recover('AlreadyExists', () => iam.getUser({ userName: 'bob' })))
  const recovered: Expect<
    Equal<ErrorOf<typeof user>, BceClientError | ServiceError<'LimitExceeded' | 'NotFound' | CommonErrorKind>>
  > = true
  const value: Expect<Equal<typeof user, ResultAsync<User, ErrorOf<typeof user>>>> = true
  return `${String(recovered)} ${String(value)} ${typeof user}`
}

/** README: `advice` over `IamError<'deleteUser'>` is exhaustive with these cases. */
export function advice(error: IamError<'deleteUser'>): string {
  if (error._tag === 'BceClientError') return error.outcomeUnknown === true ? 'check before retrying' : error.reason
  switch (error.kind) {
    case 'NotFound':
      return 'already gone'
    case 'Conflict':
      return 'remove its keys, groups, policies and login profile first'
    case 'Throttled':
    case 'ServerError':
      return 'retry later'
    case 'AccessDenied':
    case 'AuthFailure':
    case 'InvalidRequest':
    case 'Unknown':
      return error.code
    default: {
      const never: never = error
      return never
    }
  }
}

/** A case for a kind deleteUser does not declare does not compile. */
export function undeclaredCase(error: IamError<'deleteUser'>): string {
  if (error._tag === 'BceClientError') return error.reason
  // @ts-expect-error -- deleteUser cannot fail with AlreadyExists
  if (error.kind === 'AlreadyExists') return 'impossible'
  return error.kind
}
