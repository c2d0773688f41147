/**
 * Type tests (compiled by `npm run typecheck`, never run): each client method's error type names
 * exactly its operation's declared service-error kinds plus the common ones.
 */
import type { ResultAsync } from 'neverthrow'
import type {
  BceClientError,
  BceError,
  CallOptions,
  CommonErrorKind,
  IamClient,
  KindsOf,
  ServiceError,
  ServiceErrorKind,
  SigninSecurityToken,
  StsClient,
  User,
  UserNameInput,
} from '../../lib'
import type { Equal, Expect, Extends, Not } from './expect'

type ErrorOfMethod<M> = M extends (...args: never[]) => ResultAsync<unknown, infer E> ? E : never
type KindsOfMethod<M> = KindsOf<ErrorOfMethod<M>>
type ValueOfMethod<M> = M extends (...args: never[]) => ResultAsync<infer V, unknown> ? V : never

type GetUserError = ErrorOfMethod<IamClient['getUser']>
type CreateUserError = ErrorOfMethod<IamClient['createUser']>
type DeleteUserError = ErrorOfMethod<IamClient['deleteUser']>
type AssumeRoleError = ErrorOfMethod<StsClient['assumeRole']>

// The real signature, not an alias: one input, optional call options, a ResultAsync.
export type GetUserSignature = Expect<
  Equal<
    IamClient['getUser'],
    (
      input: UserNameInput,
      options?: CallOptions<'getUser'>,
    ) => ResultAsync<User, BceClientError | ServiceError<'NotFound' | CommonErrorKind>>
  >
>

// Declared kinds are present, undeclared ones absent.
export type GetUserKinds = Expect<Equal<KindsOfMethod<IamClient['getUser']>, 'NotFound' | CommonErrorKind>>
export type CreateUserKinds = Expect<
  Equal<KindsOfMethod<IamClient['createUser']>, 'AlreadyExists' | 'LimitExceeded' | CommonErrorKind>
>
export type DeleteUserKinds = Expect<
  Equal<KindsOfMethod<IamClient['deleteUser']>, 'NotFound' | 'Conflict' | CommonErrorKind>
>
export type ListUsersKinds = Expect<Equal<KindsOfMethod<IamClient['listUsers']>, CommonErrorKind>>
export type AssumeRoleKinds = Expect<
  Equal<KindsOfMethod<StsClient['assumeRole']>, 'NotFound' | 'LimitExceeded' | CommonErrorKind>
>
// Issue #14's operations: their kinds, and getSigninSecurityToken's own result type (no key pair).
export type GetAccessKeyLastUsedTimeKinds = Expect<
  Equal<KindsOfMethod<IamClient['getAccessKeyLastUsedTime']>, 'NotFound' | CommonErrorKind>
>
export type GetAccountSummaryKinds = Expect<Equal<KindsOfMethod<IamClient['getAccountSummary']>, CommonErrorKind>>
export type GetSigninSecurityTokenKinds = Expect<
  Equal<KindsOfMethod<StsClient['getSigninSecurityToken']>, 'NotFound' | CommonErrorKind>
>
export type SigninTokenHasNoKeyPair = Expect<
  Not<Extends<'accessKeyId', keyof ValueOfMethod<StsClient['getSigninSecurityToken']>>>
>
export type SigninTokenIsItsOwnType = Expect<
  Equal<ValueOfMethod<StsClient['getSigninSecurityToken']>, SigninSecurityToken>
>
export type GetUserNeverAlreadyExists = Expect<Not<Extends<ServiceError<'AlreadyExists'>, GetUserError>>>
export type CreateUserNeverNotFound = Expect<Not<Extends<ServiceError<'NotFound'>, CreateUserError>>>

// Every method's error is still a BceError (code written against BceError keeps compiling).
export type StillBceError = Expect<Extends<GetUserError | CreateUserError | AssumeRoleError, BceError>>

// The union is discriminated: Exclude removes a kind, Extract keeps one.
export type ExcludeNarrows = Expect<
  Equal<Exclude<GetUserError, { kind: 'NotFound' }>, BceClientError | ServiceError<CommonErrorKind>>
>
export type ExtractNarrows = Expect<Equal<Extract<DeleteUserError, { kind: 'Conflict' }>, ServiceError<'Conflict'>>>

// ServiceError is distributive.
export type Distributive = Expect<
  Equal<ServiceError<'NotFound' | 'Conflict'>, ServiceError<'NotFound'> | ServiceError<'Conflict'>>
>

// `code` completes with the kind's known codes and still accepts any string.
export type NotFoundCodes = Expect<
  Extends<'NotFound' | 'NoSuchEntity' | 'ResourceNotFound', ServiceError<'NotFound'>['code']>
>
export type AnyCode = Expect<Extends<string, ServiceError<'NotFound'>['code']>>

/** Exhaustive switches per operation: every declared and common kind, and a `never` default. */
export function getUserAdvice(error: GetUserError): string {
  if (error._tag === 'BceClientError') return error.reason
  switch (error.kind) {
    case 'NotFound':
    case 'AccessDenied':
    case 'AuthFailure':
    case 'InvalidRequest':
    case 'Throttled':
    case 'ServerError':
    case 'Unknown':
      return error.kind
    default:
      return unreachable(error)
  }
}

/** createUser: AlreadyExists and LimitExceeded, no NotFound. */
export function createUserAdvice(error: CreateUserError): string {
  if (error._tag === 'BceClientError') return error.reason
  switch (error.kind) {
    case 'AlreadyExists':
    case 'LimitExceeded':
    case 'AccessDenied':
    case 'AuthFailure':
    case 'InvalidRequest':
    case 'Throttled':
    case 'ServerError':
    case 'Unknown':
      return error.kind
    default:
      return unreachable(error)
  }
}

/** deleteUser: NotFound and Conflict. */
export function deleteUserAdvice(error: DeleteUserError): string {
  if (error._tag === 'BceClientError') return error.reason
  switch (error.kind) {
    case 'NotFound':
    case 'Conflict':
    case 'AccessDenied':
    case 'AuthFailure':
    case 'InvalidRequest':
    case 'Throttled':
    case 'ServerError':
    case 'Unknown':
      return error.kind
    default:
      return unreachable(error)
  }
}

/** assumeRole: NotFound and LimitExceeded. */
export function assumeRoleAdvice(error: AssumeRoleError): string {
  if (error._tag === 'BceClientError') return error.reason
  switch (error.kind) {
    case 'NotFound':
    case 'LimitExceeded':
    case 'AccessDenied':
    case 'AuthFailure':
    case 'InvalidRequest':
    case 'Throttled':
    case 'ServerError':
    case 'Unknown':
      return error.kind
    default:
      return unreachable(error)
  }
}

/** A case for a kind getUser does not declare does not compile. */
export function impossibleCase(error: GetUserError): string {
  if (error._tag === 'BceClientError') return error.reason
  // @ts-expect-error: 'AlreadyExists' is not comparable to getUser's kinds
  if (error.kind === 'AlreadyExists') return 'impossible'
  return error.kind
}

function unreachable(value: never): never {
  throw new Error(String(value))
}

/** Every kind is either operation-specific or common. */
export type KindsPartition = Expect<
  Equal<ServiceErrorKind, 'NotFound' | 'AlreadyExists' | 'Conflict' | 'LimitExceeded' | CommonErrorKind>
>
