// `npm test`: the checks of `npm run check` (static checks and Prettier, output buffered) and jest
// (output streamed) at the same time, instead of one after the other: on two cores the checks'
// single-threaded type-checking and linting overlap with the jest workers. Every argument goes to
// jest (`npm test -- --json --outputFile=r.json`, as .ci/run does). Exits non-zero if any of them
// failed; jest's exit code and result file are its own.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { printResult, runNpmScript } from './npm-script.mjs'

const CHECKS = ['check:static', 'lint:prettier']
const require = createRequire(import.meta.url)
const started = process.hrtime.bigint()
const since = () => Number(process.hrtime.bigint() - started) / 1e9

/** Runs jest with the given arguments, its output going straight to ours. */
function runJest(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit' })
    child.on('error', (error) => {
      console.error(String(error))
      resolve({ name: 'jest', code: 1, seconds: since() })
    })
    child.on('close', (code) => resolve({ name: 'jest', code: code ?? 1, seconds: since() }))
  })
}

const checks = CHECKS.map((name) =>
  runNpmScript(name).then((result) => {
    printResult(result)
    return result
  }),
)
const results = await Promise.all([runJest(process.argv.slice(2)), ...checks])

console.log(
  `\nnpm test: ${results.map((r) => `${r.name} ${r.seconds.toFixed(1)} s`).join(', ')}; ${since().toFixed(1)} s wall`,
)
const failed = results.filter((r) => r.code !== 0).map((r) => r.name)
if (failed.length > 0) {
  console.error(`npm test failed: ${failed.join(', ')}`)
  process.exit(1)
}
