import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { err, ResultAsync } from 'neverthrow'
import { defaultCredentials, fromProfile, MAX_CORRELATION_CHARS, type BceEvent } from '../../lib'
import { execute } from '../../lib/client/execute'
import { makeClientError } from '../../lib/errors/make'
import { createUser, getUser } from '../../lib/iam/user-operations'
import { answer, failure, fakeRuntime, sequence, USER } from './fake-runtime'

const fast = { baseDelayMs: 0, maxDelayMs: 0 }
const rid = (id: string): Record<string, string> => ({ 'x-bce-request-id': id })

function recorder(): { events: BceEvent[]; observe: (e: BceEvent) => void } {
  const events: BceEvent[] = []
  return { events, observe: (e) => events.push(e) }
}

describe('a success attempt event', () => {
  it('carries the status and the x-bce-request-id of the answer', async () => {
    const { events, observe } = recorder()
    const { runtime } = fakeRuntime({ observe }, sequence(answer(200, USER, rid('req-ok-1'))))
    expect((await execute(runtime, getUser, { userName: 'a' })).isOk()).toBe(true)
    expect(events[0]).toMatchObject({ type: 'attempt', outcome: 'success', statusCode: 200, requestId: 'req-ok-1' })
  })
})

describe('the call event', () => {
  it('one per call, last, with attempts, total retry delay, every request id and the final status', async () => {
    const { events, observe } = recorder()
    const { runtime } = fakeRuntime(
      { observe, retry: { baseDelayMs: 4, maxDelayMs: 100 } },
      sequence(
        answer(503, { code: 'ServiceUnavailable' }, rid('r-1')),
        failure('Network', false),
        answer(200, USER, rid('r-3')),
      ),
    )
    expect((await execute(runtime, getUser, { userName: 'a' })).isOk()).toBe(true)
    expect(events.map((e) => e.type)).toEqual(['attempt', 'attempt', 'attempt', 'call'])
    const { durationMs, ...call } = events[3] as BceEvent & { durationMs: number }
    expect(durationMs).toBeGreaterThanOrEqual(0)
    // random is 0.5 in the fake runtime: full jitter of 4 then 8 ms.
    expect(call).toStrictEqual({
      type: 'call',
      operation: 'getUser',
      outcome: 'success',
      attempts: 3,
      retryDelayMs: 6,
      requestIds: ['r-1', 'r-3'],
      statusCode: 200,
    })
  })

  it('an error call names the final kind, code and status', async () => {
    const { events, observe } = recorder()
    const { runtime } = fakeRuntime(
      { observe, retry: fast },
      sequence(answer(404, { code: 'NoSuchEntity', requestId: 'r-404' })),
    )
    await execute(runtime, getUser, { userName: 'a' })
    expect(events.at(-1)).toMatchObject({
      type: 'call',
      outcome: 'error',
      attempts: 1,
      kind: 'NotFound',
      code: 'NoSuchEntity',
      statusCode: 404,
      requestIds: ['r-404'],
    })
  })

  it.each([
    ['invalid input', {}, { name: '' }, 'InvalidInput'],
    ['invalid call options', {}, { name: 'a', options: { timeoutMs: -1 } }, 'InvalidInput'],
    [
      'a failing credentials provider',
      {
        credentials: () =>
          new ResultAsync(
            Promise.resolve(err(makeClientError({ reason: 'Credentials', message: 'x', operation: 'x' }))),
          ),
      },
      { name: 'a' },
      'Credentials',
    ],
  ])(
    'a call failing before sending (%s) still reports one call event, attempts 0',
    async (_l, config, call, reason) => {
      const { events, observe } = recorder()
      const { runtime, sent } = fakeRuntime({ ...config, observe }, sequence(answer(200, USER)))
      const { options, ...input } = call as { name: string; options?: object }
      const error = (await execute(runtime, createUser, input, options as never))._unsafeUnwrapErr()
      expect(error).toMatchObject({ reason })
      expect(sent).toHaveLength(0)
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({
        type: 'call',
        operation: 'createUser',
        outcome: 'error',
        attempts: 0,
        retryDelayMs: 0,
        requestIds: [],
        reason,
      })
    },
  )

  it('a misconfigured client still reports the call to the call’s own observer', async () => {
    const { events, observe } = recorder()
    const broken = err(makeClientError({ reason: 'InvalidConfig', message: 'bad endpoint', operation: 'configure' }))
    await execute(broken, getUser, { userName: 'a' }, { observe, correlation: 'job-1' })
    expect(events).toEqual([
      expect.objectContaining({ type: 'call', attempts: 0, reason: 'InvalidConfig', correlation: 'job-1' }),
    ])
  })
})

describe('correlation', () => {
  it('is echoed in every attempt and call event of that call, and in no other call', async () => {
    const { events, observe } = recorder()
    const { runtime } = fakeRuntime(
      { observe, retry: fast },
      sequence(answer(503, { code: 'ServiceUnavailable' }), answer(200, USER)),
    )
    await execute(runtime, getUser, { userName: 'a' }, { correlation: 'trace 42' })
    expect(events.map((e) => e.type !== 'warning' && e.correlation)).toEqual(['trace 42', 'trace 42', 'trace 42'])
    events.length = 0
    await execute(runtime, getUser, { userName: 'a' })
    expect(events.some((e) => 'correlation' in e)).toBe(false)
  })

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(MAX_CORRELATION_CHARS + 1)],
    ['a control character', 'a\nb'],
    ['not a string', 42],
  ])('%s is InvalidInput at options.correlation, nothing sent', async (_label, correlation) => {
    const { runtime, sent } = fakeRuntime({}, sequence(answer(200, USER)))
    const error = (await execute(runtime, getUser, { userName: 'a' }, { correlation } as never))._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'InvalidInput', issues: [{ path: 'options.correlation' }] })
    expect(sent).toHaveLength(0)
  })

  it(`accepts ${MAX_CORRELATION_CHARS} characters`, async () => {
    const { runtime } = fakeRuntime({}, sequence(answer(200, USER)))
    const correlation = 'x'.repeat(MAX_CORRELATION_CHARS)
    expect((await execute(runtime, getUser, { userName: 'a' }, { correlation })).isOk()).toBe(true)
  })
})

describe('a per-call observer', () => {
  it('sees its call’s events, after the client observer, and nothing of other calls', async () => {
    const order: string[] = []
    const client = (e: BceEvent): void => void order.push(`client:${e.type}`)
    const { events, observe } = recorder()
    const own = (e: BceEvent): void => {
      order.push(`own:${e.type}`)
      observe(e)
    }
    const { runtime } = fakeRuntime({ observe: client }, sequence(answer(200, USER, rid('r-9'))))
    await execute(runtime, getUser, { userName: 'a' }, { observe: own })
    await execute(runtime, getUser, { userName: 'b' })
    expect(order).toEqual(['client:attempt', 'own:attempt', 'client:call', 'own:call', 'client:attempt', 'client:call'])
    expect(events.at(-1)).toMatchObject({ type: 'call', requestIds: ['r-9'], attempts: 1 })
  })

  it('works without a client observer, and one that throws changes nothing', async () => {
    const { runtime } = fakeRuntime({}, sequence(answer(200, USER)))
    const throwing = (): never => {
      throw new Error('observer bug')
    }
    expect((await execute(runtime, getUser, { userName: 'a' }, { observe: throwing })).isOk()).toBe(true)
  })

  it('that is not a function is InvalidInput at options.observe', async () => {
    const { runtime } = fakeRuntime({}, sequence(answer(200, USER)))
    const error = (await execute(runtime, getUser, { userName: 'a' }, { observe: 'x' } as never))._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'InvalidInput', issues: [{ path: 'options.observe' }] })
  })
})

describe('credential-provider warnings reach the client’s observers', () => {
  let dir: string
  let file: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bce-warn-'))
    file = join(dir, 'config.json')
    const profile = { name: 'dev', mode: 'AK', access_key_id: 'ak', secret_access_key: 'sk' }
    await writeFile(file, JSON.stringify({ current: 'dev', profiles: [profile] }))
    await chmod(file, 0o640)
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it.each([
    ['fromProfile', () => fromProfile({ file })],
    ['defaultCredentials', () => defaultCredentials({ file, env: {} })],
  ])('%s: a group-readable profile file is a warning to the client and the call observers', async (_l, provider) => {
    const client = recorder()
    const own = recorder()
    const { runtime } = fakeRuntime({ observe: client.observe, credentials: provider() }, sequence(answer(200, USER)))
    expect((await execute(runtime, getUser, { userName: 'a' }, { observe: own.observe })).isOk()).toBe(true)
    for (const { events } of [client, own]) {
      expect(events.map((e) => e.type)).toEqual(['warning', 'attempt', 'call'])
      expect(events[0]).toMatchObject({ source: 'credentials', message: expect.stringContaining('chmod 600') })
    }
  })

  it('the provider’s own observer gets it once, also when it is the client’s', async () => {
    const { events, observe } = recorder()
    const { runtime } = fakeRuntime(
      { observe, credentials: fromProfile({ file, observe }) },
      sequence(answer(200, USER)),
    )
    await execute(runtime, getUser, { userName: 'a' })
    expect(events.filter((e) => e.type === 'warning')).toHaveLength(1)
  })
})
