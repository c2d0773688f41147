import { defineOperation } from '../core/operation'
import { codecReader, ignoreBody, listReader } from '../decode/reader'
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

const userName = { type: 'name', in: 'path', required: true } as const

/** U1 `POST /v1/user`. */
export const createUser = defineOperation<CreateUserInput, User>({
  name: 'createUser',
  method: 'POST',
  path: '/v1/user',
  fields: {
    name: { type: 'name', in: 'body', required: true },
    description: { type: 'string', in: 'body' },
  },
  idempotent: false,
  reader: codecReader(userCodec),
})

/** U2 `GET /v1/user/{userName}`. */
export const getUser = defineOperation<UserNameInput, User>({
  name: 'getUser',
  method: 'GET',
  path: '/v1/user/{userName}',
  fields: { userName },
  idempotent: true,
  reader: codecReader(userCodec),
})

/** U3 `PUT /v1/user/{userName}`. */
export const updateUser = defineOperation<UpdateUserInput, User>({
  name: 'updateUser',
  method: 'PUT',
  path: '/v1/user/{userName}',
  fields: {
    userName,
    name: { type: 'name', in: 'body' },
    description: { type: 'string', in: 'body' },
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
  fields: { userName },
  idempotent: true,
  reader: ignoreBody(),
})

/** Input of {@link IamClient.listUsers} (the call takes no parameters). */
export type ListUsersInput = Record<string, never>

/** U5 `GET /v1/user`. */
export const listUsers = defineOperation<ListUsersInput, readonly User[]>({
  name: 'listUsers',
  method: 'GET',
  path: '/v1/user',
  fields: {},
  idempotent: true,
  reader: listReader('users', userCodec),
})
