import { Pool } from 'undici'
import { IamClient, type IamClientConfig } from '../../lib'
import { rawServer, type RawServer } from '../support/raw-server'

const credentials = { accessKeyId: 'ak', secretAccessKey: 'sk' }

let server: RawServer
/** How many requests arrived that the server will answer late (or never). */
let held = 0
let release: (() => void)[] = []
/** When set, every request is held without an answer. */
let stallAll = false

beforeAll(async () => {
  server = await rawServer((req, res) => {
    const answer = (): void => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"id":"u1","name":"alice"}')
    }
    if (stallAll || req.url?.includes('stall') === true) held += 1
    else if (req.url?.includes('slow') === true) release.push(answer)
    else if (req.url?.includes('busy') === true) {
      res.writeHead(503, { 'retry-after': '10', 'content-type': 'application/json' })
      res.end('{"code":"ServiceUnavailable","message":"busy"}')
    } else answer()
  })
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  held = 0
  release = []
  stallAll = false
})

function client(extra: Partial<IamClientConfig> = {}): IamClient {
  return new IamClient({ endpoint: server.url, credentials, allowInsecureHttp: true, timeoutMs: 8_000, ...extra })
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5))
}

describe('close() (issue 11, SDK 9)', () => {
  it('by default waits for the calls in flight: they complete, then close resolves', async () => {
    const iam = client()
    const order: string[] = []
    const call = iam.getUser({ userName: 'slow' }).then((result) => {
      order.push(result.isOk() ? 'call ok' : `call ${String(result._unsafeUnwrapErr())}`)
    })
    await until(() => release.length === 1)
    const closing = iam.close().then(() => order.push('closed'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(order).toEqual([])
    release.forEach((answer) => {
      answer()
    })
    await Promise.all([call, closing])
    expect(order).toEqual(['call ok', 'closed'])
  })

  it('with force, aborts every call in flight: each resolves to Aborted (creates flagged outcomeUnknown)', async () => {
    const iam = client()
    stallAll = true
    const read = iam.getUser({ userName: 'stall' })
    const create = iam.createUser({ name: 'stall' })
    await until(() => held === 2)
    const closed = await iam.close({ force: true })
    expect(closed.isOk()).toBe(true)
    const [readError, createError] = [(await read)._unsafeUnwrapErr(), (await create)._unsafeUnwrapErr()]
    expect(readError).toMatchObject({ _tag: 'BceClientError', reason: 'Aborted', retryable: false, attempts: 1 })
    expect(readError).not.toHaveProperty('outcomeUnknown')
    expect(createError).toMatchObject({ _tag: 'BceClientError', reason: 'Aborted', outcomeUnknown: true })
    expect(readError.message).toContain('client was closed')
  })

  it('with force, wakes a call waiting to retry, which resolves to Aborted without sending again', async () => {
    const iam = client({ timeoutMs: 30_000, retry: { maxRetryAfterMs: 10_000 } })
    const call = iam.getUser({ userName: 'busy' })
    const before = server.hits()
    await until(() => server.hits() === before + 1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await iam.close({ force: true })
    const error = (await call)._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'Aborted', attempts: 1 })
    expect(error.message).toContain('waiting to retry')
    expect(server.hits()).toBe(before + 1)
  })

  it('after a forced close, calls resolve to Aborted without sending anything', async () => {
    const iam = client()
    expect((await iam.getUser({ userName: 'alice' })).isOk()).toBe(true)
    await iam.close({ force: true })
    const before = server.hits()
    for (const result of [await iam.getUser({ userName: 'alice' }), await iam.createUser({ name: 'alice' })]) {
      const error = result._unsafeUnwrapErr()
      expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'Aborted', retryable: false })
      expect(error).not.toHaveProperty('outcomeUnknown')
    }
    expect(server.hits()).toBe(before)
    expect((await iam.close({ force: true })).isOk()).toBe(true)
    expect((await iam.close()).isOk()).toBe(true)
  })

  it('after a graceful close, calls resolve at once to Aborted without sending or retrying', async () => {
    const iam = client({ retry: { baseDelayMs: 2_000, maxDelayMs: 2_000 } })
    expect((await iam.getUser({ userName: 'alice' })).isOk()).toBe(true)
    await iam.close()
    const before = server.hits()
    for (const result of [await iam.getUser({ userName: 'alice' }), await iam.createUser({ name: 'alice' })]) {
      const error = result._unsafeUnwrapErr()
      // One attempt, refused locally: a retry would have waited 2 s and hit undici's destroyed pool.
      expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'Aborted', retryable: false, attempts: 1 })
      expect(error.message).toContain('client was closed')
      expect(error).not.toHaveProperty('outcomeUnknown')
    }
    expect(server.hits()).toBe(before)
  })

  it('with a dispatcher the user supplied, aborts this client’s calls but leaves the dispatcher open', async () => {
    const pool = new Pool(server.url)
    const iam = client({ dispatcher: pool })
    const other = client({ dispatcher: pool })
    const read = iam.getUser({ userName: 'stall' })
    await until(() => held === 1)
    await iam.close({ force: true })
    expect((await read)._unsafeUnwrapErr()).toMatchObject({ reason: 'Aborted' })
    expect((await other.getUser({ userName: 'alice' })).isOk()).toBe(true)
    await pool.destroy()
  })

  it('never rejects, whatever the options', async () => {
    const iam = client()
    for (const options of [undefined, null, 42, 'force', { force: 'yes' }, { force: true }]) {
      expect((await iam.close(options as never)).isOk()).toBe(true)
    }
  })
})
