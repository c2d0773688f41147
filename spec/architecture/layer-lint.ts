import { execFileSync } from 'node:child_process'
import path from 'node:path'

/** The repository root. */
export const root = path.resolve(__dirname, '../..')

/** A source snippet linted as if it were the file `filePath` (relative to the repository). */
export interface Snippet {
  readonly filePath: string
  readonly code: string
}

/** What ESLint reported for one snippet. */
export interface SnippetResult {
  readonly filePath: string
  readonly messages: readonly { readonly ruleId: string | null; readonly message: string }[]
}

/** A file allowed to break the layer rules for now, and the folders it may import anyway. */
export interface LayerException {
  readonly file: string
  readonly mayImport: readonly string[]
}

/** Output of scripts/lint-layer-snippets.mjs. */
export interface LayerLint {
  readonly exceptions: readonly LayerException[]
  readonly results: readonly SnippetResult[]
}

/**
 * Lints the snippets with the import rules of eslint.config.mjs alone, in a child process (jest
 * cannot load an ES module config in-process), and returns the config's exception list with them.
 */
export function lintWithLayerRules(snippets: readonly Snippet[]): LayerLint {
  const output = execFileSync(process.execPath, [path.join(root, 'scripts/lint-layer-snippets.mjs')], {
    cwd: root,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
  })
  return JSON.parse(output) as LayerLint
}
