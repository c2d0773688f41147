/** A user's membership in a group. Ends are ids, so renames never break edges. */
export interface MembershipEdge {
  readonly groupId: string
  readonly userId: string
  readonly joinTime: string
}

/** Which kind of entity a policy is attached to. */
export type AttachmentTarget = 'user' | 'group' | 'role'

/** A policy attached to a user, group or role. */
export interface AttachmentEdge {
  readonly target: AttachmentTarget
  readonly targetId: string
  readonly policyId: string
  readonly attachTime: string
}

/** The key of a membership edge. */
export const membershipKey = (groupId: string, userId: string): string => `${groupId}\u0000${userId}`

/** The key of an attachment edge. */
export const attachmentKey = (target: AttachmentTarget, targetId: string, policyId: string): string =>
  `${target}\u0000${targetId}\u0000${policyId}`

/**
 * A set of edges with a key: one source of truth for relations, so counts are always derived
 * (never stored) and adding an existing edge changes nothing. Iterates in insertion order.
 */
export class EdgeSet<E> {
  readonly #edges = new Map<string, E>()
  readonly #keyOf: (edge: E) => string

  constructor(keyOf: (edge: E) => string) {
    this.#keyOf = keyOf
  }

  /** Adds an edge; false (and no change) when an edge with its key exists. */
  add(edge: E): boolean {
    const key = this.#keyOf(edge)
    if (this.#edges.has(key)) return false
    this.#edges.set(key, edge)
    return true
  }

  /** The edge with this key, if any. */
  get(key: string): E | undefined {
    return this.#edges.get(key)
  }

  /** Removes the edge with this key; false when there was none. */
  delete(key: string): boolean {
    return this.#edges.delete(key)
  }

  /** Edges matching a predicate, in insertion order. */
  filter(predicate: (edge: E) => boolean): E[] {
    return [...this.#edges.values()].filter(predicate)
  }

  /** Whether some edge matches a predicate. */
  some(predicate: (edge: E) => boolean): boolean {
    for (const edge of this.#edges.values()) if (predicate(edge)) return true
    return false
  }

  /** Every edge, in insertion order. */
  all(): E[] {
    return [...this.#edges.values()]
  }

  /** Removes every edge. */
  clear(): void {
    this.#edges.clear()
  }
}
