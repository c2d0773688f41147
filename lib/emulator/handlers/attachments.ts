import { err, ok, safeTry, type Result } from 'neverthrow'
import { attachmentKey, targetKey, type AttachmentTarget, type EmulatorState } from '../state'
import { fail, reply, type ApiError, type Outcome } from '../wire'
import type { HandlerContext } from './context'
import { findGroup, findRole, findUser } from './lookup'
import { limitExceeded, notFound } from './names'
import { policyTypeOf } from './query-params'
import { policyView } from './views'

/** The path parameter that names the entity of each attachment family. */
const TARGET_PARAM: Readonly<Record<AttachmentTarget, string>> = {
  user: 'userName',
  group: 'groupName',
  role: 'roleName',
}

function findTarget(
  state: EmulatorState,
  target: AttachmentTarget,
  params: Readonly<Record<string, string>>,
): Result<{ readonly id: string; readonly name: string }, ApiError> {
  const name = params[TARGET_PARAM[target]]
  if (target === 'user') return findUser(state, name)
  if (target === 'group') return findGroup(state, name)
  return findRole(state, name)
}

/** An attachment request resolved: the target entity and the policy named in the path. */
interface Resolved {
  readonly targetId: string
  readonly targetName: string
  readonly policyId: string
}

/** The target entity and the policy named in the path (in the `policyType` namespace), or the first error. */
function resolve({ state, params, query }: HandlerContext, target: AttachmentTarget): Result<Resolved, ApiError> {
  return safeTry(function* () {
    const type = yield* policyTypeOf(query)
    const entity = yield* findTarget(state, target, params)
    const policyName = params.policyName ?? ''
    const policy = state.policyNamed(type, policyName)
    if (policy === undefined) return err(notFound(`${type} policy`, policyName))
    return ok({ targetId: entity.id, targetName: entity.name, policyId: policy.id })
  })
}

/**
 * P6 / P9 / P12 attachPolicyTo{User,Group,Role} `?policyType=`: idempotent (attaching twice keeps
 * one edge); a group holds at most policiesPerGroup policies (409 `LimitExceeded`).
 */
export function attachPolicy(target: AttachmentTarget): (context: HandlerContext) => Outcome {
  return (context) =>
    resolve(context, target).andThen((found) => {
      const { state } = context
      if (state.attachments.get(attachmentKey(target, found.targetId, found.policyId)) !== undefined) return reply(200)
      if (
        target === 'group' &&
        state.attachments.countAt('target', targetKey('group', found.targetId)) >= state.limits.policiesPerGroup
      )
        return err(limitExceeded('policies per group', state.limits.policiesPerGroup))
      state.attachments.add({
        target,
        targetId: found.targetId,
        policyId: found.policyId,
        attachTime: state.timestamp(),
      })
      return reply(200)
    })
}

/** P7 / P10 / P13 detachPolicyFrom{User,Group,Role}: 404 `NotFound` when the policy is not attached. */
export function detachPolicy(target: AttachmentTarget): (context: HandlerContext) => Outcome {
  return (context) =>
    resolve(context, target).andThen((found) => {
      if (!context.state.attachments.delete(attachmentKey(target, found.targetId, found.policyId))) {
        return fail(
          404,
          'NotFound',
          `policy ${JSON.stringify(context.params.policyName ?? '')} is not attached to ${target} ${JSON.stringify(found.targetName)}`,
        )
      }
      return reply(200)
    })
}

/** P8 / P11 / P14 list{User,Group,Role}AttachedPolicies: each policy with its `attachTime`. */
export function listAttachedPolicies(target: AttachmentTarget): (context: HandlerContext) => Outcome {
  return ({ state, params }) =>
    findTarget(state, target, params).andThen((entity) => {
      const policies = state.attachments.at('target', targetKey(target, entity.id)).flatMap((edge) => {
        const policy = state.policyById(edge.policyId)
        return policy === undefined ? [] : [{ ...policyView(policy), attachTime: edge.attachTime }]
      })
      return reply(200, { policies })
    })
}
