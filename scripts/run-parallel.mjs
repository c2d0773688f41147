// Runs npm scripts side by side (at most one per CPU core), each with its output buffered and
// printed when it ends, then a table of wall times; exits non-zero if any failed.
//   node scripts/run-parallel.mjs typecheck lint:eslint api:check
// `npm test` uses it for the checks that do not depend on each other, before jest.
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'

const names = process.argv.slice(2)
const slots = Math.max(1, Number(process.env.CHECKS_CONCURRENCY ?? availableParallelism()))
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** Runs one npm script; resolves to its name, exit code, combined output and seconds taken. */
function run(name) {
  const started = process.hrtime.bigint()
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    const done = (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      resolve({ name, code, output: Buffer.concat(output).toString('utf8'), seconds })
    }
    child.on('error', (error) => {
      output.push(Buffer.from(String(error)))
      done(1)
    })
    child.on('close', (code) => done(code ?? 1))
  })
}

const queue = [...names]
const results = []
async function worker() {
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const result = await run(name)
    const mark = result.code === 0 ? 'ok' : `FAILED (exit ${result.code})`
    process.stdout.write(`\n> ${name}: ${mark}, ${result.seconds.toFixed(1)} s\n${result.output}`)
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
