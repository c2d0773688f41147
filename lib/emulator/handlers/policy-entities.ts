import type { AttachmentTarget, EmulatorState } from '../state'
import { err } from 'neverthrow'
import { reply, type Outcome } from '../wire'
import type { HandlerContext } from './context'
import { invalidParameter, notFound } from './names'

/** The entity `type` (and P16 `grantType`) of each attachment family. */
const GRANT_TYPES: Readonly<Record<AttachmentTarget, string>> = {
  user: 'UserPolicy',
  group: 'GroupPolicy',
  role: 'RolePolicy',
}

function entityName(state: EmulatorState, target: AttachmentTarget, id: string): string | undefined {
  if (target === 'user') return state.userById(id)?.name
  if (target === 'group') return state.groupById(id)?.name
  return state.roleById(id)?.name
}

function entities(state: EmulatorState, policyId: string, only?: AttachmentTarget): Outcome {
  if (state.policyById(policyId) === undefined) return err(notFound('policy with id', policyId))
  const list = state.attachments
    .at('policy', policyId)
    .filter((edge) => only === undefined || edge.target === only)
    .flatMap((edge) => {
      const name = entityName(state, edge.target, edge.targetId)
      return name === undefined
        ? []
        : [{ id: edge.targetId, name, type: GRANT_TYPES[edge.target], attachTime: edge.attachTime }]
    })
  return reply(200, { entities: list })
}

/** P15 listPolicyEntities: who a policy (by id, either namespace) is attached to. */
export function listPolicyEntities({ state, params }: HandlerContext): Outcome {
  return entities(state, params.policyId ?? '')
}

/** P16 listPolicyEntitiesByGrantType: P15 for one grant type (`UserPolicy`, `GroupPolicy`, `RolePolicy`). */
export function listPolicyEntitiesByGrantType({ state, params }: HandlerContext): Outcome {
  const grantType = params.grantType ?? ''
  const target = (Object.keys(GRANT_TYPES) as AttachmentTarget[]).find((key) => GRANT_TYPES[key] === grantType)
  if (target === undefined)
    return err(invalidParameter(`grantType must be one of ${Object.values(GRANT_TYPES).join(', ')}`))
  return entities(state, params.policyId ?? '', target)
}
