import { POLICY_DOCUMENT } from '../acl/document-field'
import type { Acl } from '../acl/types'
import { defineOperation } from '../operation/operation'
import { codecReader } from '../decode/reader'
import { sessionCredentialsCodec, type SessionCredentials } from './session-credentials-model'
import { signinSecurityTokenCodec, type SigninSecurityToken } from './signin-token-model'

/** Baidu AI Cloud's STS API reference. */
export const STS_DOCS = 'https://intl.cloud.baidu.com/doc/IAM/s/Qjwvyc8ov-en'

/** The Java SDK's STS client, the one official source of getSigninSecurityToken. */
export const JAVA_STS_DOCS =
  'https://github.com/baidubce/bce-sdk-java/blob/master/src/main/java/com/baidubce/services/sts/StsClient.java'

/** Longest assumeRole session the service grants (2 hours). */
export const MAX_ASSUME_ROLE_SECONDS = 7200

/** Input of `StsClient.getSessionToken`. */
export interface GetSessionTokenInput {
  /** Validity in seconds; the service default applies when omitted. */
  readonly durationSeconds?: number | undefined
  /** Narrows what the temporary credentials may do (typed ACL or JSON string). */
  readonly acl?: Acl | string | undefined
}

/** Input of `StsClient.assumeRole`. */
export interface AssumeRoleInput {
  /** The account that owns the role. */
  readonly accountId: string
  /** The name of the role to assume. */
  readonly roleName: string
  /**
   * Validity in seconds, 1–7200. Omitted, the service default applies; the official Go SDK then
   * sends 7200 ("default duration is 2 hours"), and the emulator defaults to 7200 likewise.
   */
  readonly durationSeconds?: number | undefined
  /** Rarely needed: the user to act for. */
  readonly userId?: string | undefined
  /** Narrows what the temporary credentials may do. */
  readonly acl?: Acl | string | undefined
}

/** Input of `StsClient.getSigninSecurityToken`. */
export interface GetSigninSecurityTokenInput {
  /** The user to sign in (a sub-user's id, or the account id); omitted, the caller. */
  readonly userId?: string | undefined
}

/** `POST /v1/sessionToken?durationSeconds=`: each call mints new credentials, so it is not retried once sent. */
export const getSessionToken = defineOperation<GetSessionTokenInput, SessionCredentials>()({
  name: 'getSessionToken',
  service: 'sts',
  summary: 'Temporary credentials acting as the caller, optionally narrowed by an ACL.',
  docs: STS_DOCS,
  status: 200,
  access: { permission: 'none', resource: '*' },
  errors: ['LimitExceeded'],
  method: 'POST',
  path: '/v1/sessionToken',
  fields: {
    durationSeconds: { type: 'integer', in: 'query', min: 1 },
    acl: { type: 'codec', in: 'rawBody', codec: POLICY_DOCUMENT },
  },
  idempotent: false,
  reader: codecReader(sessionCredentialsCodec),
})

/** `POST /v1/credential?assumeRole&accountId=&roleName=`. */
export const assumeRole = defineOperation<AssumeRoleInput, SessionCredentials>()({
  name: 'assumeRole',
  service: 'sts',
  summary: "Temporary credentials of a role the caller's account is trusted to assume (at most 7200 s).",
  docs: STS_DOCS,
  status: 200,
  access: { permission: 'none', resource: '*' },
  errors: ['NotFound', 'LimitExceeded'],
  method: 'POST',
  path: '/v1/credential',
  flags: ['assumeRole'],
  fields: {
    accountId: { type: 'name', in: 'query', required: true },
    roleName: { type: 'name', in: 'query', required: true },
    durationSeconds: { type: 'integer', in: 'query', min: 1, max: MAX_ASSUME_ROLE_SECONDS },
    userId: { type: 'name', in: 'query' },
    acl: { type: 'codec', in: 'rawBody', codec: POLICY_DOCUMENT },
  },
  idempotent: false,
  reader: codecReader(sessionCredentialsCodec),
})

/**
 * `POST /v1/signinSecurityToken[?userId=]` with an empty body (Java SDK
 * `StsClient.getSigninSecurityToken`; not in Baidu's API reference): a console sign-in token.
 * Each call mints a new token, so it is not retried once sent.
 */
export const getSigninSecurityToken = defineOperation<GetSigninSecurityTokenInput, SigninSecurityToken>()({
  name: 'getSigninSecurityToken',
  service: 'sts',
  summary: 'A console sign-in token for the caller or a user of the account (a secret; no access key pair).',
  docs: JAVA_STS_DOCS,
  status: 200,
  access: { permission: 'none', resource: '*' },
  errors: ['NotFound'],
  method: 'POST',
  path: '/v1/signinSecurityToken',
  fields: { userId: { type: 'name', in: 'query' } },
  idempotent: false,
  reader: codecReader(signinSecurityTokenCodec),
})
