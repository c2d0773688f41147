import { membershipKey, type GroupRecord, type UserRecord } from '../state'
import { failWith, isApiError, reply, type ApiError, type Outcome } from '../wire'
import type { HandlerContext } from './context'
import { findGroup, findUser } from './lookup'
import { limitExceeded } from './names'
import { groupView, userView } from './views'

function groupAndUser({ state, params }: HandlerContext): { group: GroupRecord; user: UserRecord } | ApiError {
  const group = findGroup(state, params.groupName)
  if (isApiError(group)) return group
  const user = findUser(state, params.userName)
  if (isApiError(user)) return user
  return { group, user }
}

/** G6 addUserToGroup: idempotent (already a member: 200, nothing changes); 409 past usersPerGroup. */
export function addUserToGroup(context: HandlerContext): Outcome {
  const found = groupAndUser(context)
  if (isApiError(found)) return failWith(found)
  const { state } = context
  const { group, user } = found
  if (state.memberships.get(membershipKey(group.id, user.id)) !== undefined) return reply(200)
  if (state.memberships.countAt('group', group.id) >= state.limits.usersPerGroup)
    return failWith(limitExceeded('users per group', state.limits.usersPerGroup))
  state.memberships.add({ groupId: group.id, userId: user.id, joinTime: state.timestamp() })
  return reply(200)
}

/** G7 removeUserFromGroup: 404 `NotFound` when the user is not a member. */
export function removeUserFromGroup(context: HandlerContext): Outcome {
  const found = groupAndUser(context)
  if (isApiError(found)) return failWith(found)
  const { group, user } = found
  if (!context.state.memberships.delete(membershipKey(group.id, user.id))) {
    return failWith({
      status: 404,
      code: 'NotFound',
      message: `user ${JSON.stringify(user.name)} is not a member of group ${JSON.stringify(group.name)}`,
    })
  }
  return reply(200)
}

/** G8 listUsersInGroup: each user with its `joinTime`. */
export function listUsersInGroup({ state, params }: HandlerContext): Outcome {
  const group = findGroup(state, params.groupName)
  if (isApiError(group)) return failWith(group)
  const users = state.memberships.at('group', group.id).flatMap((edge) => {
    const user = state.userById(edge.userId)
    return user === undefined ? [] : [{ ...userView(user), joinTime: edge.joinTime }]
  })
  return reply(200, { users })
}

/** G9 listGroupsForUser. */
export function listGroupsForUser({ state, params }: HandlerContext): Outcome {
  const user = findUser(state, params.userName)
  if (isApiError(user)) return failWith(user)
  const groups = state.memberships.at('user', user.id).flatMap((edge) => {
    const group = state.groupById(edge.groupId)
    return group === undefined ? [] : [groupView(group)]
  })
  return reply(200, { groups })
}
