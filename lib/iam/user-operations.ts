import { defineOperation } from '../operation/operation'
import { codecReader, ignoreBody, listReader } from '../decode/reader'
import { descriptionInBody, userNameInPath } from './fields'
import { loginProfileCodec, type LoginMfaType, type LoginProfile, type ThirdPartyType } from './login-profile-model'
import { userCodec, type User } from './user-model'

/** Input of {@link IamClient.createUser}. */
export interface CreateUserInput {
  /** The new user's name (1–255 characters, no `/ \ ? #` or control characters). */
  readonly name: string
  readonly description?: string
}

/** Input of operations that address one user. */
export interface UserNameInput {
  readonly userName: string
}

/** Input of {@link IamClient.updateUser}; unset fields are left unchanged. */
export interface UpdateUserInput extends UserNameInput {
  /** Rename the user. */
  readonly name?: string
  readonly description?: string
  /** `false` disables the sub-user. */
  readonly enabled?: boolean
}

/** Input of {@link IamClient.listUsers} (the call takes no parameters). */
export type ListUsersInput = Record<string, never>

/** Input of {@link IamClient.updateLoginProfile}: only the fields given are changed. */
export interface UpdateLoginProfileInput extends UserNameInput {
  /** Console password, 8–64 characters (and the account's password policy). */
  readonly password?: string
  readonly needResetPassword?: boolean
  readonly enabledLogin?: boolean
  readonly enabledLoginMfa?: boolean
  readonly loginMfaType?: LoginMfaType
  /** `''` together with `thirdPartyAccount: ''` unbinds the third-party login. */
  readonly thirdPartyType?: ThirdPartyType
  readonly thirdPartyAccount?: string
}

/** Input of {@link IamClient.setUserOperationMfa}. */
export interface SetUserOperationMfaInput extends UserNameInput {
  /** Require MFA for sensitive operations. */
  readonly enabledMfa: boolean
  /** Comma-separated MFA types, e.g. `PHONE,TOTP`. */
  readonly mfaType?: string
}

/** Input of {@link IamClient.unbindUserMfaDevice}. */
export interface UnbindUserMfaDeviceInput extends UserNameInput {
  readonly mfaType: LoginMfaType
}

/** Input of {@link IamClient.updateSubUser}. */
export interface UpdateSubUserInput extends UserNameInput {
  readonly password?: string
  readonly provider?: string
  /** `false` disables the sub-user; omitted leaves it unchanged. */
  readonly enable?: boolean
}

const password = { type: 'string', in: 'body', minLength: 8, maxLength: 64, secret: true } as const

/** U1 `POST /v1/user`. */
export const createUser = defineOperation<CreateUserInput, User>({
  name: 'createUser',
  method: 'POST',
  path: '/v1/user',
  fields: { name: { type: 'name', in: 'body', required: true }, description: descriptionInBody },
  idempotent: false,
  reader: codecReader(userCodec),
})

/** U2 `GET /v1/user/{userName}`. */
export const getUser = defineOperation<UserNameInput, User>({
  name: 'getUser',
  method: 'GET',
  path: '/v1/user/{userName}',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: codecReader(userCodec),
})

/** U3 `PUT /v1/user/{userName}`. */
export const updateUser = defineOperation<UpdateUserInput, User>({
  name: 'updateUser',
  method: 'PUT',
  path: '/v1/user/{userName}',
  fields: {
    userName: userNameInPath,
    name: { type: 'name', in: 'body' },
    description: descriptionInBody,
    enabled: { type: 'boolean', in: 'body' },
  },
  idempotent: true,
  reader: codecReader(userCodec),
})

/** U4 `DELETE /v1/user/{userName}`. */
export const deleteUser = defineOperation<UserNameInput, void>({
  name: 'deleteUser',
  method: 'DELETE',
  path: '/v1/user/{userName}',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** U5 `GET /v1/user`. */
export const listUsers = defineOperation<ListUsersInput, readonly User[]>({
  name: 'listUsers',
  method: 'GET',
  path: '/v1/user',
  fields: {},
  idempotent: true,
  reader: listReader('users', userCodec),
})

/** U6 `PUT /v1/user/{userName}/loginProfile`. */
export const updateLoginProfile = defineOperation<UpdateLoginProfileInput, LoginProfile>({
  name: 'updateLoginProfile',
  method: 'PUT',
  path: '/v1/user/{userName}/loginProfile',
  fields: {
    userName: userNameInPath,
    password,
    needResetPassword: { type: 'boolean', in: 'body' },
    enabledLogin: { type: 'boolean', in: 'body' },
    enabledLoginMfa: { type: 'boolean', in: 'body' },
    loginMfaType: { type: 'enum', in: 'body', values: ['PHONE', 'TOTP'] },
    thirdPartyType: { type: 'enum', in: 'body', values: ['UUAP', 'PASSPORT', ''] },
    thirdPartyAccount: { type: 'string', in: 'body' },
  },
  idempotent: true,
  reader: codecReader(loginProfileCodec),
})

/** U7 `GET /v1/user/{userName}/loginProfile`. */
export const getLoginProfile = defineOperation<UserNameInput, LoginProfile>({
  name: 'getLoginProfile',
  method: 'GET',
  path: '/v1/user/{userName}/loginProfile',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: codecReader(loginProfileCodec),
})

/** U8 `DELETE /v1/user/{userName}/loginProfile`. */
export const deleteLoginProfile = defineOperation<UserNameInput, void>({
  name: 'deleteLoginProfile',
  method: 'DELETE',
  path: '/v1/user/{userName}/loginProfile',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** U9 `POST /v1/user/operation/mfa/switch`. */
export const setUserOperationMfa = defineOperation<SetUserOperationMfaInput, void>({
  name: 'setUserOperationMfa',
  method: 'POST',
  path: '/v1/user/operation/mfa/switch',
  fields: {
    userName: { type: 'name', in: 'body', required: true },
    enabledMfa: { type: 'boolean', in: 'body', required: true },
    mfaType: { type: 'string', in: 'body' },
  },
  idempotent: false,
  reader: ignoreBody(),
})

/** U10 `DELETE /v1/user/{userName}/mfaType/{mfaType}` (experimental: only in the Python SDK). */
export const unbindUserMfaDevice = defineOperation<UnbindUserMfaDeviceInput, void>({
  name: 'unbindUserMfaDevice',
  method: 'DELETE',
  path: '/v1/user/{userName}/mfaType/{mfaType}',
  fields: {
    userName: userNameInPath,
    mfaType: { type: 'enum', in: 'path', required: true, values: ['PHONE', 'TOTP'] },
  },
  idempotent: true,
  reader: ignoreBody(),
})

/** U11 `PUT /v1/subUser/{userName}/update`. */
export const updateSubUser = defineOperation<UpdateSubUserInput, User>({
  name: 'updateSubUser',
  method: 'PUT',
  path: '/v1/subUser/{userName}/update',
  fields: {
    userName: userNameInPath,
    password,
    provider: { type: 'string', in: 'body' },
    enable: { type: 'boolean', in: 'body' },
  },
  idempotent: true,
  reader: codecReader(userCodec),
})
