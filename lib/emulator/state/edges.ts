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
 * Each named end (e.g. `user`: an edge's user id) is indexed, so the edges at one entity are
 * found without scanning the set ({@link EdgeSet.at}).
 */
export class EdgeSet<E, End extends string = never> {
  readonly #edges = new Map<string, E>()
  readonly #keyOf: (edge: E) => string
  readonly #ends: ReadonlyArray<readonly [End, (edge: E) => string]>
  /** Per end, per value: the edges there by key, in insertion order. */
  readonly #byEnd = new Map<End, Map<string, Map<string, E>>>()

  constructor(keyOf: (edge: E) => string, ends: Readonly<Record<End, (edge: E) => string>> = {} as never) {
    this.#keyOf = keyOf
    this.#ends = Object.entries(ends) as Array<[End, (edge: E) => string]>
    for (const [end] of this.#ends) this.#byEnd.set(end, new Map())
  }

  /** Adds an edge; false (and no change) when an edge with its key exists. */
  add(edge: E): boolean {
    const key = this.#keyOf(edge)
    if (this.#edges.has(key)) return false
    this.#edges.set(key, edge)
    for (const [end, valueOf] of this.#ends) {
      const index = this.#byEnd.get(end) as Map<string, Map<string, E>>
      const value = valueOf(edge)
      let bucket = index.get(value)
      if (bucket === undefined) {
        bucket = new Map()
        index.set(value, bucket)
      }
      bucket.set(key, edge)
    }
    return true
  }

  /** The edge with this key, if any. */
  get(key: string): E | undefined {
    return this.#edges.get(key)
  }

  /** Removes the edge with this key; false when there was none. */
  delete(key: string): boolean {
    const edge = this.#edges.get(key)
    if (edge === undefined) return false
    this.#edges.delete(key)
    for (const [end, valueOf] of this.#ends) {
      const index = this.#byEnd.get(end) as Map<string, Map<string, E>>
      const value = valueOf(edge)
      const bucket = index.get(value)
      bucket?.delete(key)
      if (bucket?.size === 0) index.delete(value)
    }
    return true
  }

  /** The edges whose `end` is `value` (an index lookup), in insertion order. */
  at(end: End, value: string): E[] {
    const bucket = this.#byEnd.get(end)?.get(value)
    return bucket === undefined ? [] : [...bucket.values()]
  }

  /** How many edges have `end` equal to `value` (an index lookup). */
  countAt(end: End, value: string): number {
    return this.#byEnd.get(end)?.get(value)?.size ?? 0
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
    for (const index of this.#byEnd.values()) index.clear()
  }
}

/** The ends a membership edge is indexed by. */
export type MembershipEnd = 'group' | 'user'

/** The ends an attachment edge is indexed by: its target entity (see {@link targetKey}) and its policy. */
export type AttachmentEnd = 'target' | 'policy'

/** The index value of an attachment's target end: kind and id. */
export const targetKey = (target: AttachmentTarget, targetId: string): string => `${target}\u0000${targetId}`

/** How membership edges are indexed. */
export const MEMBERSHIP_ENDS: Readonly<Record<MembershipEnd, (edge: MembershipEdge) => string>> = {
  group: (edge) => edge.groupId,
  user: (edge) => edge.userId,
}

/** How attachment edges are indexed. */
export const ATTACHMENT_ENDS: Readonly<Record<AttachmentEnd, (edge: AttachmentEdge) => string>> = {
  target: (edge) => targetKey(edge.target, edge.targetId),
  policy: (edge) => edge.policyId,
}
