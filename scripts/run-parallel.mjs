// Runs npm scripts side by side (at most one per CPU core), each with its output buffered and
// printed when it ends, then a table of wall times; exits non-zero if any failed.
//   node scripts/run-parallel.mjs check:static lint:prettier
// `npm run check` uses it; `npm test` runs the same checks beside jest (scripts/test.mjs).
import { availableParallelism } from 'node:os'
import { printResult, runNpmScript } from './npm-script.mjs'

const names = process.argv.slice(2)
const slots = Math.max(1, Number(process.env.CHECKS_CONCURRENCY ?? availableParallelism()))

const queue = [...names]
const results = []
async function worker() {
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const result = await runNpmScript(name)
    printResult(result)
    results.push(result)
  }
}

const startedAll = process.hrtime.bigint()
await Promise.all(Array.from({ length: Math.min(slots, names.length) }, worker))
const total = Number(process.hrtime.bigint() - startedAll) / 1e9
console.log(
  `\nchecks: ${results.map((r) => `${r.name} ${r.seconds.toFixed(1)} s`).join(', ')}; ` +
    `${total.toFixed(1)} s wall on ${slots} slot(s)`,
)
const failed = results.filter((r) => r.code !== 0).map((r) => r.name)
if (failed.length > 0) {
  console.error(`checks failed: ${failed.join(', ')}`)
  process.exit(1)
}
