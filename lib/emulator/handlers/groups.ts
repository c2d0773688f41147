import { freshId, targetKey, type GroupRecord } from '../state'
import { failWith, isApiError, reply, type Outcome } from '../wire'
import { readBody } from './body'
import type { HandlerContext } from './context'
import { findGroup } from './lookup'
import { alreadyExists, checkName, deleteConflict, limitExceeded, MAX_GROUP_OR_POLICY_NAME } from './names'
import { replaceEntry } from './replace-entry'
import { groupView } from './views'

/** Longest group description (BCE system restrictions). */
export const MAX_GROUP_DESCRIPTION = 128

/** G1 createGroup `{name ≤ 64, description? ≤ 128}`. */
export function createGroup({ state, body }: HandlerContext): Outcome {
  const read = readBody(body, {
    name: { kind: 'string', required: true },
    description: { kind: 'string', maxLength: MAX_GROUP_DESCRIPTION },
  })
  if ('error' in read) return failWith(read.error)
  const name = read.fields.name as string
  const bad = checkName('name', name, MAX_GROUP_OR_POLICY_NAME)
  if (bad !== undefined) return failWith(bad)
  if (state.groups.has(name)) return failWith(alreadyExists('group', name))
  if (state.groups.size >= state.limits.groupsPerAccount)
    return failWith(limitExceeded('groups per account', state.limits.groupsPerAccount))
  const group: GroupRecord = {
    id: freshId(state),
    name,
    description: (read.fields.description as string | undefined) ?? '',
    createTime: state.timestamp(),
  }
  state.groups.set(name, group)
  return reply(201, groupView(group))
}

/** G2 getGroup. */
export function getGroup({ state, params }: HandlerContext): Outcome {
  const group = findGroup(state, params.groupName)
  return isApiError(group) ? failWith(group) : reply(200, groupView(group))
}

/** G3 updateGroup `{name?, description?}`: omitted fields stay; `name` renames (409 on a clash). */
export function updateGroup({ state, params, body }: HandlerContext): Outcome {
  const group = findGroup(state, params.groupName)
  if (isApiError(group)) return failWith(group)
  const read = readBody(body, {
    name: { kind: 'string' },
    description: { kind: 'string', maxLength: MAX_GROUP_DESCRIPTION },
  })
  if ('error' in read) return failWith(read.error)
  const rename = read.fields.name as string | undefined
  if (rename !== undefined && rename !== group.name) {
    const bad = checkName('name', rename, MAX_GROUP_OR_POLICY_NAME)
    if (bad !== undefined) return failWith(bad)
    if (state.groups.has(rename)) return failWith(alreadyExists('group', rename))
  }
  const updated: GroupRecord = {
    ...group,
    name: rename ?? group.name,
    description: (read.fields.description as string | undefined) ?? group.description,
  }
  replaceEntry(state.groups, group.name, updated.name, updated)
  return reply(200, groupView(updated))
}

/** G4 deleteGroup: 409 `DeleteConflict` while it has members or attached policies. */
export function deleteGroup({ state, params }: HandlerContext): Outcome {
  const group = findGroup(state, params.groupName)
  if (isApiError(group)) return failWith(group)
  const reasons: string[] = []
  if (state.memberships.countAt('group', group.id) > 0) reasons.push('members')
  if (state.attachments.countAt('target', targetKey('group', group.id)) > 0) reasons.push('attached policies')
  if (reasons.length > 0) return failWith(deleteConflict('group', group.name, reasons))
  state.groups.delete(group.name)
  return reply(200)
}

/** G5 listGroups. */
export function listGroups({ state }: HandlerContext): Outcome {
  return reply(200, { groups: [...state.groups.values()].map(groupView) })
}
