import { defineOperation, type NoInput } from '../operation/operation'
import { GROUP_DOCS } from './docs'
import { codecReader, ignoreBody, listReader } from '../decode/reader'
import { groupNameInPath, MAX_GROUP_DESCRIPTION, MAX_GROUP_NAME, userNameInPath } from './fields'
import { groupCodec, type Group } from './group-model'
import { userCodec, type User } from './user-model'
import type { UserNameInput } from './user-operations'

/** Input of `IamClient.createGroup`. */
export interface CreateGroupInput {
  /** 1–64 characters. */
  readonly name: string
  /** At most 128 characters. */
  readonly description?: string | undefined
}

/** Input of operations that address one group. */
export interface GroupNameInput {
  /** The group's name. */
  readonly groupName: string
}

/** Input of `IamClient.updateGroup`; unset fields are left unchanged. */
export interface UpdateGroupInput extends GroupNameInput {
  /** A new name for the group. */
  readonly name?: string | undefined
  /** A new description. */
  readonly description?: string | undefined
}

/** Input of membership operations. */
export interface GroupMembershipInput extends GroupNameInput, UserNameInput {}

/** Input of `IamClient.listGroups` (no parameters). */
export type ListGroupsInput = NoInput

const groupDescription = { type: 'string', in: 'body', maxLength: MAX_GROUP_DESCRIPTION } as const

/** `POST /v1/group`. */
export const createGroup = defineOperation<CreateGroupInput, Group>()({
  name: 'createGroup',
  service: 'iam',
  summary: 'Creates a group (name at most 64, description at most 128 characters).',
  docs: GROUP_DOCS,
  status: 201,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: ['AlreadyExists', 'LimitExceeded'],
  method: 'POST',
  path: '/v1/group',
  fields: {
    name: { type: 'name', in: 'body', required: true, maxLength: MAX_GROUP_NAME },
    description: groupDescription,
  },
  idempotent: false,
  reader: codecReader(groupCodec),
})

/** `GET /v1/group/{groupName}`. */
export const getGroup = defineOperation<GroupNameInput, Group>()({
  name: 'getGroup',
  service: 'iam',
  summary: 'Reads a group.',
  docs: GROUP_DOCS,
  status: 200,
  access: { permission: 'READ', resource: 'group/{groupName}' },
  errors: ['NotFound'],
  method: 'GET',
  path: '/v1/group/{groupName}',
  fields: { groupName: groupNameInPath },
  idempotent: true,
  reader: codecReader(groupCodec),
})

/** `PUT /v1/group/{groupName}`. */
export const updateGroup = defineOperation<UpdateGroupInput, Group>()({
  name: 'updateGroup',
  service: 'iam',
  summary: 'Renames or describes a group.',
  docs: GROUP_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'group/{groupName}' },
  errors: ['NotFound', 'AlreadyExists'],
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

/** `DELETE /v1/group/{groupName}`. */
export const deleteGroup = defineOperation<GroupNameInput, void>()({
  name: 'deleteGroup',
  service: 'iam',
  summary: 'Deletes a group; it must have no members or policies left (`Conflict`).',
  docs: GROUP_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'group/{groupName}' },
  errors: ['NotFound', 'Conflict'],
  method: 'DELETE',
  path: '/v1/group/{groupName}',
  fields: { groupName: groupNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** `GET /v1/group`. */
export const listGroups = defineOperation<ListGroupsInput, readonly Group[]>()({
  name: 'listGroups',
  service: 'iam',
  summary: 'Lists every group.',
  docs: GROUP_DOCS,
  status: 200,
  access: { permission: 'READ', resource: '*' },
  errors: [],
  method: 'GET',
  path: '/v1/group',
  fields: {},
  idempotent: true,
  reader: listReader('groups', groupCodec),
})

/** `PUT /v1/group/{groupName}/user/{userName}`. */
export const addUserToGroup = defineOperation<GroupMembershipInput, void>()({
  name: 'addUserToGroup',
  service: 'iam',
  summary: 'Adds a user to a group (adding a member again is harmless).',
  docs: GROUP_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'group/{groupName}' },
  errors: ['NotFound', 'LimitExceeded'],
  method: 'PUT',
  path: '/v1/group/{groupName}/user/{userName}',
  fields: { groupName: groupNameInPath, userName: userNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** `DELETE /v1/group/{groupName}/user/{userName}`. */
export const removeUserFromGroup = defineOperation<GroupMembershipInput, void>()({
  name: 'removeUserFromGroup',
  service: 'iam',
  summary: 'Removes a user from a group (`NotFound` if not a member).',
  docs: GROUP_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: 'group/{groupName}' },
  errors: ['NotFound'],
  method: 'DELETE',
  path: '/v1/group/{groupName}/user/{userName}',
  fields: { groupName: groupNameInPath, userName: userNameInPath },
  idempotent: true,
  reader: ignoreBody(),
})

/** `GET /v1/group/{groupName}/user`. */
export const listUsersInGroup = defineOperation<GroupNameInput, readonly User[]>()({
  name: 'listUsersInGroup',
  service: 'iam',
  summary: "Lists a group's members.",
  docs: GROUP_DOCS,
  status: 200,
  access: { permission: 'READ', resource: 'group/{groupName}' },
  errors: ['NotFound'],
  method: 'GET',
  path: '/v1/group/{groupName}/user',
  fields: { groupName: groupNameInPath },
  idempotent: true,
  reader: listReader('users', userCodec),
})

/** `GET /v1/user/{userName}/group`. */
export const listGroupsForUser = defineOperation<UserNameInput, readonly Group[]>()({
  name: 'listGroupsForUser',
  service: 'iam',
  summary: 'Lists the groups a user belongs to.',
  docs: GROUP_DOCS,
  status: 200,
  access: { permission: 'READ', resource: 'user/{userName}' },
  errors: ['NotFound'],
  method: 'GET',
  path: '/v1/user/{userName}/group',
  fields: { userName: userNameInPath },
  idempotent: true,
  reader: listReader('groups', groupCodec),
})
