// The API report of bce-iam's public entry points: every subpath of package.json's `exports`.
//   node scripts/api-report.mjs check   fails when the public surface differs from etc/*.api.md
//   node scripts/api-report.mjs update  rewrites etc/*.api.md (review the diff, commit it)
// Both first type-check the whole project with tsc (tsconfig.json, as `npm run typecheck` does)
// and emit its declarations into dist/api-types/, so `npm test` needs a single tsc pass for the
// typecheck and the report. (Not into node_modules/.cache: API Extractor would take declarations
// there for an external package's.)
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const typesDir = path.join(root, 'dist/api-types')
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

const mode = process.argv[2]
if (mode !== 'check' && mode !== 'update') {
  console.error('usage: node scripts/api-report.mjs check|update')
  process.exit(2)
}

/** Type-checks the project and emits its declaration files; exits on a type error. */
function emitDeclarations() {
  rmSync(typesDir, { recursive: true, force: true })
  const tsc = require.resolve('typescript/bin/tsc')
  const args = ['-p', 'tsconfig.json', '--emitDeclarationOnly', '--outDir', typesDir]
  try {
    execFileSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'pipe' })
  } catch (error) {
    console.error(`${error.stdout ?? error}\napi-report: type errors (above); the API report needs a clean typecheck.`)
    process.exit(1)
  }
}

const started = performance.now()
emitDeclarations()
const typechecked = performance.now()

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
// One TypeScript program for the three entry points.
const compilerState = CompilerState.create(configs[0], {
  additionalEntryPoints: configs.map((config) => config.mainEntryPointFilePath),
})

/** Console messages summarised below (or just noise). */
const QUIET = new Set([
  'console-preamble',
  'console-compiler-version-notice',
  'console-api-report-not-copied',
  'console-api-report-copied',
  'console-api-report-created',
])

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

const seconds = (from, to) => ((to - from) / 1000).toFixed(1)
console.log(
  `api-report: typecheck ${seconds(started, typechecked)} s, API Extractor ${seconds(typechecked, performance.now())} s`,
)

if (mode === 'check' && changed.length > 0) {
  console.error(
    [
      '',
      'The public API differs from its committed report:',
      ...changed.map((file) => `  ${file}`),
      '(the diff is above; the new reports are in dist/api-types/report-temp/).',
      'If the change is deliberate, run `npm run api:update`, review the diff of etc/*.api.md,',
      'and commit it with the change (and a CHANGELOG line). Otherwise, undo the change to the surface.',
      '',
    ].join('\n'),
  )
  process.exit(1)
}
if (mode === 'update' && changed.length > 0 && !failed) console.log(`api-report: updated ${changed.join(', ')}`)
process.exit(failed ? 1 : 0)
