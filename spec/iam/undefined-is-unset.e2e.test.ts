import { IAM_ENDPOINT, IamClient } from '../../lib'
import { countingDispatcher, withEmulator, type EmulatorFixture } from '../support/emulator'

/**
 * An optional field or option given as `undefined` is unset (the types say `?: T | undefined`):
 * nothing is sent for it and no default is overridden. Over sockets to the emulator.
 */
let fx: EmulatorFixture
beforeEach(async () => {
  fx = await withEmulator({ seed: 15 })
})
afterEach(async () => {
  await fx.close()
})

/** A client on `fx`'s emulator whose request bodies (and origins) are recorded as sent. */
function recordingClient(): { iam: IamClient; bodies: string[]; close: () => Promise<void> } {
  const bodies: string[] = []
  const recording = countingDispatcher((options) => {
    const { body } = options
    if (typeof body === 'string') bodies.push(body)
    else if (body instanceof Uint8Array) bodies.push(Buffer.from(body).toString('utf8'))
    return options
  })
  const iam = new IamClient({
    endpoint: fx.emulator.endpoint,
    credentials: fx.emulator.credentials,
    allowInsecureHttp: true,
    dispatcher: recording.dispatcher,
  })
  return { iam, bodies, close: async () => (await iam.close(), await recording.close()) }
}

describe('undefined optional inputs are unset', () => {
  it('createUser({ name, description: undefined }) sends no description', async () => {
    const { iam, bodies, close } = recordingClient()
    try {
      const description: string | undefined = undefined
      const created = await iam.createUser({ name: 'alice', description })
      expect(created.isOk()).toBe(true)
      expect(bodies.map((body) => JSON.parse(body) as unknown)).toEqual([{ name: 'alice' }])
    } finally {
      await close()
    }
  })

  it('updateUser with description undefined keeps the description and changes the rest', async () => {
    ;(await fx.iam.createUser({ name: 'bob', description: 'ops' }))._unsafeUnwrap()
    const updated = await fx.iam.updateUser({ userName: 'bob', description: undefined, enabled: false })
    expect(updated._unsafeUnwrap()).toMatchObject({ name: 'bob', description: 'ops', enabled: false })
  })

  it('call options given as undefined keep the client defaults', async () => {
    const got = await fx.iam.listUsers({}, { timeoutMs: undefined, signal: undefined, retry: undefined })
    expect(got._unsafeUnwrap()).toEqual([])
  })
})

describe('undefined client options are unset', () => {
  it('IamClient.create accepts every optional option as undefined', () => {
    const created = IamClient.create({
      endpoint: undefined,
      credentials: fx.emulator.credentials,
      allowInsecureHttp: undefined,
      timeoutMs: undefined,
      connectTimeoutMs: undefined,
      headersTimeoutMs: undefined,
      bodyTimeoutMs: undefined,
      maxConnections: undefined,
      dispatcher: undefined,
      userAgent: undefined,
      retry: undefined,
      observe: undefined,
    })
    expect(created.isOk()).toBe(true)
    if (created.isOk()) void created.value.close()
  })

  it('new IamClient({ endpoint: undefined }) calls the default endpoint', async () => {
    const origins: string[] = []
    const redirect = countingDispatcher((options) => {
      origins.push(String(options.origin))
      return { ...options, origin: fx.emulator.endpoint }
    })
    const iam = new IamClient({
      endpoint: undefined,
      credentials: fx.emulator.credentials,
      dispatcher: redirect.dispatcher,
      retry: { maxAttempts: undefined, budget: { capacity: undefined } },
    })
    try {
      const listed = await iam.listUsers()
      expect(listed._unsafeUnwrap()).toEqual([])
      expect(origins).toEqual([new URL(IAM_ENDPOINT).origin])
    } finally {
      await iam.close()
      await redirect.close()
    }
  })
})
