import type { Acl } from '../../acl/types'
import type { Principal } from '../principal'
import type { AttachmentTarget, EmulatorState, PolicyRecord } from '../state'
import type { PolicyAclCache } from './policy-acls'

/**
 * The identity-based policies that apply to a principal, read from the current state:
 * - `unrestricted` for the root account (its key pair, or temporary credentials it obtained);
 * - for a sub-user, the policies attached to it (Custom and System) and to every group it
 *   belongs to; for a role, the policies attached to the role;
 * - `missing` when the user or role no longer exists (nothing can then be allowed).
 *
 * A policy attached several times (to the user and to one of its groups) counts once.
 */
export type PrincipalAcls =
  | { readonly kind: 'unrestricted' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'policies'; readonly acls: readonly Acl[] }

const UNRESTRICTED: PrincipalAcls = { kind: 'unrestricted' }
const MISSING: PrincipalAcls = { kind: 'missing' }

/** Policies attached to any of `targets` (target kind and entity id), in attachment order, each once. */
function attachedPolicies(
  state: EmulatorState,
  targets: ReadonlyMap<AttachmentTarget, ReadonlySet<string>>,
): PolicyRecord[] {
  const ids = new Set<string>()
  for (const edge of state.attachments.all()) {
    if (targets.get(edge.target)?.has(edge.targetId) === true) ids.add(edge.policyId)
  }
  const policies: PolicyRecord[] = []
  for (const id of ids) {
    const policy = state.policyById(id)
    if (policy !== undefined) policies.push(policy)
  }
  return policies
}

/** The ids of the groups a user belongs to. */
function groupIdsOf(state: EmulatorState, userId: string): Set<string> {
  const groups = new Set<string>()
  for (const edge of state.memberships.all()) if (edge.userId === userId) groups.add(edge.groupId)
  return groups
}

/** The policies that apply to `principal` now (see {@link PrincipalAcls}), parsed through `cache`. */
export function principalAcls(state: EmulatorState, principal: Principal, cache: PolicyAclCache): PrincipalAcls {
  switch (principal.kind) {
    case 'root':
      return UNRESTRICTED
    case 'user': {
      const user = state.userById(principal.userId)
      if (user === undefined || !user.enabled) return MISSING
      const targets = new Map<AttachmentTarget, ReadonlySet<string>>([
        ['user', new Set([user.id])],
        ['group', groupIdsOf(state, user.id)],
      ])
      return { kind: 'policies', acls: attachedPolicies(state, targets).map((policy) => cache.aclOf(policy)) }
    }
    case 'role': {
      const role = state.roleById(principal.roleId)
      if (role === undefined) return MISSING
      const targets = new Map<AttachmentTarget, ReadonlySet<string>>([['role', new Set([role.id])]])
      return { kind: 'policies', acls: attachedPolicies(state, targets).map((policy) => cache.aclOf(policy)) }
    }
  }
}
