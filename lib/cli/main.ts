#!/usr/bin/env node
import { createInterface } from 'node:readline/promises'
import { parseArgs } from './args'
import { runEmulator } from './emulator'
import { errorText } from './error-text'
import type { CliIo } from './io'
import { runCommand } from './run'
import { USAGE } from './usage'

/** Whether a stream is a terminal (`isTTY` is absent, not false, when it is not). */
function isTerminal(stream: { readonly isTTY?: boolean | undefined }): boolean {
  return stream.isTTY === true
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim())
  } finally {
    rl.close()
  }
}

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: isTerminal(process.stdout),
  stdinIsTty: isTerminal(process.stdin),
  confirm,
  env: process.env,
}

const parsed = parseArgs(process.argv.slice(2), process.env)
if (parsed.isErr()) {
  process.stderr.write(`error: ${parsed.error}\n\n${USAGE}\n`)
  process.exitCode = 1
} else if (parsed.value.command === 'emulator') {
  runEmulator(parsed.value.argv)
} else {
  runCommand(parsed.value, io).then(
    (code) => {
      process.exitCode = code
    },
    (cause: unknown) => {
      process.stderr.write(errorText(cause))
      process.exitCode = 1
    },
  )
}
