/**
 * Type tests for bce-iam/fp-ts (compiled by `npm run typecheck`, never run): each TaskEither
 * method keeps its operation's input, value and precise error union.
 */
import { pipe } from 'fp-ts/function'
import * as TE from 'fp-ts/TaskEither'
import type { TaskEither } from 'fp-ts/TaskEither'
import type {
  BceClientError,
  CommonErrorKind,
  IamClient,
  ServiceError,
  SessionCredentials,
  StsClient,
  User,
} from '../../lib'
import { orElseKind, taskEitherClient } from '../../lib/fp-ts'
import type { Equal, Expect } from '../types/expect'

type GetUserError = BceClientError | ServiceError<'NotFound' | CommonErrorKind>

/** fp-ts: the same input, the value, and exactly the operation's error union. */
export function taskEithers(iam: IamClient, sts: StsClient) {
  const te = taskEitherClient(iam)
  const getUser = te.getUser({ userName: 'alice' })
  const exact: Expect<Equal<typeof getUser, TaskEither<GetUserError, User>>> = true
  const created = te.createUser({ name: 'alice' })
  const createdError: Expect<
    Equal<
      typeof created,
      TaskEither<BceClientError | ServiceError<'AlreadyExists' | 'LimitExceeded' | CommonErrorKind>, User>
    >
  > = true
  // an operation without required input may be called without one
  const listed = te.listUsers()
  // @ts-expect-error: getUser needs a userName
  const wrong = te.getUser({ name: 'alice' })
  // @ts-expect-error: an STS client has no getUser
  const noSuch = taskEitherClient(sts).getUser
  const session = taskEitherClient(sts).getSessionToken({ durationSeconds: 900 })
  const sessionValue: Expect<
    Equal<typeof session extends TaskEither<unknown, infer A> ? A : never, SessionCredentials>
  > = true
  return [getUser, created, session, exact, createdError, listed, wrong, noSuch, sessionValue] as const
}

/** orElseKind removes the handled kind from the error type; the handler's errors join it. */
export function recovery(iam: IamClient) {
  const te = taskEitherClient(iam)
  const ensured = pipe(
    te.createUser({ name: 'a' }),
    orElseKind('AlreadyExists', () => te.getUser({ userName: 'a' })),
  )
  const exact: Expect<
    Equal<
      typeof ensured,
      TaskEither<BceClientError | ServiceError<'LimitExceeded' | 'NotFound' | CommonErrorKind>, User>
    >
  > = true
  const handlerSeesTheKind = pipe(
    te.getUser({ userName: 'a' }),
    orElseKind(['NotFound', 'Throttled'], (error) => {
      const kind: Expect<Equal<typeof error.kind, 'NotFound' | 'Throttled'>> = true
      return TE.right(`${String(kind)} ${error.code}`)
    }),
  )
  const widened: Expect<
    Equal<
      typeof handlerSeesTheKind,
      TaskEither<BceClientError | ServiceError<Exclude<CommonErrorKind, 'Throttled'>>, User | string>
    >
  > = true
  return [ensured, handlerSeesTheKind, exact, widened] as const
}
