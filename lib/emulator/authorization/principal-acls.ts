import type { Acl } from '../../acl/types'
import type { Principal } from '../principal'
import { targetKey, type EmulatorState, type PolicyRecord } from '../state'
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

/** Policies attached to any of `targets` (each a {@link targetKey}), each once (index lookups, no scan). */
function attachedPolicies(state: EmulatorState, targets: readonly string[]): PolicyRecord[] {
  const ids = new Set<string>()
  for (const target of targets) for (const edge of state.attachments.at('target', target)) ids.add(edge.policyId)
  const policies: PolicyRecord[] = []
  for (const id of ids) {
    const policy = state.policyById(id)
    if (policy !== undefined) policies.push(policy)
  }
  return policies
}

/** The attachment targets of a user: itself and every group it belongs to. */
function userTargets(state: EmulatorState, userId: string): string[] {
  const targets = [targetKey('user', userId)]
  for (const edge of state.memberships.at('user', userId)) targets.push(targetKey('group', edge.groupId))
  return targets
}

/** The policies that apply to `principal` now (see {@link PrincipalAcls}), parsed through `cache`. */
export function principalAcls(state: EmulatorState, principal: Principal, cache: PolicyAclCache): PrincipalAcls {
  switch (principal.kind) {
    case 'root':
      return UNRESTRICTED
    case 'user': {
      const user = state.activeUserById(principal.userId)
      if (user === undefined) return MISSING
      const acls = attachedPolicies(state, userTargets(state, user.id)).map((policy) => cache.aclOf(policy))
      return { kind: 'policies', acls }
    }
    case 'role': {
      const role = state.roleById(principal.roleId)
      if (role === undefined) return MISSING
      const acls = attachedPolicies(state, [targetKey('role', role.id)]).map((policy) => cache.aclOf(policy))
      return { kind: 'policies', acls }
    }
  }
}
