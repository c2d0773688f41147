import { IamClient, type BceEvent } from '../../lib'
import { closedPort } from '../support/raw-server'
import { json, reset, scriptedServer } from '../support/scripted-server'

const credentials = { accessKeyId: 'ak', secretAccessKey: 'sk' }
const fast = { baseDelayMs: 5, maxDelayMs: 20 }

async function setup(answers: Parameters<typeof scriptedServer>[0], extra: Record<string, unknown> = {}) {
  const server = await scriptedServer(answers)
  const events: BceEvent[] = []
  const iam = new IamClient({
    endpoint: server.url,
    credentials,
    allowInsecureHttp: true,
    retry: fast,
    observe: (e) => events.push(e),
    ...extra,
  })
  return {
    server,
    iam,
    events,
    close: async () => {
      await iam.close()
      await server.close()
    },
  }
}

describe('retries', () => {
  it('retries 503 and 429 for any operation, and succeeds', async () => {
    const t = await setup([json(503, { code: 'ServiceUnavailable' }), json(429, { code: 'Throttling' })], {})
    const user = await t.iam.createUser({ name: 'alice' })
    expect(user.isOk()).toBe(true)
    expect(t.server.seen).toHaveLength(3)
    expect(t.events.map((e) => e.type === 'attempt' && [e.attempt, e.outcome, e.statusCode, e.willRetry])).toEqual([
      [1, 'error', 503, true],
      [2, 'error', 429, true],
      [3, 'success', 200, false],
      false,
    ])
    await t.close()
  })

  it('retries 500/502/504 only for idempotent operations', async () => {
    const t = await setup([json(500, {}), json(502, {}), json(504, {})])
    expect((await t.iam.getUser({ userName: 'alice' })).isOk()).toBe(true)
    expect(t.server.seen).toHaveLength(4)
    await t.close()

    const p = await setup([json(500, { code: 'InternalError' })])
    const error = (await p.iam.createUser({ name: 'alice' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceServiceError', statusCode: 500, attempts: 1, retryable: false })
    expect(p.server.seen).toHaveLength(1)
    await p.close()
  })

  it('gives up after maxAttempts with the last error and its attempt count', async () => {
    const t = await setup(Array.from({ length: 10 }, () => json(503, { code: 'ServiceUnavailable', message: 'busy' })))
    const error = (await t.iam.listUsers())._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceServiceError', code: 'ServiceUnavailable', attempts: 4, retryable: true })
    expect(t.server.seen).toHaveLength(4)
    await t.close()
  })

  it('never retries other 4xx, quota errors included', async () => {
    for (const [status, code] of [
      [409, 'LimitExceeded'],
      [400, 'InvalidHTTPRequest'],
      [403, 'AccessDenied'],
      [404, 'NotFound'],
    ] as const) {
      const t = await setup([json(status, { code })])
      expect((await t.iam.getUser({ userName: 'a' }))._unsafeUnwrapErr()).toMatchObject({ code, attempts: 1 })
      expect(t.server.seen).toHaveLength(1)
      await t.close()
    }
  })

  it('retries a request that never left (connection refused), even a POST', async () => {
    const events: BceEvent[] = []
    const iam = new IamClient({
      endpoint: await closedPort(),
      credentials,
      allowInsecureHttp: true,
      retry: fast,
      observe: (e) => events.push(e),
    })
    const error = (await iam.createUser({ name: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'Network', attempts: 4 })
    expect(error).not.toHaveProperty('outcomeUnknown')
    expect(events.filter((e) => e.type === 'attempt')).toHaveLength(4)
    expect(events.at(-1)).toMatchObject({ type: 'call', outcome: 'error', attempts: 4, reason: 'Network' })
    await iam.close()
  })

  it('does not retry a POST cut off after sending: outcomeUnknown', async () => {
    const t = await setup([reset])
    const error = (await t.iam.createUser({ name: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'Network', attempts: 1, outcomeUnknown: true, retryable: false })
    expect(t.server.seen).toHaveLength(1)
    await t.close()
  })

  it('retries a GET cut off after sending', async () => {
    const t = await setup([reset, reset])
    expect((await t.iam.getUser({ userName: 'a' })).isOk()).toBe(true)
    expect(t.server.seen).toHaveLength(3)
    await t.close()
  })

  it('honours Retry-After in seconds and re-signs every attempt with a fresh timestamp', async () => {
    const t = await setup([json(429, { code: 'Throttling' }, { 'retry-after': '1' })])
    expect((await t.iam.getUser({ userName: 'a' })).isOk()).toBe(true)
    const [first, second] = t.server.seen
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950)
    expect(second!.date).not.toBe(first!.date)
    expect(second!.authorization).not.toBe(first!.authorization)
    expect(t.events[0]).toMatchObject({ retryDelayMs: 1000 })
    await t.close()
  })

  it('stops when the next wait would pass the call deadline', async () => {
    const t = await setup([json(503, {}, { 'retry-after': '5' })])
    const started = Date.now()
    const error = (await t.iam.getUser({ userName: 'a' }, { timeoutMs: 1000 }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ statusCode: 503, attempts: 1 })
    expect(Date.now() - started).toBeLessThan(900)
    await t.close()
  })

  it('resolves to Aborted when the signal fires during a backoff', async () => {
    const t = await setup([json(503, {}, { 'retry-after': '5' })])
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const error = (await t.iam.getUser({ userName: 'a' }, { signal: controller.signal }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'Aborted', attempts: 1 })
    await t.close()
  })

  it('retry: false (per client or per call) sends once', async () => {
    const t = await setup([json(503, {}), json(503, {})], { retry: false })
    expect((await t.iam.listUsers())._unsafeUnwrapErr()).toMatchObject({ attempts: 1 })
    await t.close()
    const c = await setup([json(503, {})])
    expect((await c.iam.listUsers({}, { retry: false }))._unsafeUnwrapErr()).toMatchObject({ attempts: 1 })
    await c.close()
  })

  it('a drained budget stops retries for every call of that client', async () => {
    const t = await setup(
      Array.from({ length: 20 }, () => json(503, {})),
      { retry: { ...fast, budget: { capacity: 10, retryCost: 5 } } },
    )
    expect((await t.iam.listUsers())._unsafeUnwrapErr()).toMatchObject({ attempts: 3 })
    expect((await t.iam.listUsers())._unsafeUnwrapErr()).toMatchObject({ attempts: 1 })
    await t.close()
  })

  it('an observer that throws changes nothing', async () => {
    const t = await setup([json(503, {})], {
      observe: () => {
        throw new Error('boom')
      },
    })
    expect((await t.iam.getUser({ userName: 'a' })).isOk()).toBe(true)
    await t.close()
  })
})

describe('clock skew correction', () => {
  it('learns the offset from Date on RequestExpired, re-signs once, and keeps it for later calls', async () => {
    const serverAhead = 3600_000
    const server = await scriptedServer([], (req, res) => {
      const signedAt = Date.parse(String(req.headers['x-bce-date']))
      const serverNow = Date.now() + serverAhead
      const date = new Date(serverNow).toUTCString()
      if (Math.abs(serverNow - signedAt) > 60_000)
        return json(400, { code: 'RequestExpired', message: 'expired' }, { date })(req, res)
      return json(200, { users: [] }, { date })(req, res)
    })
    const events: BceEvent[] = []
    const iam = new IamClient({
      endpoint: server.url,
      credentials,
      allowInsecureHttp: true,
      observe: (e) => events.push(e),
    })
    expect((await iam.listUsers()).isOk()).toBe(true)
    expect(server.seen).toHaveLength(2)
    const learned = events.find((e) => e.type === 'attempt' && e.clockOffsetMs !== undefined)
    expect(learned?.type === 'attempt' && learned.clockOffsetMs).toBeGreaterThan(serverAhead - 2000)
    expect((await iam.listUsers()).isOk()).toBe(true)
    expect(server.seen).toHaveLength(3)
    await iam.close()
    await server.close()
  })

  it('retries a skew error only once', async () => {
    const t = await setup(
      Array.from({ length: 5 }, () =>
        json(400, { code: 'RequestExpired' }, { date: new Date(Date.now() + 7200_000).toUTCString() }),
      ),
    )
    expect((await t.iam.listUsers())._unsafeUnwrapErr()).toMatchObject({ code: 'RequestExpired', attempts: 2 })
    await t.close()
  })
})
