import type * as t from 'io-ts'
import { err, ok, type Result } from 'neverthrow'
import { parseJson } from '../json-limits'
import type { IdGeneratorPosition } from '../ids'
import type { EmulatorState, IdpRecord } from '../state'
import { TRACKED_COLLECTIONS, type Change, type TrackedCollection } from '../state/change-log'
import { ID_POSITION_CODEC, IDP_CODEC, RECORD_CODECS } from './snapshot-codec'

/** The journal beside a state file: `<stateFile>.journal`. */
export const journalPathOf = (stateFile: string): string => `${stateFile}.journal`

/** One change as written: `[collection, key, value]` sets a key, `[collection, key]` removes it. */
export type JournalChange = readonly [TrackedCollection, string] | readonly [TrackedCollection, string, unknown]

/**
 * One committed request, one line of the journal: its generation (the snapshot it applies to),
 * its changes in order, and the id generator position and SSO record when they changed.
 */
export interface JournalEntry {
  readonly g: number
  readonly c: readonly JournalChange[]
  /** The seeded id generator's position after the change (null: random ids). */
  readonly ids?: IdGeneratorPosition | null
  readonly idp?: IdpRecord
}

/** The journal form of tracked changes. */
export function journalChanges(changes: readonly Change[]): JournalChange[] {
  return changes.map((change) =>
    change.value === undefined ? [change.collection, change.key] : [change.collection, change.key, change.value],
  )
}

/** The line of an entry (with a leading newline, so a torn earlier write can never join it), or why it cannot be serialised. */
export function encodeJournalEntry(entry: JournalEntry): Result<string, string> {
  try {
    return ok(`\n${JSON.stringify(entry)}\n`)
  } catch {
    return err('the change cannot be serialised')
  }
}

const isTracked = (value: unknown): value is TrackedCollection =>
  typeof value === 'string' && (TRACKED_COLLECTIONS as readonly string[]).includes(value)

function decodeWith<A>(codec: t.Decoder<unknown, A>, value: unknown): A | undefined {
  const decoded = codec.decode(value)
  return decoded._tag === 'Right' ? decoded.right : undefined
}

function decodeChange(value: unknown): JournalChange | undefined {
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 3)) return undefined
  const [collection, key] = value as unknown[]
  if (!isTracked(collection) || typeof key !== 'string') return undefined
  if (value.length === 2) return [collection, key]
  const record: unknown = decodeWith(RECORD_CODECS[collection] as t.Decoder<unknown, unknown>, value[2])
  return record === undefined ? undefined : [collection, key, record]
}

function decodeEntry(value: unknown): JournalEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const raw = value as Record<string, unknown>
  if (!Number.isSafeInteger(raw.g) || !Array.isArray(raw.c)) return undefined
  const changes: JournalChange[] = []
  for (const item of raw.c as unknown[]) {
    const change = decodeChange(item)
    if (change === undefined) return undefined
    changes.push(change)
  }
  const ids = raw.ids === undefined ? undefined : decodeWith(ID_POSITION_CODEC, raw.ids)
  const idp = raw.idp === undefined ? undefined : decodeWith(IDP_CODEC, raw.idp)
  if ((raw.ids !== undefined && ids === undefined) || (raw.idp !== undefined && idp === undefined)) return undefined
  return {
    g: raw.g as number,
    c: changes,
    ...(ids === undefined ? {} : { ids: ids as IdGeneratorPosition | null }),
    ...(idp === undefined ? {} : { idp }),
  }
}

/**
 * The entries of journal text that apply to a snapshot of `generation`, in order. Lines that are
 * not JSON are torn writes of requests that were answered with an error and are skipped, as are
 * entries of another generation (written before the last compaction); a JSON line of this
 * generation that does not decode is an error message.
 */
export function parseJournal(text: string, generation: number): Result<JournalEntry[], string> {
  const entries: JournalEntry[] = []
  const lines = text.split('\n')
  for (let n = 0; n < lines.length; n += 1) {
    const line = (lines[n] as string).trim()
    if (line === '') continue
    const parsed = parseJson(line, 'a journal line', Infinity)
    if (parsed.isErr()) continue
    const value = parsed.value
    const generationOf = typeof value === 'object' && value !== null ? (value as { g?: unknown }).g : undefined
    if (generationOf !== generation) continue
    const entry = decodeEntry(value)
    if (entry === undefined) return err(`journal line ${n + 1} does not have the expected shape`)
    entries.push(entry)
  }
  return ok(entries)
}

/** Applies an entry's changes to a state (the id generator position is applied by the caller). */
export function applyJournalEntry(state: EmulatorState, entry: JournalEntry): void {
  for (const change of entry.c) {
    const [collection, key] = change
    if (collection === 'memberships' || collection === 'attachments') {
      const edges = state[collection]
      edges.delete(key)
      if (change.length === 3) (edges.add as (edge: unknown) => boolean)(change[2])
      continue
    }
    const records = state[collection] as Map<string, unknown>
    if (change.length === 3) records.set(key, change[2])
    else records.delete(key)
  }
  if (entry.idp !== undefined) state.idp = entry.idp
}
