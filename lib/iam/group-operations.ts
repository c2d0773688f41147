import { defineOperation } from '../operation/operation'
import { codecReader, ignoreBody, listReader } from '../decode/reader'
import { groupNameInPath, MAX_GROUP_DESCRIPTION, MAX_GROUP_NAME, userNameInPath } from './fields'
import { groupCodec, type Group } from './group-model'
import { userCodec, type User } from './user-model'
import type { UserNameInput } from './user-operations'

/** Input of {@link IamClient.createGroup}. */
export interface CreateGroupInput {
  /** 1–64 characters. */
  readonly name: string
  /** At most 128 characters. */
  readonly description?: string
}

/** Input of operations that address one group. */
export interface GroupNameInput {
  readonly groupName: string
}

/** Input of {@link IamClient.updateGroup}; unset fields are left unchanged. */
export interface UpdateGroupInput extends GroupNameInput {
  readonly name?: string
  readonly description?: string
}

/** Input of membership operations. */
export interface GroupMembershipInput extends GroupNameInput, UserNameInput {}

/** Input of {@link IamClient.listGroups} (no parameters). */
export type ListGroupsInput = Record<string, never>

const groupDescription = { type: 'string', in: 'body', maxLength: MAX_GROUP_DESCRIPTION } as const

/** G1 `POST /v1/group`. */
export const createGroup = defineOperation<CreateGroupInput, Group>({
  name: 'createGroup',
  method: 'POST',
  path: '/v1/group',
  fields: {
    name: { type: 'name', in: 'body', required: true, maxLength: MAX_GROUP_NAME },
    description: groupDescription,
  },
  idempotent: false,
  reader: codecReader(groupCodec),
})

/** G2 `GET /v1/group/{groupName}`. */
export const getGroup = defineOperation<GroupNameInput, Group>({
  name: 'getGroup',
  method: 'GET',
  path: '/v1/group/{groupName}',
  fields: { groupName: groupNameInPath },
  idempotent: true,
  reader: codecReader(groupCodec),
})

/** G3 `PUT /v1/group/{groupName}`. */
export const updateGroup = defineOperation<UpdateGroupInput, Group>({
  name: 'updateGroup',
  method: 'PUT',
  path: '/v1/group/{groupName}',
  fields: {
    groupName: groupNameInPath,
    name: { type: 'name', in: 'body', maxLength: MAX_GROUP_NAME },
    description: groupDescription,
  },
  idempotent: true,
  reader: codecReader(groupCodec),
})

/** G4 `DELETE /v1/group/{groupName}`. */
export const deleteGroup = defineOperation<GroupNameInput, void>({
  name: 'deleteGroup',
  method: 'DELETE',
  path: '/v1/group/{groupName}',
  fields: { groupName: groupNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** G5 `GET /v1/group`. */
export const listGroups = defineOperation<ListGroupsInput, readonly Group[]>({
  name: 'listGroups',
  method: 'GET',
  path: '/v1/group',
  fields: {},
  idempotent: true,
  reader: listReader('groups', groupCodec),
})

/** G6 `PUT /v1/group/{groupName}/user/{userName}`. */
export const addUserToGroup = defineOperation<GroupMembershipInput, void>({
  name: 'addUserToGroup',
  method: 'PUT',
  path: '/v1/group/{groupName}/user/{userName}',
  fields: { groupName: groupNameInPath, userName: userNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** G7 `DELETE /v1/group/{groupName}/user/{userName}`. */
export const removeUserFromGroup = defineOperation<GroupMembershipInput, void>({
  name: 'removeUserFromGroup',
  method: 'DELETE',
  path: '/v1/group/{groupName}/user/{userName}',
  fields: { groupName: groupNameInPath, userName: userNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** G8 `GET /v1/group/{groupName}/user`. */
export const listUsersInGroup = defineOperation<GroupNameInput, readonly User[]>({
  name: 'listUsersInGroup',
  method: 'GET',
  path: '/v1/group/{groupName}/user',
  fields: { groupName: groupNameInPath },
  idempotent: true,
  reader: listReader('users', userCodec),
})

/** G9 `GET /v1/user/{userName}/group`. */
export const listGroupsForUser = defineOperation<UserNameInput, readonly Group[]>({
  name: 'listGroupsForUser',
  method: 'GET',
  path: '/v1/user/{userName}/group',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: listReader('groups', groupCodec),
})
