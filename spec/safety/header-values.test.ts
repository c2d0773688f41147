import { okAsync } from 'neverthrow'
import { Pool, type Dispatcher } from 'undici'
import { fromEnv, IamClient, type BceError, type IamClientConfig } from '../../lib'
import { rawServer, type RawServer } from '../support/raw-server'

let server: RawServer
beforeAll(async () => {
  server = await rawServer((_req, res) => {
    res.writeHead(201, { 'content-type': 'application/json' })
    res.end('{"id":"u1","name":"alice"}')
  })
})
afterAll(async () => {
  await server.close()
})

function config(extra: Partial<IamClientConfig>): IamClientConfig {
  return {
    endpoint: server.url,
    credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' },
    allowInsecureHttp: true,
    retry: { baseDelayMs: 1 },
    ...extra,
  }
}

/** Runs a retried read and a non-idempotent create; asserts both fail alike without sending a byte. */
async function expectRefusedBeforeSending(iam: IamClient, reason: string): Promise<BceError[]> {
  const before = server.hits()
  const errors = [
    (await iam.getUser({ userName: 'alice' }))._unsafeUnwrapErr(),
    (await iam.createUser({ name: 'alice' }))._unsafeUnwrapErr(),
  ]
  for (const error of errors) {
    expect(error).toMatchObject({ _tag: 'BceClientError', reason, retryable: false, attempts: 0 })
    expect(error).not.toHaveProperty('outcomeUnknown')
  }
  expect(server.hits()).toBe(before)
  await iam.close()
  return errors
}

const badTokens: [string, string][] = [
  ['CR/LF (header injection)', 'token\r\nx-injected: 1'],
  ['a bare LF', 'token\nmore'],
  ['a NUL', 'tok\u0000en'],
  ['a non-Latin-1 character', 'token\u4e2d'],
  ['a DEL', 'token\u007f'],
]

const badAccessKeyIds: [string, string][] = [
  ['a non-Latin-1 character', 'ak\u4e2d'],
  ['a Latin-1 letter', 'ak\u00e9'],
  ['a control character', 'ak\u0001'],
  ['CR/LF', 'ak\r\n'],
]

describe('values that cannot form a header are refused up front (issue 11, SDK 7)', () => {
  it.each(badTokens)(
    'a static session token with %s is a Credentials error at create() and at call time',
    async (_what, token) => {
      const cfg = config({ credentials: { accessKeyId: 'ak', secretAccessKey: 'sk', sessionToken: token } })
      const created = IamClient.create(cfg)
      expect(created._unsafeUnwrapErr()).toMatchObject({ reason: 'Credentials' })
      expect(created._unsafeUnwrapErr().message).toContain('sessionToken')
      const errors = await expectRefusedBeforeSending(new IamClient(cfg), 'Credentials')
      for (const error of errors) expect(JSON.stringify(error)).not.toContain(JSON.stringify(token).slice(1, -1))
    },
  )

  it.each(badAccessKeyIds)(
    'a static access key id with %s is a Credentials error at create() and at call time',
    async (_what, accessKeyId) => {
      const cfg = config({ credentials: { accessKeyId, secretAccessKey: 'sk' } })
      expect(IamClient.create(cfg)._unsafeUnwrapErr()).toMatchObject({ reason: 'Credentials' })
      await expectRefusedBeforeSending(new IamClient(cfg), 'Credentials')
    },
  )

  it.each([
    ['CR/LF', 'my-app/1.0\r\nx-injected: 1'],
    ['a NUL', 'my-app\u0000'],
    ['a non-Latin-1 character', 'my-app/\u4e2d'],
  ])('a user agent with %s is an InvalidConfig at create() and at call time', async (_what, userAgent) => {
    const cfg = config({ userAgent })
    expect(IamClient.create(cfg)._unsafeUnwrapErr()).toMatchObject({ reason: 'InvalidConfig' })
    await expectRefusedBeforeSending(new IamClient(cfg), 'InvalidConfig')
  })

  it('credentials resolved at call time (a provider, the environment) are checked the same way', async () => {
    const fromProvider = new IamClient(
      config({
        credentials: () => okAsync({ accessKeyId: 'ak', secretAccessKey: 'sk', sessionToken: 'tok\r\nx: y' }),
      }),
    )
    expect(
      IamClient.create(config({ credentials: () => okAsync({ accessKeyId: 'ak', secretAccessKey: 'sk' }) })).isOk(),
    ).toBe(true)
    await expectRefusedBeforeSending(fromProvider, 'Credentials')
    const env = { BCE_ACCESS_KEY_ID: 'ak\u4e2d', BCE_SECRET_ACCESS_KEY: 'sk', BCE_SECURITY_TOKEN: 'tok' }
    await expectRefusedBeforeSending(new IamClient(config({ credentials: fromEnv(env) })), 'Credentials')
  })

  it('valid headers still go out: visible ASCII, spaces and tabs in token and user agent', async () => {
    const iam = new IamClient(
      config({
        credentials: { accessKeyId: 'AKID-0123_abc.XYZ~', secretAccessKey: 'sk\u4e2d', sessionToken: 'a b\tc+/=' },
        userAgent: 'my-app/1.0 (linux; x64)',
      }),
    )
    expect((await iam.getUser({ userName: 'alice' })).isOk()).toBe(true)
    await iam.close()
  })

  it('a request undici refuses to form is never retried nor marked outcomeUnknown: nothing was sent', async () => {
    // A dispatcher that adds a header undici rejects, standing for any request that cannot be formed.
    const pool = new Pool(server.url)
    const dispatcher = pool.compose(
      (dispatch: Dispatcher['dispatch']) => (options, handler) =>
        dispatch(
          { ...options, headers: { ...(options.headers as Record<string, string>), 'x-bad': 'a\r\nb' } },
          handler,
        ),
    )
    const iam = new IamClient(config({ dispatcher }))
    const before = server.hits()
    for (const result of [await iam.getUser({ userName: 'alice' }), await iam.createUser({ name: 'alice' })]) {
      const error = result._unsafeUnwrapErr()
      expect(error).toMatchObject({ _tag: 'BceClientError', retryable: false, attempts: 1 })
      expect(error).not.toHaveProperty('outcomeUnknown')
      expect(error.message).toContain('not sent')
    }
    expect(server.hits()).toBe(before)
    await pool.close()
  })
})
