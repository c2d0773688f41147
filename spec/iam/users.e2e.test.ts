import { IamClient, type BceError } from '../../lib'
import { countingDispatcher, withEmulator, type EmulatorFixture } from '../support/emulator'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
beforeEach(async () => {
  fx = await withEmulator({ seed: 7 }, { observe: declared.observe })
})
afterEach(async () => {
  await fx.close()
})

const serviceError = (error: BceError) => {
  if (error._tag !== 'BceServiceError') throw new Error(`expected a service error, got ${String(error)}`)
  return error
}

describe('user operations against the emulator', () => {
  it('creates, reads, updates, lists and deletes a user', async () => {
    const created = (await fx.iam.createUser({ name: 'alice', description: 'ops' }))._unsafeUnwrap()
    expect(created).toMatchObject({ name: 'alice', description: 'ops', enabled: true })
    expect(created.id).toMatch(/^[0-9a-f]{32}$/)
    expect(created.createTime).toBeInstanceOf(Date)

    expect((await fx.iam.getUser({ userName: 'alice' }))._unsafeUnwrap()).toEqual(created)

    const updated = (await fx.iam.updateUser({ userName: 'alice', description: 'sre', enabled: false }))._unsafeUnwrap()
    expect(updated).toMatchObject({ id: created.id, name: 'alice', description: 'sre', enabled: false })

    const renamed = (await fx.iam.updateUser({ userName: 'alice', name: 'alicia' }))._unsafeUnwrap()
    expect(renamed).toMatchObject({ id: created.id, name: 'alicia', description: 'sre' })

    const listed = (await fx.iam.listUsers())._unsafeUnwrap()
    expect(listed.map((u) => u.name)).toEqual(['alicia'])

    expect((await fx.iam.deleteUser({ userName: 'alicia' }))._unsafeUnwrap()).toBeUndefined()
    expect((await fx.iam.listUsers())._unsafeUnwrap()).toEqual([])
  })

  it('reports a duplicate create as AlreadyExists (409 EntityAlreadyExists) with a request id', async () => {
    await fx.iam.createUser({ name: 'bob' })
    const error = serviceError((await fx.iam.createUser({ name: 'bob' }))._unsafeUnwrapErr())
    expect(error).toMatchObject({
      kind: 'AlreadyExists',
      code: 'EntityAlreadyExists',
      statusCode: 409,
      operation: 'createUser',
      attempts: 1,
      retryable: false,
    })
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it.each([
    ['getUser', (iam: IamClient) => iam.getUser({ userName: 'ghost' })],
    ['updateUser', (iam: IamClient) => iam.updateUser({ userName: 'ghost', description: 'x' })],
    ['deleteUser', (iam: IamClient) => iam.deleteUser({ userName: 'ghost' })],
  ] as const)('reports a missing user in %s as NotFound (404)', async (operation, call) => {
    const error = serviceError((await call(fx.iam))._unsafeUnwrapErr())
    expect(error).toMatchObject({ kind: 'NotFound', code: 'NotFound', statusCode: 404, operation })
  })

  it('refuses to rename a user onto an existing name', async () => {
    await fx.iam.createUser({ name: 'a' })
    await fx.iam.createUser({ name: 'b' })
    const error = serviceError((await fx.iam.updateUser({ userName: 'a', name: 'b' }))._unsafeUnwrapErr())
    expect(error.kind).toBe('AlreadyExists')
  })

  it('round-trips names made of any allowed characters through per-segment encoding', async () => {
    const names = ['user name~1', '测试', 'a+b=c&d', '%2e%2e', 'semi;colon', 'quote\'"', 'emoji😀', '.hidden', '...']
    for (const name of names) {
      expect((await fx.iam.createUser({ name }))._unsafeUnwrap().name).toBe(name)
      expect((await fx.iam.getUser({ userName: name }))._unsafeUnwrap().name).toBe(name)
    }
    const listed = (await fx.iam.listUsers())._unsafeUnwrap().map((u) => u.name)
    expect(new Set(listed)).toEqual(new Set(names))
  })
})

describe('input validation happens before anything is sent', () => {
  const invalidNames = [
    '',
    '.',
    '..',
    'a/b',
    'a\\b',
    'a?b',
    'a#b',
    'tab\there',
    'nul\u0000',
    'del\u007f',
    'x'.repeat(256),
    'lone\ud800',
  ]

  it.each(invalidNames.map((n) => [JSON.stringify(n).slice(0, 30), n]))(
    'rejects %s with InvalidInput and sends nothing',
    async (_label, name) => {
      const counter = countingDispatcher()
      const iam = new IamClient({
        endpoint: fx.emulator.endpoint,
        credentials: fx.emulator.credentials,
        allowInsecureHttp: true,
        dispatcher: counter.dispatcher,
      })
      for (const result of [
        await iam.getUser({ userName: name }),
        await iam.createUser({ name }),
        await iam.deleteUser({ userName: name }),
      ]) {
        const error = result._unsafeUnwrapErr()
        expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'InvalidInput', attempts: 0 })
        expect(error._tag === 'BceClientError' && error.issues?.[0]?.path).toMatch(/^input\.(userName|name)$/)
      }
      expect(counter.count()).toBe(0)
      await counter.close()
    },
  )

  it('accepts a 255-character name and sends it', async () => {
    const name = 'n'.repeat(255)
    expect((await fx.iam.createUser({ name }))._unsafeUnwrap().name).toBe(name)
  })

  it('reports every invalid field, not only the first', async () => {
    const error = (
      await fx.iam.updateUser({ userName: '', name: '..', enabled: 'yes' as unknown as boolean })
    )._unsafeUnwrapErr()
    expect(error._tag === 'BceClientError' && error.issues?.map((i) => i.path)).toEqual([
      'input.userName',
      'input.name',
      'input.enabled',
    ])
  })
})

describe('the emulator authenticates every request', () => {
  it('rejects a request whose signed header was changed in flight with SignatureDoesNotMatch', async () => {
    const tamper = countingDispatcher((options) => ({
      ...options,
      path: options.path.replace('/v1/user/alice', '/v1/user/mallory'),
    }))
    const iam = new IamClient({
      endpoint: fx.emulator.endpoint,
      credentials: fx.emulator.credentials,
      allowInsecureHttp: true,
      dispatcher: tamper.dispatcher,
    })
    const error = serviceError((await iam.getUser({ userName: 'alice' }))._unsafeUnwrapErr())
    expect(error).toMatchObject({ kind: 'AuthFailure', code: 'SignatureDoesNotMatch', statusCode: 400 })
    expect(tamper.count()).toBe(1)
    await tamper.close()
  })

  it('rejects a request with a wrong secret with SignatureDoesNotMatch', async () => {
    const iam = new IamClient({
      endpoint: fx.emulator.endpoint,
      credentials: { ...fx.emulator.credentials, secretAccessKey: 'wrong' },
      allowInsecureHttp: true,
    })
    expect(serviceError((await iam.listUsers())._unsafeUnwrapErr()).code).toBe('SignatureDoesNotMatch')
    await iam.close()
  })

  it('rejects an unknown access key with 403 InvalidAccessKeyId', async () => {
    const iam = new IamClient({
      endpoint: fx.emulator.endpoint,
      credentials: { accessKeyId: 'nobody', secretAccessKey: 'x' },
      allowInsecureHttp: true,
    })
    expect(serviceError((await iam.listUsers())._unsafeUnwrapErr())).toMatchObject({
      code: 'InvalidAccessKeyId',
      statusCode: 403,
      kind: 'AuthFailure',
    })
    await iam.close()
  })

  it('rejects a signature older than its 1800 s validity with RequestExpired', async () => {
    fx.emulator.setClockOffset(31 * 60 * 1000)
    expect(serviceError((await fx.iam.listUsers({}, { retry: false }))._unsafeUnwrapErr())).toMatchObject({
      code: 'RequestExpired',
      statusCode: 400,
      kind: 'AuthFailure',
    })
  })

  it('rejects a timestamp more than 15 minutes in the future with RequestExpired', async () => {
    fx.emulator.setClockOffset(-16 * 60 * 1000)
    expect(serviceError((await fx.iam.listUsers({}, { retry: false }))._unsafeUnwrapErr()).code).toBe('RequestExpired')
    fx.emulator.setClockOffset(-14 * 60 * 1000)
    expect((await fx.iam.listUsers({}, { retry: false })).isOk()).toBe(true)
  })

  it('with retries on, the client learns the emulator clock from its Date header and recovers', async () => {
    fx.emulator.setClockOffset(2 * 3600 * 1000)
    expect((await fx.iam.listUsers()).isOk()).toBe(true)
    const log = fx.emulator.requestLog()
    expect(log.map((entry) => entry.code ?? entry.status)).toEqual(['RequestExpired', 200])
    expect((await fx.iam.listUsers()).isOk()).toBe(true)
    expect(fx.emulator.requestLog()).toHaveLength(3)
  })
})
