import type { ServiceErrorKind } from '../../lib'

/** Limits the model and the emulator share in model-based runs (small, so edges are hit often). */
export const MODEL_LIMITS = {
  usersPerAccount: 2,
  groupsPerAccount: 2,
  usersPerGroup: 1,
  policiesPerGroup: 1,
  accessKeysPerUser: 2,
}

/** What an operation should produce: success, or a service error of this kind. */
export type Expected = { readonly ok: true } | { readonly ok: false; readonly kind: ServiceErrorKind }

const OK: Expected = { ok: true }
const fail = (kind: ServiceErrorKind): Expected => ({ ok: false, kind })

interface ModelUser {
  description: string
  readonly keys: Set<string>
  readonly groups: Set<string>
  readonly policies: Set<string>
}

/**
 * A deliberately small, pure model of IAM's rules: uniqueness, existence, delete conflicts,
 * idempotent membership/attachment, limits. It predicts outcomes; it is not the emulator's code.
 */
export class IamModel {
  readonly users = new Map<string, ModelUser>()
  readonly groups = new Map<string, { description: string; members: Set<string>; policies: Set<string> }>()
  /** Policy name → the ACL statements of its document. */
  readonly policies = new Map<string, { readonly statements: readonly unknown[] }>()

  createUser(name: string, description = ''): Expected {
    if (this.users.has(name)) return fail('AlreadyExists')
    if (this.users.size >= MODEL_LIMITS.usersPerAccount) return fail('LimitExceeded')
    this.users.set(name, { description, keys: new Set(), groups: new Set(), policies: new Set() })
    return OK
  }

  /** Predicts updateUser: only the description changes (the name is kept). */
  updateUser(name: string, description: string): Expected {
    const user = this.users.get(name)
    if (user === undefined) return fail('NotFound')
    user.description = description
    return OK
  }

  /** Predicts a read of one user, group or policy: present or NotFound. */
  exists(kind: 'user' | 'group' | 'policy', name: string): Expected {
    const table = kind === 'user' ? this.users : kind === 'group' ? this.groups : this.policies
    return table.has(name) ? OK : fail('NotFound')
  }

  deleteUser(name: string): Expected {
    const user = this.users.get(name)
    if (user === undefined) return fail('NotFound')
    if (user.keys.size + user.groups.size + user.policies.size > 0) return fail('Conflict')
    this.users.delete(name)
    return OK
  }

  createGroup(name: string, description = ''): Expected {
    if (this.groups.has(name)) return fail('AlreadyExists')
    if (this.groups.size >= MODEL_LIMITS.groupsPerAccount) return fail('LimitExceeded')
    this.groups.set(name, { description, members: new Set(), policies: new Set() })
    return OK
  }

  deleteGroup(name: string): Expected {
    const group = this.groups.get(name)
    if (group === undefined) return fail('NotFound')
    if (group.members.size + group.policies.size > 0) return fail('Conflict')
    this.groups.delete(name)
    return OK
  }

  addUserToGroup(group: string, user: string): Expected {
    const g = this.groups.get(group)
    const u = this.users.get(user)
    if (g === undefined || u === undefined) return fail('NotFound')
    if (g.members.has(user)) return OK
    if (g.members.size >= MODEL_LIMITS.usersPerGroup) return fail('LimitExceeded')
    g.members.add(user)
    u.groups.add(group)
    return OK
  }

  removeUserFromGroup(group: string, user: string): Expected {
    const g = this.groups.get(group)
    if (g === undefined || !this.users.has(user) || !g.members.has(user)) return fail('NotFound')
    g.members.delete(user)
    this.users.get(user)?.groups.delete(group)
    return OK
  }

  /** Predicts createAccessKey; on success the caller records the real key id with {@link addKey}. */
  canCreateKey(user: string): Expected {
    const u = this.users.get(user)
    if (u === undefined) return fail('NotFound')
    if (u.keys.size >= MODEL_LIMITS.accessKeysPerUser) return fail('LimitExceeded')
    return OK
  }

  addKey(user: string, id: string): void {
    this.users.get(user)?.keys.add(id)
  }

  deleteKey(user: string, id: string): Expected {
    const u = this.users.get(user)
    if (u === undefined || !u.keys.has(id)) return fail('NotFound')
    u.keys.delete(id)
    return OK
  }

  createPolicy(name: string, statements: readonly unknown[]): Expected {
    if (this.policies.has(name)) return fail('AlreadyExists')
    this.policies.set(name, { statements })
    return OK
  }

  deletePolicy(name: string): Expected {
    if (!this.policies.has(name)) return fail('NotFound')
    const attached =
      [...this.users.values()].some((u) => u.policies.has(name)) ||
      [...this.groups.values()].some((g) => g.policies.has(name))
    if (attached) return fail('Conflict')
    this.policies.delete(name)
    return OK
  }

  attachToUser(user: string, policy: string): Expected {
    const u = this.users.get(user)
    if (u === undefined || !this.policies.has(policy)) return fail('NotFound')
    u.policies.add(policy)
    return OK
  }

  detachFromUser(user: string, policy: string): Expected {
    const u = this.users.get(user)
    if (u === undefined || !this.policies.has(policy) || !u.policies.has(policy)) return fail('NotFound')
    u.policies.delete(policy)
    return OK
  }

  attachToGroup(group: string, policy: string): Expected {
    const g = this.groups.get(group)
    if (g === undefined || !this.policies.has(policy)) return fail('NotFound')
    if (g.policies.has(policy)) return OK
    if (g.policies.size >= MODEL_LIMITS.policiesPerGroup) return fail('LimitExceeded')
    g.policies.add(policy)
    return OK
  }

  detachFromGroup(group: string, policy: string): Expected {
    const g = this.groups.get(group)
    if (g === undefined || !this.policies.has(policy) || !g.policies.has(policy)) return fail('NotFound')
    g.policies.delete(policy)
    return OK
  }
}
