import { EdgeSet } from './edges'

/** The keyed collections of the state whose changes are tracked (what a journal entry names). */
export type TrackedCollection =
  'users' | 'accessKeys' | 'apiKeys' | 'groups' | 'policies' | 'roles' | 'sessions' | 'memberships' | 'attachments'

/** Every {@link TrackedCollection}, in a fixed order. */
export const TRACKED_COLLECTIONS: readonly TrackedCollection[] = [
  'users',
  'accessKeys',
  'apiKeys',
  'groups',
  'policies',
  'roles',
  'sessions',
  'memberships',
  'attachments',
]

/** One change to one key of a tracked collection. */
export interface Change {
  readonly collection: TrackedCollection
  readonly key: string
  /** The value after the change; `undefined` when the key was removed. */
  readonly value: unknown
  /** The value before the change (`undefined`: the key was absent), to undo it. */
  readonly before: { readonly value: unknown } | undefined
}

type Restore = (key: string, before: Change['before']) => void

/**
 * The changes made to the state since they were last taken: what one request did, so that it can
 * be written to the journal (its cost depends on the change, never on the state's size) or undone
 * when it cannot be persisted.
 */
export class ChangeLog {
  #changes: Change[] = []
  readonly #restorers = new Map<TrackedCollection, Restore>()

  /** Lets a collection undo its own changes. */
  register(collection: TrackedCollection, restore: Restore): void {
    this.#restorers.set(collection, restore)
  }

  /** Notes a change. */
  record(change: Change): void {
    this.#changes.push(change)
  }

  /** The changes noted since the last {@link take}, {@link undo} or {@link discard}, oldest first. */
  pending(): readonly Change[] {
    return this.#changes
  }

  /** Returns the pending changes and forgets them (they are now committed). */
  take(): readonly Change[] {
    const changes = this.#changes
    this.#changes = []
    return changes
  }

  /** Reverts the pending changes, newest first, and forgets them. */
  undo(): void {
    const changes = this.#changes
    this.#changes = []
    for (let i = changes.length - 1; i >= 0; i -= 1) {
      const change = changes[i] as Change
      this.#restorers.get(change.collection)?.(change.key, change.before)
    }
  }

  /** Forgets the pending changes without reverting them (e.g. after loading or a reset). */
  discard(): void {
    this.#changes = []
  }
}

/** The secondary indices a {@link TrackedMap} keeps, each derived from a value. */
export interface TrackedMapIndices<V> {
  /** The value's own id: {@link TrackedMap.getById} finds a value by it. */
  readonly idOf?: (value: V) => string
  /** An owner id several values share (e.g. an access key's user): {@link TrackedMap.ownedBy} lists them. */
  readonly ownerOf?: (value: V) => string
}

/**
 * A string-keyed `Map` that notes every change in a {@link ChangeLog}. It also keeps the indices
 * it is given (see {@link TrackedMapIndices}) in step with every change (set, delete, clear, and
 * the undo of a change), so finding a value by id, or the values of one owner, is a lookup, not a
 * scan.
 */
export class TrackedMap<V> extends Map<string, V> {
  readonly #log: ChangeLog
  readonly #collection: TrackedCollection
  readonly #indices: TrackedMapIndices<V>
  /** Key of the value with each id (only with `idOf`). */
  readonly #keyById = new Map<string, string>()
  /** Keys of the values of each owner, in insertion order (only with `ownerOf`). */
  readonly #keysByOwner = new Map<string, Set<string>>()

  constructor(log: ChangeLog, collection: TrackedCollection, indices: TrackedMapIndices<V> = {}) {
    super()
    this.#log = log
    this.#collection = collection
    this.#indices = indices
    log.register(collection, (key, before) => {
      this.#unindex(key, before?.value as V | undefined)
      if (before === undefined) super.delete(key)
      else {
        super.set(key, before.value as V)
        this.#index(key, before.value as V)
      }
    })
  }

  /** The value whose id is `id` (only for a map built with `idOf`; otherwise always undefined). */
  getById(id: string): V | undefined {
    const key = this.#keyById.get(id)
    return key === undefined ? undefined : super.get(key)
  }

  /** The values whose owner is `owner`, in insertion order (only for a map built with `ownerOf`). */
  ownedBy(owner: string): V[] {
    const keys = this.#keysByOwner.get(owner)
    return keys === undefined ? [] : [...keys].map((key) => super.get(key) as V)
  }

  #index(key: string, value: V): void {
    const { idOf, ownerOf } = this.#indices
    if (idOf !== undefined) this.#keyById.set(idOf(value), key)
    if (ownerOf !== undefined) {
      const owner = ownerOf(value)
      let keys = this.#keysByOwner.get(owner)
      if (keys === undefined) {
        keys = new Set()
        this.#keysByOwner.set(owner, keys)
      }
      keys.add(key)
    }
  }

  /** Drops the indices of the value at `key`; the owner's entry stays (in place) when `next` has the same owner. */
  #unindex(key: string, next?: V): void {
    if (!super.has(key)) return
    const value = super.get(key) as V
    const { idOf, ownerOf } = this.#indices
    if (idOf !== undefined && this.#keyById.get(idOf(value)) === key) this.#keyById.delete(idOf(value))
    if (ownerOf !== undefined && (next === undefined || ownerOf(next) !== ownerOf(value))) {
      const owner = ownerOf(value)
      const keys = this.#keysByOwner.get(owner)
      keys?.delete(key)
      if (keys?.size === 0) this.#keysByOwner.delete(owner)
    }
  }

  /** Sets a value and notes the change. */
  override set(key: string, value: V): this {
    const before = super.has(key) ? { value: super.get(key) } : undefined
    this.#log.record({ collection: this.#collection, key, value, before })
    this.#unindex(key, value)
    super.set(key, value)
    this.#index(key, value)
    return this
  }

  /** Removes a key and notes the change (nothing is noted when it was absent). */
  override delete(key: string): boolean {
    if (!super.has(key)) return false
    this.#log.record({ collection: this.#collection, key, value: undefined, before: { value: super.get(key) } })
    this.#unindex(key)
    return super.delete(key)
  }

  /** Removes every key, noting each removal. */
  override clear(): void {
    for (const [key, value] of super.entries())
      this.#log.record({ collection: this.#collection, key, value: undefined, before: { value } })
    this.#keyById.clear()
    this.#keysByOwner.clear()
    super.clear()
  }
}

/** An {@link EdgeSet} that notes every change in a {@link ChangeLog}. */
export class TrackedEdgeSet<E, End extends string = never> extends EdgeSet<E, End> {
  readonly #log: ChangeLog
  readonly #collection: TrackedCollection
  readonly #keyOf: (edge: E) => string

  constructor(
    keyOf: (edge: E) => string,
    log: ChangeLog,
    collection: TrackedCollection,
    ends: Readonly<Record<End, (edge: E) => string>> = {} as never,
  ) {
    super(keyOf, ends)
    this.#keyOf = keyOf
    this.#log = log
    this.#collection = collection
    log.register(collection, (key, before) => {
      if (before === undefined) super.delete(key)
      else super.add(before.value as E)
    })
  }

  /** Adds an edge and notes the change; false (nothing noted) when its key exists. */
  override add(edge: E): boolean {
    if (!super.add(edge)) return false
    this.#log.record({ collection: this.#collection, key: this.#keyOf(edge), value: edge, before: undefined })
    return true
  }

  /** Removes the edge with this key and notes the change; false when there was none. */
  override delete(key: string): boolean {
    const before = super.get(key)
    if (!super.delete(key)) return false
    this.#log.record({ collection: this.#collection, key, value: undefined, before: { value: before } })
    return true
  }

  /** Removes every edge, noting each removal. */
  override clear(): void {
    for (const edge of super.all())
      this.#log.record({
        collection: this.#collection,
        key: this.#keyOf(edge),
        value: undefined,
        before: { value: edge },
      })
    super.clear()
  }
}
