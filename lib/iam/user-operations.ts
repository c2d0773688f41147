import { defineOperation, type NoInput } from '../operation/operation'
import { NEW_GO_SDK_DOCS, USER_DOCS } from './docs'
import { codecReader, ignoreBody, listReader } from '../decode/reader'
import { descriptionInBody, userNameInPath } from './fields'
import { loginProfileCodec, type LoginMfaType, type LoginProfile, type ThirdPartyType } from './login-profile-model'
import { userCodec, type User } from './user-model'

/** Input of `IamClient.createUser`. */
export interface CreateUserInput {
  /** The new user's name (1–255 characters, no `/ \ ? #` or control characters). */
  readonly name: string
  /** The user's description. */
  readonly description?: string | undefined
}

/** Input of operations that address one user. */
export interface UserNameInput {
  /** The sub-user's name. */
  readonly userName: string
}

/** Input of `IamClient.updateUser`; unset fields are left unchanged. */
export interface UpdateUserInput extends UserNameInput {
  /** Rename the user. */
  readonly name?: string | undefined
  /** A new description. */
  readonly description?: string | undefined
  /** `false` disables the sub-user. */
  readonly enabled?: boolean | undefined
  /** Contact details (free text; the official Go SDK sends `contact` since 2025-11, `UpdateUserArgs`). */
  readonly contact?: string | undefined
}

/** Input of `IamClient.listUsers` (the call takes no parameters). */
export type ListUsersInput = NoInput

/** Input of `IamClient.updateLoginProfile`: only the fields given are changed. */
export interface UpdateLoginProfileInput extends UserNameInput {
  /** Console password, 8–64 characters (and the account's password policy). */
  readonly password?: string | undefined
  /** Require a password change at the next login. */
  readonly needResetPassword?: boolean | undefined
  /** Enable or disable console login. */
  readonly enabledLogin?: boolean | undefined
  /** Ask for a second factor at console login. */
  readonly enabledLoginMfa?: boolean | undefined
  /** The second factor (`PHONE` or `TOTP`). */
  readonly loginMfaType?: LoginMfaType | undefined
  /** `''` together with `thirdPartyAccount: ''` unbinds the third-party login. */
  readonly thirdPartyType?: ThirdPartyType | undefined
  /** The third-party account to bind for login. */
  readonly thirdPartyAccount?: string | undefined
}

/** Input of `IamClient.setUserOperationMfa`. */
export interface SetUserOperationMfaInput {
  /**
   * The sub-user whose operation protection changes. Optional, as in every official SDK (the Go
   * SDK's `UserSwitchMfaArgs.userName` is `omitempty`); no official source says what the service
   * does without it. The emulator then applies the switch to the calling sub-user, and answers
   * 400 `InvalidParameter` when the caller is not a sub-user (the root account or a role).
   */
  readonly userName?: string | undefined
  /** Require MFA for sensitive operations. */
  readonly enabledMfa: boolean
  /** Comma-separated MFA types, e.g. `PHONE,TOTP`. */
  readonly mfaType?: string | undefined
}

/** Input of `IamClient.unbindUserMfaDevice`. */
export interface UnbindUserMfaDeviceInput extends UserNameInput {
  /** The kind of MFA device to unbind (`PHONE` or `TOTP`). */
  readonly mfaType: LoginMfaType
}

/** Input of `IamClient.updateSubUser`. */
export interface UpdateSubUserInput extends UserNameInput {
  /** A new console password, 8–64 characters (secret: never rendered). */
  readonly password?: string | undefined
  /** Sent as `provider` in the body; its meaning is undocumented by Baidu (the official SDKs pass it through). */
  readonly provider?: string | undefined
  /** `false` disables the sub-user; omitted leaves it unchanged. */
  readonly enable?: boolean | undefined
}

const password = { type: 'string', in: 'body', minLength: 8, maxLength: 64, secret: true } as const

/** `POST /v1/user`. */
export const createUser = defineOperation<CreateUserInput, User>()({
  name: 'createUser',
  service: 'iam',
  summary: 'Creates a sub-user; a duplicate name is `AlreadyExists`.',
  docs: USER_DOCS,
  status: 201,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: ['AlreadyExists', 'LimitExceeded'],
  method: 'POST',
  path: '/v1/user',
  fields: { name: { type: 'name', in: 'body', required: true }, description: descriptionInBody },
  idempotent: false,
  reader: codecReader(userCodec),
})

/** `GET /v1/user/{userName}`. */
export const getUser = defineOperation<UserNameInput, User>()({
  name: 'getUser',
  service: 'iam',
  summary: 'Reads a sub-user; a missing one is `NotFound`.',
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'READ', resource: 'user/{userName}' },
  errors: ['NotFound'],
  method: 'GET',
  path: '/v1/user/{userName}',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: codecReader(userCodec),
})

/** `PUT /v1/user/{userName}`. */
export const updateUser = defineOperation<UpdateUserInput, User>()({
  name: 'updateUser',
  service: 'iam',
  summary: 'Renames, describes, enables or disables a sub-user; unset fields stay as they are.',
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'user/{userName}' },
  errors: ['NotFound', 'AlreadyExists'],
  method: 'PUT',
  path: '/v1/user/{userName}',
  fields: {
    userName: userNameInPath,
    name: { type: 'name', in: 'body' },
    description: descriptionInBody,
    enabled: { type: 'boolean', in: 'body' },
    contact: { type: 'string', in: 'body' },
  },
  idempotent: true,
  reader: codecReader(userCodec),
})

/** `DELETE /v1/user/{userName}`. */
export const deleteUser = defineOperation<UserNameInput, void>()({
  name: 'deleteUser',
  service: 'iam',
  summary: 'Deletes a sub-user; it must have no access keys, groups, policies or login profile left (`Conflict`).',
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'user/{userName}' },
  errors: ['NotFound', 'Conflict'],
  method: 'DELETE',
  path: '/v1/user/{userName}',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** `GET /v1/user`. */
export const listUsers = defineOperation<ListUsersInput, readonly User[]>()({
  name: 'listUsers',
  service: 'iam',
  summary: 'Lists every sub-user (not paginated; at most 500).',
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'READ', resource: '*' },
  errors: [],
  method: 'GET',
  path: '/v1/user',
  fields: {},
  idempotent: true,
  reader: listReader('users', userCodec),
})

/** `PUT /v1/user/{userName}/loginProfile`. */
export const updateLoginProfile = defineOperation<UpdateLoginProfileInput, LoginProfile>()({
  name: 'updateLoginProfile',
  service: 'iam',
  summary: "Creates or changes a sub-user's console login; only the fields given change.",
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'user/{userName}' },
  errors: ['NotFound'],
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

/** `GET /v1/user/{userName}/loginProfile`. */
export const getLoginProfile = defineOperation<UserNameInput, LoginProfile>()({
  name: 'getLoginProfile',
  service: 'iam',
  summary: "Reads a sub-user's console login settings (`NotFound` when there are none).",
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'READ', resource: 'user/{userName}' },
  errors: ['NotFound'],
  method: 'GET',
  path: '/v1/user/{userName}/loginProfile',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: codecReader(loginProfileCodec),
})

/** `DELETE /v1/user/{userName}/loginProfile`. */
export const deleteLoginProfile = defineOperation<UserNameInput, void>()({
  name: 'deleteLoginProfile',
  service: 'iam',
  summary: "Turns a sub-user's console login off.",
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'user/{userName}' },
  errors: ['NotFound'],
  method: 'DELETE',
  path: '/v1/user/{userName}/loginProfile',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** `POST /v1/user/operation/mfa/switch`. */
export const setUserOperationMfa = defineOperation<SetUserOperationMfaInput, void>()({
  name: 'setUserOperationMfa',
  service: 'iam',
  summary: 'Switches MFA "operation protection" for a sub-user.',
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: ['NotFound'],
  method: 'POST',
  path: '/v1/user/operation/mfa/switch',
  fields: {
    userName: { type: 'name', in: 'body' },
    enabledMfa: { type: 'boolean', in: 'body', required: true },
    mfaType: { type: 'string', in: 'body' },
  },
  idempotent: false,
  reader: ignoreBody(),
})

/**
 * `DELETE /v1/user/{userName}/mfaType/{mfaType}`: not in Baidu's API reference, but in two
 * official SDKs (Python `unbind_user_mfa_device`, newer Go `UnbindSubUserVirtualMfa`).
 */
export const unbindUserMfaDevice = defineOperation<UnbindUserMfaDeviceInput, void>()({
  name: 'unbindUserMfaDevice',
  service: 'iam',
  summary: "Unbinds a sub-user's MFA device (in the Python and newer Go SDKs, not in the API reference).",
  docs: NEW_GO_SDK_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'user/{userName}' },
  errors: ['NotFound'],
  method: 'DELETE',
  path: '/v1/user/{userName}/mfaType/{mfaType}',
  fields: {
    userName: userNameInPath,
    mfaType: { type: 'enum', in: 'path', required: true, values: ['PHONE', 'TOTP'] },
  },
  idempotent: true,
  reader: ignoreBody(),
})

/** `PUT /v1/subUser/{userName}/update`. */
export const updateSubUser = defineOperation<UpdateSubUserInput, User>()({
  name: 'updateSubUser',
  service: 'iam',
  summary: "Changes a sub-user's password or enabled state.",
  docs: USER_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'user/{userName}' },
  errors: ['NotFound'],
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
