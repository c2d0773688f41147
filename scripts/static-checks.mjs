// The static checks of `npm test` in one process, over one TypeScript program:
//   1. type-check the project (tsconfig.json), as `npm run typecheck`;
//   2. emit its declarations and compare the public API with etc/*.api.md, as `npm run api:check`;
//   3. ESLint over the project with eslint.config.mjs, as `npm run lint:eslint`, its type-aware rules
//      reading types from the SAME program (parserOptions.programs) instead of building and
//      type-checking their own: the checker's work in step 1 is reused, not repeated.
// Prints each step's time; exits non-zero if any step failed (all steps run, so one run reports
// every problem).
import { rmSync } from 'node:fs'
import path from 'node:path'
import { ESLint } from 'eslint'
import { changedMessage, reportApi } from './api-extractor-report.mjs'
import { createProjectProgram, emitDeclarations, root, typecheck } from './project-program.mjs'

const typesDir = path.join(root, 'dist/api-types')
const times = []
let failed = false

/** Runs one step, records its seconds; a step returns false when it failed. */
async function step(name, body) {
  const started = performance.now()
  const ok = await body()
  times.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`)
  if (!ok) {
    failed = true
    console.error(`static checks: ${name} FAILED`)
  }
}

let program
await step('program', () => {
  rmSync(typesDir, { recursive: true, force: true })
  program = createProjectProgram(typesDir)
  return true
})

let typesOk = false
await step('typecheck', () => {
  const errors = typecheck(program)
  if (errors !== '') console.error(errors)
  typesOk = errors === ''
  return typesOk
})

await step('api-report', () => {
  if (!typesOk) {
    console.error('api-report: skipped, it needs a clean typecheck.')
    return false
  }
  const errors = emitDeclarations(program)
  if (errors !== '') {
    console.error(errors)
    return false
  }
  const { failed: extractorFailed, changed } = reportApi('check', typesDir)
  if (changed.length > 0) console.error(changedMessage(changed))
  return !extractorFailed && changed.length === 0
})

await step('eslint', async () => {
  const eslint = new ESLint({
    cwd: root,
    // Type-aware rules read the program above. Every linted .ts file is in it (tsconfig.json's
    // include); a file outside it is an error from the parser, never a silent skip.
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parserOptions: { programs: [program], projectService: false } } },
    ],
  })
  const results = await eslint.lintFiles(['.'])
  const formatter = await eslint.loadFormatter('stylish')
  const output = await formatter.format(results)
  if (output !== '') console.log(output)
  return results.every((result) => result.errorCount === 0 && result.fatalErrorCount === 0)
})

console.log(`static checks: ${times.join(', ')}`)
process.exit(failed ? 1 : 0)
