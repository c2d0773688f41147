import { IamClient } from '../../lib'
import { closedPort, rawServer, singleAttemptClient, type RawServer } from '../support/raw-server'

const credentials = { accessKeyId: 'ak', secretAccessKey: 'sk' }
const clientFor = singleAttemptClient

let server: RawServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('transport failures become BceClientError', () => {
  it('connection refused is a retryable Network error for any operation (nothing was sent)', async () => {
    const iam = clientFor(await closedPort())
    for (const result of [await iam.getUser({ userName: 'a' }), await iam.createUser({ name: 'a' })]) {
      const error = result._unsafeUnwrapErr()
      expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'Network', retryable: true, attempts: 1 })
      expect(error).not.toHaveProperty('outcomeUnknown')
      expect(error._tag === 'BceClientError' && (error.cause as { code?: string }).code).toBe('ECONNREFUSED')
    }
    await iam.close()
  })

  it('a stalled answer hits the headers timeout; a POST then has an unknown outcome', async () => {
    server = await rawServer(() => undefined)
    const iam = clientFor(server.url, { headersTimeoutMs: 150 })
    expect((await iam.getUser({ userName: 'a' }))._unsafeUnwrapErr()).toMatchObject({
      reason: 'Timeout',
      retryable: true,
    })
    const post = (await iam.createUser({ name: 'a' }))._unsafeUnwrapErr()
    expect(post).toMatchObject({ reason: 'Timeout', retryable: false, outcomeUnknown: true })
    expect(post.message).toContain('may have been applied')
    await iam.close()
  })

  it('the per-call timeoutMs bounds the whole call', async () => {
    server = await rawServer(() => undefined)
    const iam = clientFor(server.url)
    const started = Date.now()
    const error = (await iam.listUsers({}, { timeoutMs: 120 }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'Timeout', message: 'the call exceeded its timeout' })
    expect(Date.now() - started).toBeLessThan(5_000)
    await iam.close()
  })

  it('a slow body hits the body timeout', async () => {
    server = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      res.write('{"users":[')
    })
    const iam = clientFor(server.url, { bodyTimeoutMs: 150 })
    expect((await iam.listUsers())._unsafeUnwrapErr()).toMatchObject({ reason: 'Timeout', statusCode: 200 })
    await iam.close()
  })

  it('a caller abort resolves to Aborted, and a pre-aborted signal sends nothing', async () => {
    server = await rawServer(() => undefined)
    const iam = clientFor(server.url)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    expect((await iam.getUser({ userName: 'a' }, { signal: controller.signal }))._unsafeUnwrapErr()).toMatchObject({
      reason: 'Aborted',
      retryable: false,
    })
    const hitsBefore = server.hits()
    expect((await iam.getUser({ userName: 'a' }, { signal: AbortSignal.abort() }))._unsafeUnwrapErr()).toMatchObject({
      reason: 'Aborted',
    })
    expect(server.hits()).toBe(hitsBefore)
    await iam.close()
  })

  it('a connection reset after the request was sent leaves a POST outcome unknown', async () => {
    server = await rawServer((req) => req.socket.resetAndDestroy())
    const iam = clientFor(server.url)
    expect((await iam.getUser({ userName: 'a' }))._unsafeUnwrapErr()).toMatchObject({
      reason: 'Network',
      retryable: true,
    })
    expect((await iam.createUser({ name: 'a' }))._unsafeUnwrapErr()).toMatchObject({
      reason: 'Network',
      retryable: false,
      outcomeUnknown: true,
    })
    await iam.close()
  })

  it('a truncated body is a Network error carrying the status', async () => {
    server = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-length': '500' })
      res.write('{"users":[')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const iam = clientFor(server.url)
    expect((await iam.listUsers())._unsafeUnwrapErr()).toMatchObject({ reason: 'Network', statusCode: 200 })
    await iam.close()
  })
})

describe('configuration problems never throw', () => {
  it.each([
    ['plain http without allowInsecureHttp', { endpoint: 'http://127.0.0.1:1', credentials }],
    ['a non-http scheme', { endpoint: 'ftp://example.com', credentials }],
    ['an endpoint with a path', { endpoint: 'https://iam.example.com/v1', credentials }],
    ['user info in the endpoint', { endpoint: 'https://u:p@iam.example.com', credentials }],
    ['an unparsable endpoint', { endpoint: 'https://[::1', credentials }],
    ['a negative timeout', { credentials, timeoutMs: -1 }],
    ['a NaN headers timeout', { credentials, headersTimeoutMs: Number.NaN }],
    ['a non-dispatcher', { credentials, dispatcher: {} }],
    ['zero connections', { credentials, maxConnections: 0 }],
    ['no configuration at all', undefined],
  ])('%s → InvalidConfig on create and on every call', async (_label, config) => {
    const created = IamClient.create(config as never)
    expect(created._unsafeUnwrapErr()).toMatchObject({ _tag: 'BceClientError', reason: 'InvalidConfig' })
    const iam = new IamClient(config as never)
    expect((await iam.getUser({ userName: 'a' }))._unsafeUnwrapErr()).toMatchObject({
      reason: 'InvalidConfig',
      operation: 'getUser',
    })
    expect((await iam.close()).isOk()).toBe(true)
  })

  it.each([
    ['missing secret', { accessKeyId: 'a' }],
    ['empty access key', { accessKeyId: '', secretAccessKey: 's' }],
    ['a number', 42],
    [
      'expired session credentials',
      { accessKeyId: 'a', secretAccessKey: 's', sessionToken: 't', expiration: new Date(0) },
    ],
  ])('%s → Credentials error naming the problem but no value', async (_label, creds) => {
    const iam = new IamClient({ credentials: creds as never })
    const error = (await iam.listUsers())._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'Credentials', operation: 'listUsers' })
    expect(JSON.stringify(error)).not.toMatch(/"s"|"t"/)
  })

  it('defaults to the https Beijing endpoint and accepts a bare host as https', () => {
    expect(IamClient.create({ credentials }).isOk()).toBe(true)
    expect(IamClient.create({ credentials, endpoint: 'iam.bj.baidubce.com' }).isOk()).toBe(true)
  })
})
