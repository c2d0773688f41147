/**
 * A jest test file as you would write it in your own project: the emulator per suite, a clean
 * account per test, `bce-iam/jest` matchers on Results, and a fast retry policy for injected
 * faults. This repository's `npm test` runs it (jest `roots` include `examples/jest`).
 */
import { IamClient } from 'bce-iam'
import { startEmulator, type RunningEmulator } from 'bce-iam/emulator'
import { bceMatchers } from 'bce-iam/jest'

expect.extend(bceMatchers)

let emulator: RunningEmulator
let iam: IamClient

beforeAll(async () => {
  emulator = (await startEmulator({ seed: 1 }))._unsafeUnwrap()
  iam = new IamClient({
    endpoint: emulator.endpoint,
    credentials: emulator.credentials,
    allowInsecureHttp: true,
    // Injected faults are retried: a tiny backoff keeps each test in milliseconds.
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  })
})
beforeEach(() => {
  emulator.reset()
})
afterAll(async () => {
  await iam.close()
  await emulator.close()
})

describe('users (an example suite for bce-iam/jest)', () => {
  it('creates a user, then reads it back', async () => {
    await expect(iam.createUser({ name: 'alice' })).toBeOk()
    const alice = await iam.getUser({ userName: 'alice' })
    expect(alice).toBeOk()
    expect(alice._unsafeUnwrap().name).toBe('alice')
  })

  it('a user that does not exist is NotFound', async () => {
    await expect(iam.getUser({ userName: 'nobody' })).toBeErrKind('NotFound')
  })

  it('input the service would refuse fails before sending', async () => {
    await expect(iam.getUser({ userName: '' })).toBeErrKind('InvalidInput')
    expect(emulator.requestLog()).toEqual([])
  })

  it('a 503 is retried, and the call still succeeds', async () => {
    await expect(iam.createUser({ name: 'bob' })).toBeOk()
    emulator.injectFaults([{ operation: 'getUser', fault: { type: 'status', status: 503 }, times: 1 }])
    await expect(iam.getUser({ userName: 'bob' })).toBeOk()
    expect(emulator.faultReport().consumed).toHaveLength(1)
  })
})
