import { startEmulator } from '../lib/emulator'
import { assumeRole } from './assume-role'
import type { Example } from './context'
import { effect } from './effect'
import { errorMatching } from './error-matching'
import { fpTs } from './fp-ts'
import { iamAsCode } from './iam-as-code'
import { leastPrivilege } from './least-privilege'
import { otel } from './otel'
import { provisioning } from './provisioning'
import { quickstart } from './quickstart'
import { testingWithTheEmulator } from './testing-with-the-emulator'

/** Every runnable example by name. */
export const EXAMPLES: Readonly<Record<string, Example>> = {
  quickstart,
  'error-matching': errorMatching,
  provisioning,
  'assume-role': assumeRole,
  'least-privilege': leastPrivilege,
  'testing-with-the-emulator': testingWithTheEmulator,
  'fp-ts': fpTs,
  effect,
  otel,
  'iam-as-code': iamAsCode,
}

/** Starts the embedded emulator, runs one example against it, and stops the emulator. */
async function main(name: string | undefined): Promise<number> {
  const example = name === undefined ? undefined : EXAMPLES[name]
  if (example === undefined) {
    process.stderr.write(`usage: npm run example -- <${Object.keys(EXAMPLES).join('|')}>\n`)
    return 2
  }
  const started = await startEmulator()
  if (started.isErr()) {
    process.stderr.write(`cannot start the emulator: ${started.error.message}\n`)
    return 1
  }
  const emulator = started.value
  process.stdout.write(`emulator listening on ${emulator.endpoint}\n`)
  const passed = await example({
    endpoint: emulator.endpoint,
    stsEndpoint: emulator.stsEndpoint,
    accountId: emulator.accountId,
    credentials: emulator.credentials,
    log: (line) => process.stdout.write(`${line}\n`),
  })
  await emulator.close()
  process.stdout.write(passed ? `${name}: every step behaved as expected\n` : `${name}: some steps failed\n`)
  return passed ? 0 : 1
}

if (require.main === module) {
  void main(process.argv[2]).then((code) => {
    process.exitCode = code
  })
}
