import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { IamClient } from '../../lib'
import { SWEPT_DEADLINE_MIN_MS } from '../../lib/http/deadline-sweep'
import { MAX_RESPONSE_BYTES } from '../../lib/http/transport'
import { rawServer, singleAttemptClient, type RawServer } from '../support/raw-server'

const credentials = { accessKeyId: 'ak', secretAccessKey: 'sk' }
const clientFor = singleAttemptClient

let server: RawServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('the dispatch-based transport', () => {
  it('a body over the size limit is a Network error carrying the status', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20)
    server = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const write = (left: number): void => {
        if (left <= 0) return void res.end()
        if (res.write(chunk)) write(left - 1)
        else res.once('drain', () => write(left - 1))
      }
      write(MAX_RESPONSE_BYTES / chunk.length + 2)
    })
    const iam = clientFor(server.url)
    const error = (await iam.listUsers())._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'Network', statusCode: 200, retryable: true })
    expect(error.message).toContain(`exceeds ${MAX_RESPONSE_BYTES} bytes`)
    await iam.close()
  })

  it('a call queued behind a stalled one times out on time and is never sent', async () => {
    server = await rawServer(() => undefined)
    const iam = clientFor(server.url, { maxConnections: 1 })
    const first = iam.getUser({ userName: 'a' }, { timeoutMs: 1_000 })
    const started = Date.now()
    const second = (await iam.getUser({ userName: 'b' }, { timeoutMs: 100 }))._unsafeUnwrapErr()
    expect(second).toMatchObject({ reason: 'Timeout', message: 'the call exceeded its timeout' })
    expect(Date.now() - started).toBeLessThan(800)
    expect((await first)._unsafeUnwrapErr()).toMatchObject({ reason: 'Timeout' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(server.hits()).toBe(1)
    await iam.close()
  })

  it('a distant deadline, left to the transport sweep, still ends a stalled call, not before it passes', async () => {
    server = await rawServer(() => undefined)
    const iam = clientFor(server.url)
    // Far enough above the threshold that the time spent before sending cannot bring it below.
    const timeoutMs = SWEPT_DEADLINE_MIN_MS + 300
    const started = performance.now()
    const error = (await iam.getUser({ userName: 'a' }, { timeoutMs }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'Timeout', message: 'the call exceeded its timeout' })
    expect(performance.now() - started).toBeGreaterThanOrEqual(timeoutMs - 1)
    await iam.close()
  })

  it('calls with distant deadlines share one sweep instead of a timer each', async () => {
    server = await rawServer(() => undefined)
    const iam = clientFor(server.url, { maxConnections: 20 })
    const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length
    const before = timers()
    const calls = Array.from({ length: 20 }, (_, i) => iam.getUser({ userName: `u${i}` }, { timeoutMs: 60_000 }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(timers() - before).toBeLessThan(5)
    await iam.close({ force: true })
    expect((await Promise.all(calls)).every((result) => result.isErr())).toBe(true)
  })

  it('a caller abort while the body streams is Aborted with the status', async () => {
    server = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      res.write('{"users":[')
    })
    const iam = clientFor(server.url)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const error = (await iam.listUsers({}, { signal: controller.signal }))._unsafeUnwrapErr()
    expect(error).toMatchObject({
      reason: 'Aborted',
      statusCode: 200,
      retryable: false,
      message: 'the call was aborted by its signal',
    })
    await iam.close()
  })

  it('a caller abort reason is summarised as the cause, and a POST cut off is outcome-unknown', async () => {
    server = await rawServer(() => undefined)
    const iam = clientFor(server.url)
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('user gave up')), 50)
    const error = (await iam.createUser({ name: 'a' }, { signal: controller.signal }))._unsafeUnwrapErr()
    expect(error).toMatchObject({
      reason: 'Aborted',
      outcomeUnknown: true,
      cause: { name: 'Error', message: 'user gave up' },
    })
    await iam.close()
  })

  it('the deadline reports an AbortError cause, as before', async () => {
    server = await rawServer(() => undefined)
    const iam = clientFor(server.url)
    const error = (await iam.getUser({ userName: 'a' }, { timeoutMs: 50 }))._unsafeUnwrapErr()
    expect(error).toMatchObject({
      reason: 'Timeout',
      cause: { name: 'AbortError', message: 'This operation was aborted' },
    })
    await iam.close()
  })

  it('a dispatcher that throws becomes a Network error, never a throw', async () => {
    const dispatcher = {
      request: () => Promise.reject(new Error('unused')),
      dispatch: () => {
        throw new Error('boom')
      },
      close: () => Promise.resolve(),
    }
    const iam = new IamClient({ credentials, dispatcher: dispatcher as never, retry: false })
    const error = (await iam.getUser({ userName: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'Network', cause: { message: 'boom' } })
  })

  it('a dispatcher without dispatch() is an InvalidConfig', async () => {
    const iam = new IamClient({ credentials, dispatcher: { request: () => undefined } as never })
    expect((await iam.getUser({ userName: 'a' }))._unsafeUnwrapErr()).toMatchObject({ reason: 'InvalidConfig' })
  })

  it('a client closed before its first request refuses it, unsent, as after any close', async () => {
    server = await rawServer((_req, res) => res.end('{"id":"1","name":"a"}'))
    const iam = clientFor(server.url)
    await iam.close()
    const error = (await iam.getUser({ userName: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'Aborted', retryable: false, attempts: 1, cause: { name: 'ClientClosed' } })
    expect(server.hits()).toBe(0)
  })

  it('importing the SDK does not load undici (it loads on the first request)', () => {
    const repo = path.resolve(__dirname, '../..')
    const script =
      "require('./lib');const loaded=()=>Object.keys(require.cache).some((k)=>k.includes('/node_modules/undici/'));" +
      "const before=loaded();require('./lib/http/load-undici').loadUndici();process.stdout.write(JSON.stringify([before,loaded()]))"
    const out = execFileSync(process.execPath, ['-r', require.resolve('tsx/cjs'), '-e', script], {
      cwd: repo,
      encoding: 'utf8',
    })
    expect(JSON.parse(out)).toEqual([false, true])
  })
})
