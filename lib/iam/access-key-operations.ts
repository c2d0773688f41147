import { defineOperation, type OperationSpec } from '../operation/operation'
import { codecReader, ignoreBody, listReader } from '../decode/reader'
import {
  accessKeyCodec,
  accessKeyLastUsedCodec,
  newAccessKeyCodec,
  type AccessKey,
  type AccessKeyLastUsed,
  type NewAccessKey,
} from './access-key-model'
import { NEW_GO_SDK_DOCS, USER_DOCS } from './docs'
import { accessKeyIdInPath, userNameInPath } from './fields'
import type { UserNameInput } from './user-operations'

/** Input of `IamClient.getAccessKeyLastUsedTime`: any access key id of the account. */
export interface AccessKeyIdInput {
  /** The access key id (AK). */
  readonly accessKeyId: string
}

/** Input of operations on one access key of one user. */
export interface AccessKeyInput extends UserNameInput {
  /** The access key id (AK). */
  readonly accessKeyId: string
}

/** `POST /v1/user/{userName}/accesskey`: never retried once sent (a lost answer must not make a second key). */
export const createAccessKey = defineOperation<UserNameInput, NewAccessKey>()({
  name: 'createAccessKey',
  service: 'iam',
  summary: 'Creates an access key; its `secret` is returned only this once. Never retried once sent.',
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'user/{userName}' },
  errors: ['NotFound', 'LimitExceeded'],
  method: 'POST',
  path: '/v1/user/{userName}/accesskey',
  fields: { userName: userNameInPath },
  idempotent: false,
  reader: codecReader(newAccessKeyCodec),
})

/** Disabling and enabling share a path and differ only in the bare query flag that switches the key. */
function switchAccessKey<const N extends string>(
  name: N,
  flag: 'disable' | 'enable',
  summary: string,
): OperationSpec<AccessKeyInput, AccessKey, N, 'NotFound'> {
  return defineOperation<AccessKeyInput, AccessKey>()({
    name,
    service: 'iam',
    summary,
    docs: USER_DOCS,
    status: 200,
    access: { permission: 'FULL_CONTROL', resource: 'user/{userName}' },
    errors: ['NotFound'],
    method: 'PUT',
    path: '/v1/user/{userName}/accesskey/{accessKeyId}',
    fields: { userName: userNameInPath, accessKeyId: accessKeyIdInPath },
    flags: [flag],
    idempotent: true,
    reader: codecReader(accessKeyCodec),
  })
}

/** `PUT /v1/user/{userName}/accesskey/{accessKeyId}?disable`. */
export const disableAccessKey = switchAccessKey(
  'disableAccessKey',
  'disable',
  'Disables an access key; requests signed with it fail at once.',
)

/** `PUT /v1/user/{userName}/accesskey/{accessKeyId}?enable`. */
export const enableAccessKey = switchAccessKey('enableAccessKey', 'enable', 'Re-enables an access key.')

/** `DELETE /v1/user/{userName}/accesskey/{accessKeyId}`. */
export const deleteAccessKey = defineOperation<AccessKeyInput, void>()({
  name: 'deleteAccessKey',
  service: 'iam',
  summary: 'Deletes an access key.',
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'user/{userName}' },
  errors: ['NotFound'],
  method: 'DELETE',
  path: '/v1/user/{userName}/accesskey/{accessKeyId}',
  fields: { userName: userNameInPath, accessKeyId: accessKeyIdInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** `GET /v1/user/{userName}/accesskey`. */
export const listAccessKeys = defineOperation<UserNameInput, readonly AccessKey[]>()({
  name: 'listAccessKeys',
  service: 'iam',
  summary: "Lists a sub-user's access keys (never with secrets).",
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'READ', resource: 'user/{userName}' },
  errors: ['NotFound'],
  method: 'GET',
  path: '/v1/user/{userName}/accesskey',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: listReader('accessKeys', accessKeyCodec),
})

/**
 * `GET /v1/accesskey/{accessKeyId}/lastusedtime` (newer Go SDK `QueryTheLastUsageTimeOfAccesskey`;
 * not in Baidu's API reference): an account-level read, the key named by id alone.
 */
export const getAccessKeyLastUsedTime = defineOperation<AccessKeyIdInput, AccessKeyLastUsed>()({
  name: 'getAccessKeyLastUsedTime',
  service: 'iam',
  summary: 'When an access key last authenticated a request (absent if never).',
  docs: NEW_GO_SDK_DOCS,
  status: 200,
  access: { permission: 'READ', resource: '*' },
  errors: ['NotFound'],
  method: 'GET',
  path: '/v1/accesskey/{accessKeyId}/lastusedtime',
  fields: { accessKeyId: accessKeyIdInPath },
  idempotent: true,
  reader: codecReader(accessKeyLastUsedCodec),
})
