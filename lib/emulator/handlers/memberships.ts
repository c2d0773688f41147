import { err, ok, safeTry, type Result } from 'neverthrow'
import { membershipKey, type GroupRecord, type UserRecord } from '../state'
import { fail, reply, type ApiError, type Outcome } from '../wire'
import type { HandlerContext } from './context'
import { findGroup, findUser } from './lookup'
import { limitExceeded } from './names'
import { groupView, userView } from './views'

function groupAndUser({
  state,
  params,
}: HandlerContext): Result<{ readonly group: GroupRecord; readonly user: UserRecord }, ApiError> {
  return safeTry(function* () {
    const group = yield* findGroup(state, params.groupName)
    const user = yield* findUser(state, params.userName)
    return ok({ group, user })
  })
}

/** G6 addUserToGroup: idempotent (already a member: 200, nothing changes); 409 past usersPerGroup. */
export function addUserToGroup(context: HandlerContext): Outcome {
  return groupAndUser(context).andThen(({ group, user }) => {
    const { state } = context
    if (state.memberships.get(membershipKey(group.id, user.id)) !== undefined) return reply(200)
    if (state.memberships.countAt('group', group.id) >= state.limits.usersPerGroup)
      return err(limitExceeded('users per group', state.limits.usersPerGroup))
    state.memberships.add({ groupId: group.id, userId: user.id, joinTime: state.timestamp() })
    return reply(200)
  })
}

/** G7 removeUserFromGroup: 404 `NotFound` when the user is not a member. */
export function removeUserFromGroup(context: HandlerContext): Outcome {
  return groupAndUser(context).andThen(({ group, user }) =>
    context.state.memberships.delete(membershipKey(group.id, user.id))
      ? reply(200)
      : fail(
          404,
          'NotFound',
          `user ${JSON.stringify(user.name)} is not a member of group ${JSON.stringify(group.name)}`,
        ),
  )
}

/** G8 listUsersInGroup: each user with its `joinTime`. */
export function listUsersInGroup({ state, params }: HandlerContext): Outcome {
  return findGroup(state, params.groupName).andThen((group) => {
    const users = state.memberships.at('group', group.id).flatMap((edge) => {
      const user = state.userById(edge.userId)
      return user === undefined ? [] : [{ ...userView(user), joinTime: edge.joinTime }]
    })
    return reply(200, { users })
  })
}

/** G9 listGroupsForUser. */
export function listGroupsForUser({ state, params }: HandlerContext): Outcome {
  return findUser(state, params.userName).andThen((user) => {
    const groups = state.memberships.at('user', user.id).flatMap((edge) => {
      const group = state.groupById(edge.groupId)
      return group === undefined ? [] : [groupView(group)]
    })
    return reply(200, { groups })
  })
}
