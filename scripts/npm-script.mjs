// Runs one npm script as a child process with its output buffered: the building block of
// scripts/run-parallel.mjs (npm run check) and scripts/test.mjs (npm test).
import { spawn } from 'node:child_process'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** Runs `npm run <name>`; resolves to its name, exit code, combined output and seconds taken. */
export function runNpmScript(name) {
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

/** Prints a finished script's output under a one-line header with its verdict and time. */
export function printResult(result) {
  const mark = result.code === 0 ? 'ok' : `FAILED (exit ${result.code})`
  process.stdout.write(`\n> ${result.name}: ${mark}, ${result.seconds.toFixed(1)} s\n${result.output}`)
}
