import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { CliIo } from '../../lib/cli/io'

const ROOT = join(__dirname, '..', '..')
const MAIN = join(ROOT, 'lib', 'cli', 'main.ts')

/** An io that records what is written and answers confirmations with `answer`. */
export function fakeIo(options: { tty: boolean; answer?: boolean; env?: Record<string, string> }) {
  const out: string[] = []
  const err: string[] = []
  const questions: string[] = []
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    isTty: options.tty,
    stdinIsTty: options.tty,
    confirm: (question) => {
      questions.push(question)
      return Promise.resolve(options.answer ?? false)
    },
    env: options.env ?? {},
  }
  return { io, out: () => out.join(''), err: () => err.join(''), questions }
}

/** What a spawned CLI did. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Spawns `bce-iam ARGS` (through tsx, from the repository root) with only PATH, HOME and `env`
 * in its environment (HOME is a test folder: no profile file of the machine running the tests).
 */
export function spawnCli(args: readonly string[], home: string, env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', MAIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: home, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}
