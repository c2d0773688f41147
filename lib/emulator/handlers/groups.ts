import { err, safeTry } from 'neverthrow'
import { freshId, targetKey, type GroupRecord } from '../state'
import { reply, type Outcome } from '../wire'
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
  return safeTry(function* () {
    const fields = yield* readBody(body, {
      name: { kind: 'string', required: true },
      description: { kind: 'string', maxLength: MAX_GROUP_DESCRIPTION },
    })
    const name = yield* checkName('name', fields.name as string, MAX_GROUP_OR_POLICY_NAME)
    if (state.groups.has(name)) return err(alreadyExists('group', name))
    if (state.groups.size >= state.limits.groupsPerAccount)
      return err(limitExceeded('groups per account', state.limits.groupsPerAccount))
    const group: GroupRecord = {
      id: freshId(state),
      name,
      description: (fields.description as string | undefined) ?? '',
      createTime: state.timestamp(),
    }
    state.groups.set(name, group)
    return reply(201, groupView(group))
  })
}

/** G2 getGroup. */
export function getGroup({ state, params }: HandlerContext): Outcome {
  return findGroup(state, params.groupName).andThen((group) => reply(200, groupView(group)))
}

/** G3 updateGroup `{name?, description?}`: omitted fields stay; `name` renames (409 on a clash). */
export function updateGroup({ state, params, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const group = yield* findGroup(state, params.groupName)
    const fields = yield* readBody(body, {
      name: { kind: 'string' },
      description: { kind: 'string', maxLength: MAX_GROUP_DESCRIPTION },
    })
    const rename = fields.name as string | undefined
    if (rename !== undefined && rename !== group.name) {
      yield* checkName('name', rename, MAX_GROUP_OR_POLICY_NAME)
      if (state.groups.has(rename)) return err(alreadyExists('group', rename))
    }
    const updated: GroupRecord = {
      ...group,
      name: rename ?? group.name,
      description: (fields.description as string | undefined) ?? group.description,
    }
    replaceEntry(state.groups, group.name, updated.name, updated)
    return reply(200, groupView(updated))
  })
}

/** G4 deleteGroup: 409 `DeleteConflict` while it has members or attached policies. */
export function deleteGroup({ state, params }: HandlerContext): Outcome {
  return findGroup(state, params.groupName).andThen((group) => {
    const reasons: string[] = []
    if (state.memberships.countAt('group', group.id) > 0) reasons.push('members')
    if (state.attachments.countAt('target', targetKey('group', group.id)) > 0) reasons.push('attached policies')
    if (reasons.length > 0) return err(deleteConflict('group', group.name, reasons))
    state.groups.delete(group.name)
    return reply(200)
  })
}

/** G5 listGroups. */
export function listGroups({ state }: HandlerContext): Outcome {
  return reply(200, { groups: [...state.groups.values()].map(groupView) })
}
