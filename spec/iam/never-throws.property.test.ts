import fc from 'fast-check'
import { IamClient, type BceError } from '../../lib'
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

/** What a settled call may hold: neverthrow's Result, seen through the methods we read. */
interface Settled {
  isOk(): boolean
  isErr(): boolean
  value?: unknown
  error?: BceError
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The kinds a call on the emulator's own users can meet, with valid credentials. */
const SERVICE_KINDS = ['NotFound', 'AlreadyExists', 'Conflict', 'InvalidRequest', 'LimitExceeded']

/** Checks a settled call against what its input allows, beyond "it is Ok or Err". */
function expectMeaningful(method: Method, input: unknown, options: unknown, result: Settled): void {
  if (result.isOk()) {
    expect(result.isErr()).toBe(false)
    // Only a record (or no input at all for listUsers) can be a valid input.
    expect(isRecord(input) || (method === 'listUsers' && input === undefined)).toBe(true)
    if (method === 'deleteUser') expect(result.value).toBeUndefined()
    else if (method === 'listUsers') expect(Array.isArray(result.value)).toBe(true)
    else expect(result.value).toMatchObject({ id: expect.any(String), name: expect.any(String) })
    return
  }
  expect(result.isErr()).toBe(true)
  const error = result.error!
  expect(Object.isFrozen(error)).toBe(true)
  expect(error.operation).toBe(method)
  expect(String(error)).toMatch(new RegExp(`^${error._tag} `))
  if (error._tag === 'BceServiceError') {
    expect(SERVICE_KINDS).toContain(error.kind)
    expect(error.statusCode).toBeGreaterThanOrEqual(400)
    expect(error.statusCode).toBeLessThan(500)
    expect(error.attempts).toBe(1)
    return
  }
  expect(error._tag).toBe('BceClientError')
  if (error.reason === 'Timeout') {
    // Only a caller-supplied small timeout can time a loopback emulator out.
    expect(isRecord(options) && typeof options.timeoutMs === 'number' && options.timeoutMs < 1000).toBe(true)
    return
  }
  expect(error.reason).toBe('InvalidInput')
  expect(error.attempts).toBe(0)
  expect(error.retryable).toBe(false)
}

describe('no client method throws or rejects, whatever it is given', () => {
  it('property: every call returns at once and settles to a value of the right shape or a meaningful error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), inputArb, optionsArb, async (method, input, options) => {
        const call = (fx.iam[method] as (i: unknown, o: unknown) => PromiseLike<Settled>).bind(fx.iam)
        let pending: PromiseLike<Settled> | undefined
        expect(() => {
          pending = call(input, options)
        }).not.toThrow()
        expect(typeof pending?.then).toBe('function')
        const result = await pending!
        expectMeaningful(method, input, options, result)
        // An input that is not a record never reaches the service.
        if (!isRecord(input) && !(method === 'listUsers' && input === undefined) && result.isErr()) {
          expect(result.error).toMatchObject({ _tag: 'BceClientError' })
        }
      }),
      { numRuns: 150 },
    )
  })

  it('property: arbitrary configurations never make the constructor or a call throw; the call reports the configuration', async () => {
    // No ambient credentials: the environment and ~/.bce of whoever runs the suite stay out of it.
    const saved = process.env
    const {
      BCE_ACCESS_KEY_ID: _ak,
      BCE_SECRET_ACCESS_KEY: _sk,
      BCE_SECURITY_TOKEN: _token,
      BCE_PROFILE: _profile,
      ...rest
    } = saved
    process.env = { ...rest, HOME: '/nonexistent-home-for-bce-iam-tests' }
    try {
      await assertConfigurationsReported()
    } finally {
      process.env = saved
    }
  })
})

async function assertConfigurationsReported(): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.anything(), async (config) => {
      let iam: IamClient | undefined
      expect(() => {
        iam = new IamClient(config as never)
      }).not.toThrow()
      const result = await iam!.listUsers({}, { timeoutMs: 200 })
      // No arbitrary value is a complete configuration (credentials, and a reachable endpoint):
      // the call fails before anything is sent.
      expect(result.isErr()).toBe(true)
      const error = result._unsafeUnwrapErr()
      expect(error).toMatchObject({ _tag: 'BceClientError', operation: 'listUsers', attempts: 0 })
      expect(['InvalidConfig', 'Credentials']).toContain(error._tag === 'BceClientError' ? error.reason : '')
      await iam!.close()
    }),
    { numRuns: 100 },
  )
}
