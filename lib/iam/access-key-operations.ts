import { defineOperation, type OperationSpec } from '../operation/operation'
import { codecReader, ignoreBody, listReader } from '../decode/reader'
import { accessKeyCodec, newAccessKeyCodec, type AccessKey, type NewAccessKey } from './access-key-model'
import { accessKeyIdInPath, userNameInPath } from './fields'
import type { UserNameInput } from './user-operations'

/** Input of operations on one access key of one user. */
export interface AccessKeyInput extends UserNameInput {
  readonly accessKeyId: string
}

/** K1 `POST /v1/user/{userName}/accesskey`: never retried once sent (a lost answer must not make a second key). */
export const createAccessKey = defineOperation<UserNameInput, NewAccessKey>({
  name: 'createAccessKey',
  method: 'POST',
  path: '/v1/user/{userName}/accesskey',
  fields: { userName: userNameInPath },
  idempotent: false,
  reader: codecReader(newAccessKeyCodec),
})

/** K2/K3 share a path and differ only in the bare query flag that switches the key. */
function switchAccessKey(name: string, flag: 'disable' | 'enable'): OperationSpec<AccessKeyInput, AccessKey> {
  return defineOperation<AccessKeyInput, AccessKey>({
    name,
    method: 'PUT',
    path: '/v1/user/{userName}/accesskey/{accessKeyId}',
    fields: { userName: userNameInPath, accessKeyId: accessKeyIdInPath },
    flags: [flag],
    idempotent: true,
    reader: codecReader(accessKeyCodec),
  })
}

/** K2 `PUT /v1/user/{userName}/accesskey/{accessKeyId}?disable`. */
export const disableAccessKey = switchAccessKey('disableAccessKey', 'disable')

/** K3 `PUT /v1/user/{userName}/accesskey/{accessKeyId}?enable`. */
export const enableAccessKey = switchAccessKey('enableAccessKey', 'enable')

/** K4 `DELETE /v1/user/{userName}/accesskey/{accessKeyId}`. */
export const deleteAccessKey = defineOperation<AccessKeyInput, void>({
  name: 'deleteAccessKey',
  method: 'DELETE',
  path: '/v1/user/{userName}/accesskey/{accessKeyId}',
  fields: { userName: userNameInPath, accessKeyId: accessKeyIdInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** K5 `GET /v1/user/{userName}/accesskey`. */
export const listAccessKeys = defineOperation<UserNameInput, readonly AccessKey[]>({
  name: 'listAccessKeys',
  method: 'GET',
  path: '/v1/user/{userName}/accesskey',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: listReader('accessKeys', accessKeyCodec),
})
