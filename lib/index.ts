/**
 * bce-iam: a Result-typed SDK for Baidu AI Cloud IAM and STS. No call throws; every operation
 * resolves to `Ok` or to a tagged {@link BceError}.
 *
 * @packageDocumentation
 */
export { IamClient, IAM_ENDPOINT } from './iam/iam-client'
export type { IamClientConfig, IamMethod, IamMethods, IamError } from './iam/iam-client'
export type { BaseClient, ClientMethods, OperationMethod, ErrorOf } from './client/base-client'
// eslint-disable-next-line @typescript-eslint/no-deprecated -- kept one release for migration
export type { ClientMethod } from './client/base-client'
export { StsClient, STS_ENDPOINT } from './sts/sts-client'
export type { StsClientConfig, StsMethod, StsMethods, StsError } from './sts/sts-client'
export type { IamOperations, IamOperationName } from './iam/iam-operations'
export type { StsOperations, StsOperationName } from './sts/sts-registry'
export type { OperationName } from './operations'
export type { OperationSpec, OperationAccess, ServiceName } from './operation/operation'
export type { FieldSpecs, FieldSpec, FieldCodec } from './operation/operation'
export type { OperationRegistry } from './operation/registry'
export type { AnyOperationSpec } from './operation/operation'
export type { IAM_OPERATIONS } from './iam/iam-operations'
export type { STS_OPERATIONS } from './sts/sts-registry'
export type { HttpMethod } from './http/prepared-request'
export type { ResponseReader } from './decode/response'
export type { ClientConfig, CallOptions } from './client/config'
export { MAX_CORRELATION_CHARS } from './client/config'
export type { BceEvent, AttemptEvent, CallEvent, WarningEvent, Observer } from './observe/observe'
export type { RetryOptions, RetryBudgetOptions } from './retry/retry-policy'

export type { User } from './iam/user-model'
export type { LoginProfile, LoginMfaType, ThirdPartyType } from './iam/login-profile-model'
export type { AccessKey, NewAccessKey, AccessKeyLastUsed } from './iam/access-key-model'
export type { Group } from './iam/group-model'
export type { AccountSummary, AccountLimitInfo, AccountCountInfo } from './iam/account-model'
export type { GetAccountSummaryInput } from './iam/account-operations'
export type { Policy, PolicyType, PolicyEntity, PolicyGrantType } from './iam/policy-model'
export type { Role } from './iam/role-model'
export type { Idp } from './iam/idp-model'
export type { SessionCredentials } from './sts/session-credentials-model'
export type { SigninSecurityToken } from './sts/signin-token-model'
export type {
  CreateUserInput,
  UpdateUserInput,
  UserNameInput,
  ListUsersInput,
  UpdateLoginProfileInput,
  SetUserOperationMfaInput,
  UnbindUserMfaDeviceInput,
  UpdateSubUserInput,
} from './iam/user-operations'
export type { AccessKeyInput, AccessKeyIdInput } from './iam/access-key-operations'
export type {
  CreateGroupInput,
  GroupNameInput,
  UpdateGroupInput,
  GroupMembershipInput,
  ListGroupsInput,
} from './iam/group-operations'
export type {
  PolicyDocument,
  CreatePolicyInput,
  PolicyNameInput,
  DeletePolicyInput,
  UpdatePolicyInput,
  ListPoliciesInput,
  PolicyIdInput,
  PolicyGrantInput,
  UserPolicyInput,
  GroupPolicyInput,
  RolePolicyInput,
} from './iam/policy-operations'
export type { CreateRoleInput, RoleNameInput, UpdateRoleInput, ListRolesInput } from './iam/role-operations'
export type { NoInput, UpdateSubUserIdpStatusInput, UpdateSubUserIdpInput } from './iam/idp-operations'
export type { ApiKey, ApiKeyPage, BearerToken } from './iam/api-key-model'
export type {
  CreateApiKeyInput,
  ListApiKeysInput,
  ApiKeyIdInput,
  UpdateApiKeyInput,
  GetBearerTokenInput,
} from './iam/api-key-operations'
export { apiKeyPages, paginate, DEFAULT_API_KEY_PAGE_SIZE } from './iam/paginate'
export type { ApiKeyLister, PageLike } from './iam/paginate'
export type { GetSessionTokenInput, AssumeRoleInput, GetSigninSecurityTokenInput } from './sts/sts-operations'
export { MAX_ASSUME_ROLE_SECONDS } from './sts/sts-operations'
export * from './acl'

export type {
  BceError,
  BceClientError,
  BceServiceError,
  ServiceError,
  ServiceErrorOf,
  ServiceErrorKind,
  KnownServiceErrorCode,
  ClientErrorReason,
  ErrorIssue,
} from './errors/types'
export type { OperationError, OperationErrorKind, CommonErrorKind } from './errors/kinds'
export { isServiceError, recover } from './errors/narrow'
export type { KindsOf, ServiceErrorIn, WithoutKinds } from './errors/narrow'
export { classifyServiceError } from './errors/classify'
export type { CodesOfKind, KIND_BY_CODE } from './errors/classify'
export type { Issue, PathKey } from './errors/issue'
export { errorCodeProvenance } from './errors/code-provenance'
export type { CodeProvenance } from './errors/code-provenance'
export { toError } from './errors/to-error'
export type { BceErrorException } from './errors/to-error'
export { signRequest, DEFAULT_EXPIRATION_SECONDS } from './auth/sign-request'
export type { SignRequestInput } from './auth/sign-request'
export type { SignableHeaders, SignableQuery } from './auth/canonical'
export { fromStatic } from './auth/credentials'
export { fromEnv, ENV_ACCESS_KEY_ID, ENV_SECRET_ACCESS_KEY, ENV_SECURITY_TOKEN } from './auth/from-env'
export { fromProfile, defaultProfileFile, ENV_PROFILE } from './auth/from-profile'
export type { ProfileOptions } from './auth/from-profile'
export { chainProviders, defaultCredentials } from './auth/provider-chain'
export type { NamedProvider, DefaultCredentialsOptions } from './auth/provider-chain'
export { refreshingProvider } from './auth/refreshing-provider'
export type { RefreshableProvider, RefreshOptions } from './auth/refreshing-provider'
export { fromAssumeRole, fromSessionToken } from './sts/session-providers'
export type { AssumeRoleProviderOptions, SessionTokenProviderOptions } from './sts/session-providers'
export type { Credentials, CredentialsProvider, CredentialsSource, ProviderContext } from './auth/credentials'
export type { RedactedRendering } from './auth/redact'
export { SDK_VERSION } from './client/user-agent'
// neverthrow's whole value API, so callers mix their own Results with the SDK's from one copy.
export {
  ok,
  err,
  okAsync,
  errAsync,
  Result,
  ResultAsync,
  Ok,
  Err,
  safeTry,
  fromPromise,
  fromSafePromise,
  fromThrowable,
  fromAsyncThrowable,
} from 'neverthrow'
