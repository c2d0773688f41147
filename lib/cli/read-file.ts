import { readFile } from 'node:fs/promises'
import { ResultAsync } from 'neverthrow'

/** The document format of a file, from its extension: `.json` is JSON, anything else YAML. */
export function formatOf(file: string): 'json' | 'yaml' {
  return /\.json$/i.test(file) ? 'json' : 'yaml'
}

/** Why a file could not be read: the node error code when there is one, never the contents. */
function readProblem(file: string, cause: unknown): { readonly message: string } {
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : 'unreadable'
  return Object.freeze({ message: `cannot read ${file} (${code})` })
}

/** The text of a file, or a one-line problem. */
export function readText(file: string): ResultAsync<string, { readonly message: string }> {
  return ResultAsync.fromPromise(readFile(file, 'utf8'), (cause) => readProblem(file, cause))
}
