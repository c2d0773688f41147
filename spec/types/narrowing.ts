/**
 * Type tests (compiled by `npm run typecheck`, never run): `isServiceError` and `recover` narrow
 * an operation's error union, and a call wired to the wrong input does not compile.
 */
import { ok, type Result, type ResultAsync } from 'neverthrow'
import { isServiceError, recover } from '../../lib'
import type { BceClientError, CommonErrorKind, IamClient, ServiceError, User } from '../../lib'
import { execute } from '../../lib/client/execute'
import type { Runtime } from '../../lib/client/runtime'
import type { BceError } from '../../lib/errors/types'
import { getGroup } from '../../lib/iam/group-operations'
import { getUser } from '../../lib/iam/user-operations'
import type { Equal, Expect } from './expect'

type ErrorOf<R> = R extends ResultAsync<unknown, infer E> ? E : never

/** After the guard the error is exactly the named kinds; in the else branch they are gone. */
export async function guardNarrows(iam: IamClient): Promise<string> {
  const result = await iam.getUser({ userName: 'a' })
  if (result.isOk()) return result.value.name
  const error = result.error
  if (isServiceError(error, 'NotFound')) {
    const narrowed: Expect<Equal<typeof error, ServiceError<'NotFound'>>> = true
    return `${String(narrowed)} ${error.code}`
  }
  const rest: Expect<Equal<typeof error, BceClientError | ServiceError<CommonErrorKind>>> = true
  if (isServiceError(error)) {
    const anyService: Expect<Equal<typeof error, ServiceError<CommonErrorKind>>> = true
    return String(anyService)
  }
  // @ts-expect-error: getUser never fails with AlreadyExists, so the guard refuses the kind
  if (isServiceError(error, 'AlreadyExists')) return 'impossible'
  return String(rest)
}

/** `recover` in `orElse` removes the handled kind; the recovery's own errors join. */
export function recoverNarrows(iam: IamClient, name: string) {
  const ensured = iam.createUser({ name }).orElse(recover('AlreadyExists', () => iam.getUser({ userName: name })))
  type Ensured = typeof ensured
  type Value = Ensured extends ResultAsync<infer T, unknown> ? T : never
  const value: Expect<Equal<Value, User>> = true
  const error: Expect<
    Equal<ErrorOf<Ensured>, BceClientError | ServiceError<'LimitExceeded' | 'NotFound' | CommonErrorKind>>
  > = true
  // @ts-expect-error: AlreadyExists was handled
  const stillThere: Expect<Equal<Extract<ErrorOf<Ensured>, { kind: 'AlreadyExists' }>, ServiceError<'AlreadyExists'>>> =
    true
  return [value, error, stillThere, ensured] as const
}

/** Several kinds at once, and a plain Result from the handler. */
export function recoverSeveral(iam: IamClient) {
  const deleted = iam.deleteUser({ userName: 'a' }).orElse(recover(['NotFound', 'Conflict'], () => ok(undefined)))
  const error: Expect<Equal<ErrorOf<typeof deleted>, BceClientError | ServiceError<CommonErrorKind>>> = true
  return [error, deleted] as const
}

/** A call wired to the wrong input does not compile (input types come from the spec). */
export function wrongWiring(runtime: Result<Runtime, BceError>): void {
  void execute(runtime, getUser, { userName: 'a' })
  void execute(runtime, getGroup, { groupName: 'g' })
  // @ts-expect-error: getUser takes a userName, not a groupName
  void execute(runtime, getUser, { groupName: 'g' })
  // @ts-expect-error: getGroup takes a groupName
  void execute(runtime, getGroup, { userName: 'a' })
}

/** Client methods check their input too; operations without required fields take none. */
export function methodInputs(iam: IamClient): void {
  void iam.listUsers()
  void iam.listPolicies({ policyType: 'System' })
  // @ts-expect-error: listUsers takes no parameters ("'maxItems' does not exist in type 'NoInput'")
  void iam.listUsers({ maxItems: 10 })
  // @ts-expect-error: getUser needs an input
  void iam.getUser()
  // @ts-expect-error: userName must be a string
  void iam.getUser({ userName: 1 })
  // @ts-expect-error: a misspelt field
  void iam.getUser({ username: 'a' })
}

/** Destructured methods keep their types (they are bound to the client). */
export function destructured(iam: IamClient) {
  const { getUser: read } = iam
  const same: Expect<Equal<typeof read, IamClient['getUser']>> = true
  return [same, read] as const
}
