import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { err, ok, type Result } from 'neverthrow'

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Reads a state file: its text, `undefined` when there is no file (or it is blank: start empty),
 * or an error message when it cannot be read.
 */
export function readStateFile(path: string): Result<string | undefined, string> {
  try {
    const text = readFileSync(path, 'utf8')
    return ok(text.trim() === '' ? undefined : text)
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return ok(undefined)
    return err(reasonOf(error))
  }
}

/**
 * Replaces a state file atomically: writes a temporary file in the same directory (owner-only
 * permissions: it holds secrets), then renames it over the target, so a reader or a crash never
 * sees half a file. An error message instead of a throw.
 */
export function writeStateFile(path: string, text: string): Result<void, string> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    writeFileSync(temporary, text, { mode: 0o600 })
    renameSync(temporary, path)
    return ok(undefined)
  } catch (error) {
    try {
      rmSync(temporary, { force: true })
    } catch {
      // Nothing more to do: the message below is what matters.
    }
    return err(reasonOf(error))
  }
}
