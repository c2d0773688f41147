import { appendFileSync, rmSync, statSync, truncateSync } from 'node:fs'
import { err, ok, type Result } from 'neverthrow'
import type { IdGeneratorPosition } from '../ids'
import type { EmulatorState } from '../state'
import type { Change } from '../state/change-log'
import { encodeJournalEntry, journalChanges, journalPathOf, type JournalEntry } from './journal'
import { takeSnapshot } from './snapshot'
import { writeStateFile } from './state-file'

/**
 * The journal is folded into a new snapshot once it holds more bytes than the last snapshot (and
 * at least this many), so the cost of compaction, spread over the changes that grew the journal,
 * stays proportional to the size of the changes, not of the state.
 */
export const MIN_COMPACTION_BYTES = 64 * 1024

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** What one request changed, to persist. */
export interface Commit {
  readonly changes: readonly Change[]
  /** The id generator's new position, when it moved. */
  readonly ids?: JournalEntry['ids']
  /** The new SSO record, when it changed. */
  readonly idp?: JournalEntry['idp']
}

/**
 * The on-disk state: a snapshot file (replaced atomically: temporary file + rename) and an
 * append-only journal beside it (`<file>.journal`), one line per committed request. Each
 * snapshot carries a generation; only journal lines of the same generation apply to it, so a
 * crash at any point of a compaction leaves a loadable pair. Never throws: problems are messages.
 */
export class StateStore {
  readonly #file: string
  readonly #journal: string
  #generation: number
  #journalBytes = 0
  #snapshotBytes = 0
  /** Set at start and after a failed append: the next commit writes a new snapshot. */
  #mustCompact = true

  /** A store for `file` whose snapshot on disk has journal generation `generation`. */
  constructor(file: string, generation: number) {
    this.#file = file
    this.#journal = journalPathOf(file)
    this.#generation = generation
  }

  /**
   * Persists what one request changed (`state` already holds it): one appended journal line, or a
   * new snapshot when the journal has grown past the snapshot. A message when nothing could be
   * persisted (the caller then undoes the change). `ids` replaces the id generator position a
   * snapshot would take from `state`.
   */
  commit(state: EmulatorState, commit: Commit, ids?: IdGeneratorPosition | null): Result<void, string> {
    if (commit.changes.length === 0 && commit.ids === undefined && commit.idp === undefined) return ok(undefined)
    const encoded = encodeJournalEntry({
      g: this.#generation,
      c: journalChanges(commit.changes),
      ...(commit.ids === undefined ? {} : { ids: commit.ids }),
      ...(commit.idp === undefined ? {} : { idp: commit.idp }),
    })
    if (encoded.isErr()) return err(encoded.error)
    const line = encoded.value
    if (this.#mustCompact || this.#journalBytes + line.length > Math.max(MIN_COMPACTION_BYTES, this.#snapshotBytes))
      return this.compact(state, ids)
    try {
      appendFileSync(this.#journal, line, { mode: 0o600 })
      this.#journalBytes += Buffer.byteLength(line)
      return ok(undefined)
    } catch (error) {
      this.#cutJournal()
      return err(reasonOf(error))
    }
  }

  /**
   * Writes the whole state as a snapshot of the next generation (atomically), then removes the
   * journal, whose lines no longer apply. A message when the snapshot could not be written.
   * `ids` replaces the id generator position taken from `state`.
   */
  compact(state: EmulatorState, ids?: IdGeneratorPosition | null): Result<void, string> {
    let text: string
    try {
      const snapshot = takeSnapshot(state, this.#generation + 1)
      const positioned = ids === undefined ? snapshot : { ...snapshot, idGenerator: ids === null ? null : [...ids] }
      text = `${JSON.stringify(positioned, null, 1)}\n`
    } catch (error) {
      return err(`the state cannot be serialised: ${reasonOf(error)}`)
    }
    const written = writeStateFile(this.#file, text)
    if (written.isErr()) return written
    this.#generation += 1
    this.#snapshotBytes = text.length
    this.#mustCompact = false
    try {
      rmSync(this.#journal, { force: true })
      this.#journalBytes = 0
    } catch {
      // Its lines are of an older generation now, so they are ignored; appends continue after them.
      this.#journalBytes = 0
    }
    return ok(undefined)
  }

  /**
   * After a failed append: cuts off whatever part of the line was written (best effort) and makes
   * the next commit write a snapshot of a new generation, which leaves any remains behind.
   */
  #cutJournal(): void {
    this.#mustCompact = true
    try {
      if (statSync(this.#journal).size > this.#journalBytes) truncateSync(this.#journal, this.#journalBytes)
    } catch {
      // The new generation makes whatever is left unreadable as a current entry.
    }
  }
}
