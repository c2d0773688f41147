/**
 * bce-iam: a Result-typed SDK for Baidu AI Cloud IAM and STS. No call throws; every operation
 * resolves to `Ok` or to a tagged {@link BceError}.
 *
 * @packageDocumentation
 */
export { IamClient, IAM_ENDPOINT } from './iam/iam-client'
export type { IamClientConfig } from './iam/iam-client'
export type { ClientConfig, CallOptions } from './core/config'
export type { User } from './iam/user-model'
export type { CreateUserInput, UpdateUserInput, UserNameInput, ListUsersInput } from './iam/user-operations'
export type {
  BceError,
  BceClientError,
  BceServiceError,
  ServiceErrorKind,
  ClientErrorReason,
  ErrorIssue,
} from './errors/types'
export { classifyServiceError } from './errors/classify'
export { signRequest, DEFAULT_EXPIRATION_SECONDS } from './auth/sign-request'
export type { SignRequestInput } from './auth/sign-request'
export { fromStatic } from './auth/credentials'
export type { Credentials, CredentialsProvider, CredentialsSource } from './auth/credentials'
export { SDK_VERSION } from './core/user-agent'
export { ok, err, okAsync, errAsync, Result, ResultAsync } from 'neverthrow'
export type { Ok, Err } from 'neverthrow'
