import { writeFile } from 'node:fs/promises'
import { ResultAsync } from 'neverthrow'

/** Why a file could not be written: the node error code when there is one. */
function writeProblem(file: string, cause: unknown): { readonly message: string } {
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : 'unwritable'
  return Object.freeze({ message: `cannot write ${file} (${code})` })
}

/** Writes `text` to `file` (replacing it), or a one-line problem. */
export function writeText(file: string, text: string): ResultAsync<void, { readonly message: string }> {
  return ResultAsync.fromPromise(writeFile(file, text, 'utf8'), (cause) => writeProblem(file, cause))
}
