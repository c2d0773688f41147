import { err, safeTry } from 'neverthrow'
import { normalisePolicyDocument, parseAclText } from '../acl-document'
import { freshId, SYSTEM_POLICIES, type PolicyRecord } from '../state'
import { reply, type Outcome } from '../wire'
import { readBody } from './body'
import type { HandlerContext } from './context'
import { identityDocument } from './identity-document'
import { alreadyExists, checkName, deleteConflict, MAX_GROUP_OR_POLICY_NAME, notFound } from './names'
import { policyTypeOf } from './query-params'
import { replaceEntry } from './replace-entry'
import { policyView } from './views'

/**
 * P1 createPolicy `{name ≤ 64, description?, document}`: stores the document with
 * `"id":"policy_<id>"`. A statement with `grantee` is 400 `InappropriateJSON` (an identity
 * policy applies to its holder; see {@link identityDocument}).
 */
export function createPolicy({ state, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const fields = yield* readBody(body, {
      name: { kind: 'string', required: true },
      description: { kind: 'string' },
      document: { kind: 'string', required: true },
    })
    const name = yield* checkName('name', fields.name as string, MAX_GROUP_OR_POLICY_NAME)
    const acl = yield* parseAclText(fields.document as string, 'document', 'policy').andThen((parsed) =>
      identityDocument(parsed, 'document'),
    )
    if (state.policies.has(name) || SYSTEM_POLICIES.has(name)) return err(alreadyExists('policy', name))
    const id = freshId(state)
    const policy: PolicyRecord = {
      id,
      name,
      type: 'Custom',
      description: (fields.description as string | undefined) ?? '',
      document: normalisePolicyDocument(acl, id),
      createTime: state.timestamp(),
    }
    state.policies.set(name, policy)
    return reply(201, policyView(policy))
  })
}

/** P2 getPolicy `?policyType=System|Custom` (absent: Custom). */
export function getPolicy({ state, params, query }: HandlerContext): Outcome {
  return policyTypeOf(query).andThen((type) => {
    const name = params.policyName ?? ''
    const policy = state.policyNamed(type, name)
    return policy === undefined ? err(notFound(`${type} policy`, name)) : reply(200, policyView(policy))
  })
}

/**
 * P3 updatePolicy (POST) `{name?, description?, document?}`: Custom policies only (a System name
 * is 404); a new document is checked like createPolicy's. An empty `document` keeps the current
 * one, as an absent one does: the official Go SDK always sends `document`, as `""` when only the
 * name or description changes (`UpdatePolicyArgs`, no `omitempty`).
 */
export function updatePolicy({ state, params, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const name = params.policyName ?? ''
    const policy = state.policies.get(name)
    if (policy === undefined) return err(notFound('Custom policy', name))
    const fields = yield* readBody(body, {
      name: { kind: 'string' },
      description: { kind: 'string' },
      document: { kind: 'string' },
    })
    const rename = fields.name as string | undefined
    if (rename !== undefined && rename !== name) {
      yield* checkName('name', rename, MAX_GROUP_OR_POLICY_NAME)
      if (state.policies.has(rename) || SYSTEM_POLICIES.has(rename)) return err(alreadyExists('policy', rename))
    }
    let document = policy.document
    if (fields.document !== undefined && fields.document !== '') {
      const acl = yield* parseAclText(fields.document as string, 'document', 'policy').andThen((parsed) =>
        identityDocument(parsed, 'document'),
      )
      document = normalisePolicyDocument(acl, policy.id)
    }
    const updated: PolicyRecord = {
      ...policy,
      name: rename ?? policy.name,
      description: (fields.description as string | undefined) ?? policy.description,
      document,
    }
    replaceEntry(state.policies, name, updated.name, updated)
    return reply(200, policyView(updated))
  })
}

/** P4 deletePolicy: Custom only; 409 `DeleteConflict` while attached to anything. */
export function deletePolicy({ state, params }: HandlerContext): Outcome {
  const name = params.policyName ?? ''
  const policy = state.policies.get(name)
  if (policy === undefined) return err(notFound('Custom policy', name))
  if (state.attachments.countAt('policy', policy.id) > 0) return err(deleteConflict('policy', name, ['attachments']))
  state.policies.delete(name)
  return reply(200)
}

/** P5 listPolicies `?policyType=&nameFilter=` (nameFilter: case-sensitive substring). */
export function listPolicies({ state, query }: HandlerContext): Outcome {
  return policyTypeOf(query).andThen((type) => {
    const filter = query.get('nameFilter') ?? ''
    const namespace = type === 'System' ? SYSTEM_POLICIES : state.policies
    return reply(200, { policies: [...namespace.values()].filter((p) => p.name.includes(filter)).map(policyView) })
  })
}
