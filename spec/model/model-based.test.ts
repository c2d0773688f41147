import fc from 'fast-check'
import { IamClient } from '../../lib'
import { startEmulator, type RunningEmulator } from '../../lib/emulator'
import { commandArbitraries, type Real } from './commands'
import { IamModel, MODEL_LIMITS } from './iam-model'

let emulator: RunningEmulator
let iam: IamClient
beforeAll(async () => {
  emulator = (await startEmulator({ seed: 1, limits: MODEL_LIMITS }))._unsafeUnwrap()
  iam = new IamClient({ endpoint: emulator.endpoint, credentials: emulator.credentials, allowInsecureHttp: true, retry: { baseDelayMs: 1, maxDelayMs: 5 } })
})
afterAll(async () => {
  await iam.close()
  await emulator.close()
})

describe('model-based: SDK + emulator against a pure IAM model', () => {
  it('random command sequences give the results the model predicts (100 runs, size medium)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commandArbitraries, { size: 'medium' }), async (commands) => {
        await emulator.reset()
        await emulator.setLimits(MODEL_LIMITS)
        const real: Real = { iam }
        await fc.asyncModelRun(() => ({ model: new IamModel(), real }), commands)
      }),
      { numRuns: 100 },
    )
  })
})
