import fc from 'fast-check'
import { IamClient } from '../../lib'
import { withEmulator, type EmulatorFixture } from '../support/emulator'

let fx: EmulatorFixture
beforeAll(async () => {
  fx = await withEmulator()
})
afterAll(async () => {
  await fx.close()
})

type Method = 'createUser' | 'getUser' | 'updateUser' | 'deleteUser' | 'listUsers'
const methods: Method[] = ['createUser', 'getUser', 'updateUser', 'deleteUser', 'listUsers']

const inputArb = fc.oneof(
  fc.anything(),
  fc.record(
    { name: fc.anything(), userName: fc.anything(), description: fc.anything(), enabled: fc.anything() },
    { requiredKeys: [] },
  ),
  fc.record({ name: fc.string({ maxLength: 300 }), userName: fc.string({ maxLength: 300 }), description: fc.string() }),
)
const optionsArb = fc.oneof(
  fc.constant(undefined),
  fc.anything(),
  fc.record({ timeoutMs: fc.oneof(fc.integer(), fc.double()), signal: fc.anything() }, { requiredKeys: [] }),
)

describe('no client method throws or rejects, whatever it is given', () => {
  it('property: every call settles to Ok or to a tagged error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), inputArb, optionsArb, async (method, input, options) => {
        const call = (fx.iam[method] as (i: unknown, o: unknown) => PromiseLike<unknown>).bind(fx.iam)
        type Settled = { isOk(): boolean; isErr(): boolean; error?: { _tag?: string } } | undefined
        expect(() => {
          void call(input, options)
        }).not.toThrow()
        const result = (await call(input, options)) as Settled
        expect(result?.isOk() || result?.isErr()).toBe(true)
        if (result?.isErr()) expect(['BceClientError', 'BceServiceError']).toContain(result.error?._tag)
      }),
      { numRuns: 150 },
    )
  })

  it('property: arbitrary configurations never make the constructor or a call throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (config) => {
        const iam = new IamClient(config as never)
        const result = await iam.listUsers({}, { timeoutMs: 200 })
        expect(result.isOk() || result.isErr()).toBe(true)
        await iam.close()
      }),
      { numRuns: 100 },
    )
  })
})
