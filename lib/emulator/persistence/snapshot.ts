import { PathReporter } from 'io-ts/PathReporter'
import { err, ok, type Result } from 'neverthrow'
import { parseJson } from '../json-limits'
import type { EmulatorClock } from '../clock'
import { IdGenerator } from '../ids'
import { dropExpiredSessions, EmulatorState, type EmulatorLimits, type RootCredentials } from '../state'
import { applyJournalEntry, type JournalEntry } from './journal'
import { SNAPSHOT_VERSION, snapshotCodec, type Snapshot } from './snapshot-codec'

/**
 * The snapshot of a state: what a state file holds, for journal `generation`. Expired temporary
 * credentials are left out.
 */
export function takeSnapshot(state: EmulatorState, generation = 0): Snapshot {
  const now = state.clock.now()
  return {
    version: SNAPSHOT_VERSION,
    journalGeneration: generation,
    accountId: state.accountId,
    root: { accessKeyId: state.root.accessKeyId, secretAccessKey: state.root.secretAccessKey },
    idGenerator:
      state.ids.position() === undefined
        ? null
        : [...(state.ids.position() as readonly [number, number, number, number])],
    users: [...state.users.values()],
    accessKeys: [...state.accessKeys.values()].map((key) => {
      const lastUsedTime = state.keyLastUsedTime(key.id)
      return lastUsedTime === undefined ? key : { ...key, lastUsedTime }
    }),
    apiKeys: [...state.apiKeys.values()],
    groups: [...state.groups.values()],
    policies: [...state.policies.values()] as Snapshot['policies'],
    roles: [...state.roles.values()],
    idp: state.idp,
    memberships: state.memberships.all(),
    attachments: state.attachments.all(),
    sessions: [...state.sessions.values()].filter((session) => Date.parse(session.expiration) >= now),
  }
}

/** Decodes state-file text into a snapshot, or explains what is wrong with it. */
export function parseSnapshot(text: string): Result<Snapshot, string> {
  return parseJson(text, 'it', Infinity)
    .mapErr(({ message }) => message)
    .andThen((value) => {
      if (typeof value === 'object' && value !== null && 'version' in value && value.version !== SNAPSHOT_VERSION)
        return err(`it has version ${JSON.stringify(value.version)}; this emulator reads version ${SNAPSHOT_VERSION}`)
      const decoded = snapshotCodec.decode(value)
      if (decoded._tag === 'Left')
        return err(`it does not have the expected shape (${PathReporter.report(decoded).slice(0, 3).join('; ')})`)
      return ok(decoded.right)
    })
}

function duplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) return value
    seen.add(value)
  }
  return undefined
}

/** Why a restored state's parts do not fit together (duplicate names, edges to nothing), or undefined. */
function integrityProblem(state: EmulatorState, snapshot: Snapshot): string | undefined {
  if (!/^[0-9a-f]{32}$/.test(snapshot.accountId)) return 'accountId is not 32 hex characters'
  for (const [kind, names] of [
    ['user', snapshot.users.map((u) => u.name)],
    ['group', snapshot.groups.map((g) => g.name)],
    ['policy', snapshot.policies.map((p) => p.name)],
    ['role', snapshot.roles.map((r) => r.name)],
    ['access key', snapshot.accessKeys.map((k) => k.id)],
    ['API key', (snapshot.apiKeys ?? []).map((k) => k.id)],
  ] as const) {
    const twice = duplicate(names)
    if (twice !== undefined) return `${kind} ${JSON.stringify(twice)} appears twice`
  }
  for (const key of state.accessKeys.values())
    if (state.userById(key.userId) === undefined) return `access key ${key.id} belongs to no user`
  for (const key of state.apiKeys.values())
    if (key.userId !== state.accountId && state.userById(key.userId) === undefined)
      return `API key ${key.id} belongs to no user`
  for (const edge of state.memberships.all()) {
    if (state.groupById(edge.groupId) === undefined || state.userById(edge.userId) === undefined)
      return 'a membership refers to a missing user or group'
  }
  for (const edge of state.attachments.all()) {
    const target =
      edge.target === 'user'
        ? state.userById(edge.targetId)
        : edge.target === 'group'
          ? state.groupById(edge.targetId)
          : state.roleById(edge.targetId)
    if (target === undefined || state.policyById(edge.policyId) === undefined)
      return 'an attachment refers to a missing entity or policy'
  }
  return undefined
}

/** What restoring needs besides the snapshot. */
export interface RestoreOptions {
  readonly clock: EmulatorClock
  readonly limits: EmulatorLimits
  /** Root credentials to use instead of the stored ones (explicit options win). */
  readonly root?: RootCredentials
}

/**
 * Rebuilds a state from a snapshot and the journal entries written after it (see
 * `parseJournal`), or explains why its parts do not fit together.
 */
export function restoreSnapshot(
  snapshot: Snapshot,
  options: RestoreOptions,
  journal: readonly JournalEntry[] = [],
): Result<EmulatorState, string> {
  let position = snapshot.idGenerator
  for (const entry of journal) if (entry.ids !== undefined) position = entry.ids === null ? null : [...entry.ids]
  const state = new EmulatorState({
    root: options.root ?? snapshot.root,
    accountId: snapshot.accountId,
    clock: options.clock,
    ids: IdGenerator.resume(position ?? undefined),
    limits: options.limits,
  })
  for (const user of snapshot.users) state.users.set(user.name, user)
  for (const group of snapshot.groups) state.groups.set(group.name, group)
  for (const policy of snapshot.policies) state.policies.set(policy.name, policy)
  for (const role of snapshot.roles) state.roles.set(role.name, role)
  for (const key of snapshot.accessKeys) state.accessKeys.set(key.id, key)
  for (const key of snapshot.apiKeys ?? []) state.apiKeys.set(key.id, key)
  for (const edge of snapshot.memberships) state.memberships.add(edge)
  for (const edge of snapshot.attachments) state.attachments.add(edge)
  for (const session of snapshot.sessions) state.sessions.set(session.accessKeyId, session)
  state.idp = snapshot.idp
  for (const entry of journal) applyJournalEntry(state, entry)
  dropExpiredSessions(state)
  state.changes.discard()
  const problem = integrityProblem(state, snapshot)
  return problem === undefined ? ok(state) : err(problem)
}
