import { IamClient, type IamClientConfig } from '../../lib'
import { rawServer, type RawServer } from '../support/raw-server'

const credentials = { accessKeyId: 'ak', secretAccessKey: 'sk' }
const LARGEST = 2 ** 31 - 1

let server: RawServer
beforeAll(async () => {
  // Answers after 150 ms: a timer that Node clamped to 1 ms would fire long before.
  server = await rawServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"id":"u1","name":"alice"}')
    }, 150)
  })
})
afterAll(async () => {
  await server.close()
})

function client(extra: Partial<IamClientConfig> = {}): IamClient {
  return new IamClient({ endpoint: server.url, credentials, allowInsecureHttp: true, retry: false, ...extra })
}

const invalid: [string, number][] = [
  ['2^31', 2 ** 31],
  ['2^53', 2 ** 53],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['NaN', Number.NaN],
  ['0', 0],
  ['-1', -1],
  ['-Infinity', Number.NEGATIVE_INFINITY],
]

describe('timeouts of 2^31 ms or more are rejected, not fired at once (issue 11, SDK 4)', () => {
  it.each(invalid)('per call, timeoutMs %s is InvalidInput and nothing is sent', async (_name, timeoutMs) => {
    const iam = client()
    const before = server.hits()
    const error = (await iam.getUser({ userName: 'alice' }, { timeoutMs }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'InvalidInput', retryable: false })
    expect(error._tag === 'BceClientError' && error.issues?.map((i) => i.path)).toEqual(['options.timeoutMs'])
    expect(server.hits()).toBe(before)
    await iam.close()
  })

  it.each(['timeoutMs', 'connectTimeoutMs', 'headersTimeoutMs', 'bodyTimeoutMs'] as const)(
    'per client, %s of 2^31, Infinity, NaN, 0 or -1 is an InvalidConfig from create() and from every call',
    async (field) => {
      for (const [, value] of invalid) {
        const created = IamClient.create({ endpoint: server.url, credentials, allowInsecureHttp: true, [field]: value })
        expect(created._unsafeUnwrapErr()).toMatchObject({ reason: 'InvalidConfig' })
        expect(created._unsafeUnwrapErr().message).toContain(field)
        const iam = client({ [field]: value })
        const before = server.hits()
        expect((await iam.getUser({ userName: 'alice' }))._unsafeUnwrapErr()).toMatchObject({
          reason: 'InvalidConfig',
        })
        expect(server.hits()).toBe(before)
      }
    },
  )

  it('2^31 − 1 ms, the largest timer Node honours, is accepted per call and per client and does not fire early', async () => {
    const iam = client({
      timeoutMs: LARGEST,
      connectTimeoutMs: LARGEST,
      headersTimeoutMs: LARGEST,
      bodyTimeoutMs: LARGEST,
    })
    expect((await iam.getUser({ userName: 'alice' })).isOk()).toBe(true)
    expect((await iam.getUser({ userName: 'alice' }, { timeoutMs: LARGEST })).isOk()).toBe(true)
    await iam.close()
  })
})
