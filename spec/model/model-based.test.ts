import fc from 'fast-check'
import { IamClient } from '../../lib'
import { startEmulator, type RunningEmulator } from '../../lib/emulator'
import { commandArbitraries, type Real } from './commands'
import { IamModel, MODEL_LIMITS } from './iam-model'

let emulator: RunningEmulator
let iam: IamClient
beforeAll(async () => {
  emulator = (await startEmulator({ seed: 1, limits: MODEL_LIMITS }))._unsafeUnwrap()
  iam = new IamClient({
    endpoint: emulator.endpoint,
    credentials: emulator.credentials,
    allowInsecureHttp: true,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  })
})
afterAll(async () => {
  await iam.close()
  await emulator.close()
})

describe('model-based: SDK + emulator against a pure IAM model', () => {
  it('random command sequences give the results the model predicts (100 runs, size medium)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commandArbitraries, { size: 'medium' }), async (commands) => {
        emulator.reset()._unsafeUnwrap()
        emulator.setLimits(MODEL_LIMITS)._unsafeUnwrap()
        const real: Real = { iam }
        await fc.asyncModelRun(() => ({ model: new IamModel(), real }), commands)
      }),
      { numRuns: 100 },
    )
  })
})

describe('model-based under faults: 10% injected 503s and connection resets', () => {
  it('idempotent commands still match the model; creates either match or report an unknown outcome that the state settles', async () => {
    // Without a retry budget and with 8 attempts: this test checks that retries preserve the
    // model's results, not the budget (which, shared across thousands of faulted calls, rightly
    // stops retrying at some point) nor the odds of 4 faults in a row (1e-4 per call at 10%).
    const faultTolerant = new IamClient({
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      allowInsecureHttp: true,
      retry: { maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 5, budget: false },
    })
    const unknownOutcomes = { count: 0 }
    let injected = 0
    await fc.assert(
      fc.asyncProperty(fc.commands(commandArbitraries, { size: 'medium' }), fc.nat(), async (commands, seed) => {
        emulator.reset()._unsafeUnwrap()
        emulator.setLimits(MODEL_LIMITS)._unsafeUnwrap()
        emulator
          .setChaos({ rate: 0.1, faults: [{ type: 'status', status: 503 }, { type: 'reset' }], seed })
          ._unsafeUnwrap()
        await fc.asyncModelRun(
          () => ({ model: new IamModel(), real: { iam: faultTolerant, unknownOutcomes } }),
          commands,
        )
        injected += emulator.faultReport().consumed.length
        emulator.setChaos(undefined)._unsafeUnwrap()
      }),
      { numRuns: 30 },
    )
    await faultTolerant.close()
    expect(injected).toBeGreaterThan(50)
  })
})
