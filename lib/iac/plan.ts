import type { Acl } from 'bce-iam'
import { serializeAcl } from '../acl'
import { refName, refType, type DesiredState, type PolicyRef } from './document'
import { sameDocument } from './live-document'

/** An entity kind a plan creates, updates or deletes. */
export type EntityKind = 'user' | 'group' | 'policy' | 'role'

/** A principal a policy is attached to. */
export type PrincipalKind = 'user' | 'group' | 'role'

/** Create an entity with the document's fields. */
export interface CreateStep {
  /** Discriminant: create an entity. */
  readonly action: 'create'
  /** The kind of entity to create. */
  readonly target: EntityKind
  /** The entity's name. */
  readonly name: string
  /** Its description, when the document sets one. */
  readonly description?: string | undefined
  /** For a user: whether it is enabled, when the document says. */
  readonly enabled?: boolean | undefined
  /** For a policy: its ACL document; for a role: its trust document. */
  readonly document?: Acl | undefined
}

/** Change an existing entity's differing fields (only those the document sets). */
export interface UpdateStep {
  /** Discriminant: change an existing entity. */
  readonly action: 'update'
  /** The kind of entity to update. */
  readonly target: EntityKind
  /** The entity's name. */
  readonly name: string
  /** The new description, when it differs. */
  readonly description?: string | undefined
  /** For a user: the new enabled state, when it differs. */
  readonly enabled?: boolean | undefined
  /** For a policy: the new ACL document; for a role: the new trust document (when it differs). */
  readonly document?: Acl | undefined
}

/** Delete an entity absent from the document (only with `prune`). */
export interface DeleteStep {
  /** Discriminant: delete an entity the document no longer has. */
  readonly action: 'delete'
  /** The kind of entity to delete. */
  readonly target: EntityKind
  /** The entity's name. */
  readonly name: string
}

/** Add a user to a group, or (with `prune`) remove them. */
export interface MembershipStep {
  /** `add` the user to the group, or `remove` them (`prune` only). */
  readonly action: 'add' | 'remove'
  /** Discriminant: a group membership. */
  readonly target: 'membership'
  /** The user's name. */
  readonly user: string
  /** The group's name. */
  readonly group: string
}

/** Attach a policy to a principal, or (with `prune`) detach it. */
export interface AttachmentStep {
  /** `attach` the policy, or `detach` it (`prune` only). */
  readonly action: 'attach' | 'detach'
  /** Discriminant: a policy attachment. */
  readonly target: 'attachment'
  /** The kind of principal. */
  readonly principal: PrincipalKind
  /** The principal's name. */
  readonly name: string
  /** The policy's name. */
  readonly policy: string
  /** Whether the policy is a custom policy of the account or a system policy. */
  readonly policyType: 'Custom' | 'System'
}

/** One step of a {@link Plan}. */
export type PlanStep = CreateStep | UpdateStep | DeleteStep | MembershipStep | AttachmentStep

/** The ordered steps that bring a live account to a desired state. */
export interface Plan {
  /**
   * The steps in the order they apply: creates, updates, memberships, attachments; with `prune`,
   * then detaches, removals and deletes.
   */
  readonly changes: readonly PlanStep[]
}

/** Options of {@link plan}. */
export interface PlanOptions {
  /** Delete entities, memberships and attachments absent from the document (default false). */
  readonly prune?: boolean | undefined
}

const KINDS = [
  ['policy', 'policies'],
  ['group', 'groups'],
  ['user', 'users'],
  ['role', 'roles'],
] as const

/** Two ACL documents are the same when their canonical serialisations are. */
export function sameAcl(a: Acl, b: Acl): boolean {
  return serializeAcl(a) === serializeAcl(b)
}

interface Fields {
  readonly description?: string | undefined
  readonly enabled?: boolean | undefined
  readonly document?: Acl | undefined
}

function fieldsOf(kind: EntityKind, entity: object): Fields {
  const e = entity as Record<string, unknown>
  return {
    description: e.description as string | undefined,
    enabled: kind === 'user' ? (e.enabled as boolean | undefined) : undefined,
    document: (kind === 'policy' ? e.document : kind === 'role' ? e.trust : undefined) as Acl | undefined,
  }
}

function defined<T extends object>(value: T): T {
  return Object.freeze(Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined))) as T
}

function drift(kind: EntityKind, want: Fields, have: Fields): Fields | undefined {
  const description =
    want.description !== undefined && want.description !== (have.description ?? '') ? want.description : undefined
  const enabled = want.enabled !== undefined && want.enabled !== (have.enabled ?? true) ? want.enabled : undefined
  const document =
    want.document !== undefined &&
    (have.document === undefined || !sameDocument(kind === 'role' ? 'trust' : 'policy', want.document, have.document))
      ? want.document
      : undefined
  return description === undefined && enabled === undefined && document === undefined
    ? undefined
    : { description, enabled, document }
}

function refKey(ref: PolicyRef): string {
  return `${refType(ref)}\u0000${refName(ref)}`
}

function attachments(state: DesiredState): Map<string, AttachmentStep> {
  const out = new Map<string, AttachmentStep>()
  const add = (principal: PrincipalKind, name: string, list: readonly PolicyRef[] | undefined): void => {
    for (const ref of list ?? [])
      out.set(`${principal}\u0000${name}\u0000${refKey(ref)}`, {
        action: 'attach',
        target: 'attachment',
        principal,
        name,
        policy: refName(ref),
        policyType: refType(ref),
      })
  }
  for (const [name, user] of Object.entries(state.users ?? {})) add('user', name, user.policies)
  for (const [name, group] of Object.entries(state.groups ?? {})) add('group', name, group.policies)
  for (const [name, role] of Object.entries(state.roles ?? {})) add('role', name, role.policies)
  return out
}

function memberships(state: DesiredState): Map<string, MembershipStep> {
  const out = new Map<string, MembershipStep>()
  for (const [user, entity] of Object.entries(state.users ?? {}))
    for (const group of entity.groups ?? [])
      out.set(`${user}\u0000${group}`, { action: 'add', target: 'membership', user, group })
  return out
}

function sectionOf(state: DesiredState, section: (typeof KINDS)[number][1]): Readonly<Record<string, object>> {
  return state[section] ?? {}
}

/**
 * Computes the ordered steps that bring `live` to `desired`. Pure. Order: create policies,
 * groups, users, roles; update differing entities (only fields the document sets; ACL documents
 * compared canonically, so formatting and key order are not drift); add memberships; attach
 * policies. With `prune`, then: detach attachments and remove memberships absent from the
 * document, and delete absent users, groups, roles and finally custom policies. Without
 * `prune`, nothing absent from the document is deleted.
 */
export function plan(desired: DesiredState, live: DesiredState, options?: PlanOptions): Plan {
  const creates: PlanStep[] = []
  const updates: PlanStep[] = []
  const deletes: PlanStep[] = []
  for (const [kind, section] of KINDS) {
    const want = sectionOf(desired, section)
    const have = sectionOf(live, section)
    for (const name of Object.keys(want).sort()) {
      const fields = fieldsOf(kind, want[name] as object)
      const current = have[name]
      if (current === undefined) creates.push(defined<CreateStep>({ action: 'create', target: kind, name, ...fields }))
      else {
        const changed = drift(kind, fields, fieldsOf(kind, current))
        if (changed !== undefined)
          updates.push(defined<UpdateStep>({ action: 'update', target: kind, name, ...changed }))
      }
    }
    for (const name of Object.keys(have).sort())
      if (want[name] === undefined) deletes.push(Object.freeze({ action: 'delete', target: kind, name }))
  }
  const wantMembers = memberships(desired)
  const haveMembers = memberships(live)
  const wantAttached = attachments(desired)
  const haveAttached = attachments(live)
  const adds = [...wantMembers].filter(([key]) => !haveMembers.has(key)).map(([, step]) => Object.freeze(step))
  const attaches = [...wantAttached].filter(([key]) => !haveAttached.has(key)).map(([, step]) => Object.freeze(step))
  const changes: PlanStep[] = [...creates, ...updates, ...adds, ...attaches]
  if (options?.prune === true) {
    const detaches = [...haveAttached]
      .filter(([key]) => !wantAttached.has(key))
      .map(([, step]) => Object.freeze({ ...step, action: 'detach' as const }))
    const removes = [...haveMembers]
      .filter(([key]) => !wantMembers.has(key))
      .map(([, step]) => Object.freeze({ ...step, action: 'remove' as const }))
    const order: readonly EntityKind[] = ['user', 'group', 'role', 'policy']
    const sortedDeletes = [...deletes].sort(
      (a, b) => order.indexOf((a as DeleteStep).target) - order.indexOf((b as DeleteStep).target),
    )
    changes.push(...detaches, ...removes, ...sortedDeletes)
  }
  return Object.freeze({ changes: Object.freeze(changes) })
}
