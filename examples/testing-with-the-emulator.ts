import { errAsync, IamClient } from 'bce-iam'
import { startEmulator } from 'bce-iam/emulator'
import type { ExampleContext } from './context'

/**
 * How to use the emulator in your own test suite. In jest:
 *
 * ```ts
 * import { startEmulator, type RunningEmulator } from 'bce-iam/emulator'
 * let emulator: RunningEmulator
 * beforeAll(async () => { emulator = (await startEmulator({ seed: 1 }))._unsafeUnwrap() })
 * beforeEach(() => { emulator.reset() })                 // a clean account per test
 * afterAll(async () => { await emulator.close() })
 * ```
 *
 * This example does the same steps inline: its own emulator with a seed and a tiny key limit,
 * the code under test, assertions on results, on the request log and on injected faults.
 */
export async function testingWithTheEmulator({ log }: ExampleContext): Promise<boolean> {
  const started = await startEmulator({ seed: 42, limits: { accessKeysPerUser: 1 } })
  if (started.isErr()) {
    log(`✗ cannot start an emulator: ${started.error.message}`)
    return false
  }
  const emulator = started.value
  const iam = new IamClient({ endpoint: emulator.endpoint, credentials: emulator.credentials, allowInsecureHttp: true })
  const checks: Array<[string, boolean]> = []

  // The code under test: rotate a user's only key.
  const rotate = (userName: string) =>
    iam.createAccessKey({ userName }).orElse((e) =>
      e._tag === 'BceServiceError' && e.kind === 'LimitExceeded'
        ? iam
            .listAccessKeys({ userName })
            .andThen((keys) => iam.deleteAccessKey({ userName, accessKeyId: keys[0]?.id ?? '' }))
            .andThen(() => iam.createAccessKey({ userName }))
        : errAsync(e),
    )

  await iam.createUser({ name: 'ci-bot' })
  const first = await rotate('ci-bot')
  const second = await rotate('ci-bot')
  checks.push([
    'rotation yields a new key each time',
    first.isOk() && second.isOk() && first.value.id !== second.value.id,
  ])
  checks.push([
    'the request log shows the limit was hit once',
    emulator.requestLog().filter((e) => e.code === 'LimitExceeded').length === 1,
  ])

  // Faults: the next getUser gets a 503, which the SDK retries.
  emulator.injectFaults([{ operation: 'getUser', fault: { type: 'status', status: 503 } }])
  const afterFault = await iam.getUser({ userName: 'ci-bot' })
  checks.push([
    'an injected 503 is retried transparently',
    afterFault.isOk() && emulator.faultReport().consumed.length === 1,
  ])

  // A clean slate between tests.
  emulator.reset()
  checks.push(['reset wipes the account', (await iam.listUsers()).map((users) => users.length === 0).unwrapOr(false)])

  for (const [label, passed] of checks) log(`${passed ? '✓' : '✗'} ${label}`)
  await iam.close()
  await emulator.close()
  return checks.every(([, passed]) => passed)
}
