// API Extractor over the declarations of the project's public entry points (every subpath of
// package.json's `exports`), compared with (check) or written to (update) etc/*.api.md.
// Used by scripts/api-report.mjs (npm run api:check / api:update) and scripts/static-checks.mjs
// (npm test), both after emitting the declarations with scripts/project-program.mjs.
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor'
import { root } from './project-program.mjs'

const require = createRequire(import.meta.url)

/**
 * The public entry points, read from package.json's `exports` (so a new subpath export is reported
 * as soon as it is declared): the subpath, its declaration file under lib/, its report's name.
 */
const ENTRY_POINTS = Object.entries(require(path.join(root, 'package.json')).exports).flatMap(([key, target]) => {
  const types = target?.require?.types
  if (typeof types !== 'string') return []
  const subpath = key === '.' ? 'bce-iam' : `bce-iam/${key.slice(2)}`
  return [{ subpath, types: types.replace(/^\.\/dist\/cjs\//, 'lib/'), report: subpath.replaceAll('/', '-') }]
})

/** Console messages summarised by the caller (or just noise). */
const QUIET = new Set([
  'console-preamble',
  'console-compiler-version-notice',
  'console-api-report-not-copied',
  'console-api-report-copied',
  'console-api-report-created',
])

/**
 * Runs API Extractor for every entry point over the declarations in `typesDir`; returns whether
 * it reported errors and which reports differ from etc/ (check: not rewritten; update: rewritten).
 * Its diff and warnings go to the console.
 */
export function reportApi(mode, typesDir) {
  if (mode === 'update') mkdirSync(path.join(root, 'etc'), { recursive: true })
  const base = ExtractorConfig.loadFile(path.join(root, 'api-extractor.json'))
  const configs = ENTRY_POINTS.map((entry) =>
    ExtractorConfig.prepare({
      configObject: {
        ...base,
        mainEntryPointFilePath: path.join(typesDir, entry.types),
        apiReport: { ...base.apiReport, reportFileName: entry.report },
      },
      configObjectFullPath: path.join(root, 'api-extractor.json'),
      packageJsonFullPath: path.join(root, 'package.json'),
    }),
  )
  // One TypeScript program for all the entry points.
  const compilerState = CompilerState.create(configs[0], {
    additionalEntryPoints: configs.map((config) => config.mainEntryPointFilePath),
  })
  const changed = []
  let failed = false
  for (const [i, entry] of ENTRY_POINTS.entries()) {
    const result = Extractor.invoke(configs[i], {
      localBuild: mode === 'update',
      printApiReportDiff: mode === 'check',
      compilerState,
      messageCallback: (message) => {
        if (QUIET.has(message.messageId)) message.handled = true
      },
    })
    if (result.apiReportChanged) changed.push(`etc/${entry.report}.api.md (${entry.subpath})`)
    // Warnings (e.g. an unresolved {@link}) are printed; only errors and a changed surface fail.
    if (result.errorCount > 0) failed = true
  }
  return { failed, changed }
}

/** The message printed when `check` finds the public surface changed. */
export const changedMessage = (changed) =>
  [
    '',
    'The public API differs from its committed report:',
    ...changed.map((file) => `  ${file}`),
    '(the diff is above; the new reports are in dist/api-types/report-temp/).',
    'If the change is deliberate, run `npm run api:update`, review the diff of etc/*.api.md,',
    'and commit it with the change (and a CHANGELOG line). Otherwise, undo the change to the surface.',
    '',
  ].join('\n')
