import type { Acl } from '../acl/types'
import { defineOperation } from '../operation/operation'
import { codecReader } from '../decode/reader'
import { sessionCredentialsCodec, type SessionCredentials } from './session-credentials-model'

/** Longest assumeRole session the service grants (2 hours). */
export const MAX_ASSUME_ROLE_SECONDS = 7200

/** Input of {@link StsClient.getSessionToken}. */
export interface GetSessionTokenInput {
  /** Validity in seconds; the service default applies when omitted. */
  readonly durationSeconds?: number
  /** Narrows what the temporary credentials may do (typed ACL or JSON string). */
  readonly acl?: Acl | string
}

/** Input of {@link StsClient.assumeRole}. */
export interface AssumeRoleInput {
  /** The account that owns the role. */
  readonly accountId: string
  readonly roleName: string
  /** Validity in seconds, 1–7200. */
  readonly durationSeconds?: number
  /** Rarely needed: the user to act for. */
  readonly userId?: string
  /** Narrows what the temporary credentials may do. */
  readonly acl?: Acl | string
}

/** S1 `POST /v1/sessionToken?durationSeconds=`: each call mints new credentials, so it is not retried once sent. */
export const getSessionToken = defineOperation<GetSessionTokenInput, SessionCredentials>({
  name: 'getSessionToken',
  method: 'POST',
  path: '/v1/sessionToken',
  fields: {
    durationSeconds: { type: 'integer', in: 'query', min: 1 },
    acl: { type: 'document', in: 'rawBody', requireResource: true },
  },
  idempotent: false,
  reader: codecReader(sessionCredentialsCodec),
})

/** S2 `POST /v1/credential?assumeRole&accountId=&roleName=`. */
export const assumeRole = defineOperation<AssumeRoleInput, SessionCredentials>({
  name: 'assumeRole',
  method: 'POST',
  path: '/v1/credential',
  flags: ['assumeRole'],
  fields: {
    accountId: { type: 'name', in: 'query', required: true },
    roleName: { type: 'name', in: 'query', required: true },
    durationSeconds: { type: 'integer', in: 'query', min: 1, max: MAX_ASSUME_ROLE_SECONDS },
    userId: { type: 'name', in: 'query' },
    acl: { type: 'document', in: 'rawBody', requireResource: true },
  },
  idempotent: false,
  reader: codecReader(sessionCredentialsCodec),
})
