// The API report of bce-iam's public entry points: every subpath of package.json's `exports`.
//   node scripts/api-report.mjs check   fails when the public surface differs from etc/*.api.md
//   node scripts/api-report.mjs update  rewrites etc/*.api.md (review the diff, commit it)
// Both first type-check the whole project (tsconfig.json, as `npm run typecheck` does) and emit its
// declarations into dist/api-types/ with scripts/project-program.mjs. (Not into node_modules/.cache:
// API Extractor would take declarations there for an external package's.) `npm test` runs the same
// check inside scripts/static-checks.mjs, sharing the program with ESLint.
import { rmSync } from 'node:fs'
import path from 'node:path'
import { changedMessage, reportApi } from './api-extractor-report.mjs'
import { createProjectProgram, emitDeclarations, root, typecheck } from './project-program.mjs'

const typesDir = path.join(root, 'dist/api-types')

const mode = process.argv[2]
if (mode !== 'check' && mode !== 'update') {
  console.error('usage: node scripts/api-report.mjs check|update')
  process.exit(2)
}

const started = performance.now()
rmSync(typesDir, { recursive: true, force: true })
const program = createProjectProgram(typesDir)
const errors = typecheck(program) || emitDeclarations(program)
if (errors !== '') {
  console.error(`${errors}\napi-report: type errors (above); the API report needs a clean typecheck.`)
  process.exit(1)
}
const typechecked = performance.now()

const { failed, changed } = reportApi(mode, typesDir)

const seconds = (from, to) => ((to - from) / 1000).toFixed(1)
console.log(
  `api-report: typecheck ${seconds(started, typechecked)} s, API Extractor ${seconds(typechecked, performance.now())} s`,
)

if (mode === 'check' && changed.length > 0) {
  console.error(changedMessage(changed))
  process.exit(1)
}
if (mode === 'update' && changed.length > 0 && !failed) console.log(`api-report: updated ${changed.join(', ')}`)
process.exit(failed ? 1 : 0)
