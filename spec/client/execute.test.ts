import { err, ok, ResultAsync } from 'neverthrow'
import type { BceEvent } from '../../lib'
import { refreshingProvider } from '../../lib/auth/refreshing-provider'
import { execute } from '../../lib/client/execute'
import { MAX_TIMEOUT_MS } from '../../lib/client/runtime'
import { SigningClock } from '../../lib/auth/signing-clock'
import { makeClientError } from '../../lib/errors/make'
import { createUser, deleteUser, getUser } from '../../lib/iam/user-operations'
import { answer, failure, fakeRuntime, sequence, USER } from './fake-runtime'

const fast = { baseDelayMs: 0, maxDelayMs: 0 }

afterEach(() => {
  jest.restoreAllMocks()
})

describe('execute: validation before anything is sent', () => {
  it('an invalid runtime is returned with the operation name, nothing sent', async () => {
    const broken = err(makeClientError({ reason: 'InvalidConfig', message: 'bad endpoint', operation: 'configure' }))
    const error = (await execute(broken, getUser, { userName: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'InvalidConfig', message: 'bad endpoint', operation: 'getUser' })
  })

  it.each([
    ['a non-object', 'yes', 'options'],
    ['null', null, 'options'],
    ['timeoutMs 0', { timeoutMs: 0 }, 'options.timeoutMs'],
    ['timeoutMs -1', { timeoutMs: -1 }, 'options.timeoutMs'],
    ['timeoutMs NaN', { timeoutMs: Number.NaN }, 'options.timeoutMs'],
    ['timeoutMs Infinity', { timeoutMs: Number.POSITIVE_INFINITY }, 'options.timeoutMs'],
    ['timeoutMs as text', { timeoutMs: '5' }, 'options.timeoutMs'],
    ['a signal that is not an AbortSignal', { signal: { aborted: false } }, 'options.signal'],
    ['maxAttempts 0', { retry: { maxAttempts: 0 } }, 'options.retry.maxAttempts'],
    ['a negative base delay', { retry: { baseDelayMs: -1 } }, 'options.retry.baseDelayMs'],
  ])('call options: %s (%j) is InvalidInput at %s', async (_label, options, path) => {
    const { runtime, sent } = fakeRuntime({}, sequence(answer(200, USER)))
    const error = (await execute(runtime, getUser, { userName: 'a' }, options as never))._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'InvalidInput', operation: 'getUser' })
    expect(error.message).toBe(`invalid call options for getUser: ${path}`)
    expect(error._tag === 'BceClientError' && error.issues?.map((i) => i.path)).toEqual([path])
    const expected = error._tag === 'BceClientError' ? error.issues?.[0]?.expected : undefined
    expect(expected).toBe(
      {
        options: 'object or undefined',
        'options.timeoutMs': `positive number of ms, at most ${MAX_TIMEOUT_MS}`,
        'options.signal': 'AbortSignal',
        'options.retry.maxAttempts': 'positive integer',
        'options.retry.baseDelayMs': 'non-negative number',
      }[path],
    )
    expect(sent).toHaveLength(0)
  })

  it('invalid input lists every bad field in the message and the issues', async () => {
    const { runtime, sent } = fakeRuntime({}, sequence(answer(200, USER)))
    const error = (
      await execute(runtime, createUser, { name: '', description: 7 as unknown as string })
    )._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'InvalidInput', operation: 'createUser' })
    expect(error.message).toBe('invalid input for createUser: input.name, input.description')
    expect(sent).toHaveLength(0)
  })

  it('a credentials provider that fails is reported and nothing is sent', async () => {
    const provider = () =>
      new ResultAsync(
        Promise.resolve(err(makeClientError({ reason: 'Credentials', message: 'no profile', operation: 'x' }))),
      )
    const { runtime, sent } = fakeRuntime({ credentials: provider }, sequence(answer(200, USER)))
    const error = (await execute(runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'Credentials', message: 'no profile', operation: 'getUser' })
    expect(sent).toHaveLength(0)
  })

  it('credentials from a provider sign the request', async () => {
    const provider = () => new ResultAsync(Promise.resolve(ok({ accessKeyId: 'from-provider', secretAccessKey: 's' })))
    const { runtime, sent } = fakeRuntime({ credentials: provider }, sequence(answer(200, USER)))
    expect((await execute(runtime, getUser, { userName: 'a' }))._unsafeUnwrap()).toMatchObject(USER)
    expect(sent[0]!.request.headers.authorization).toMatch(/^bce-auth-v1\/from-provider\//)
  })
})

describe('execute: deadlines and signals', () => {
  it('the deadline is now + the per-call timeoutMs, else the client timeout', async () => {
    const now = 1_800_000_000_000
    jest.spyOn(Date, 'now').mockReturnValue(now)
    const { runtime, sent } = fakeRuntime({ timeoutMs: 4321 }, sequence(answer(200, USER)))
    await execute(runtime, getUser, { userName: 'a' })
    await execute(runtime, getUser, { userName: 'a' }, {})
    await execute(runtime, getUser, { userName: 'a' }, { timeoutMs: 77 })
    expect(sent.map((s) => s.deadline - now)).toEqual([4321, 4321, 77])
  })

  it('the per-call signal reaches the transport', async () => {
    const controller = new AbortController()
    const { runtime, sent } = fakeRuntime({}, sequence(answer(200, USER)))
    await execute(runtime, getUser, { userName: 'a' }, { signal: controller.signal })
    expect(sent[0]!.signal).toBe(controller.signal)
  })

  it('a wait that would reach the deadline exactly is not started', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000)
    const { runtime, sent } = fakeRuntime({}, sequence(answer(503, {}, { 'retry-after': '1' }), answer(200, USER)))
    const error = (await execute(runtime, getUser, { userName: 'a' }, { timeoutMs: 1000 }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ statusCode: 503, attempts: 1 })
    expect(sent).toHaveLength(1)
  })

  it('a wait that ends before the deadline is taken', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000)
    const { runtime, sent } = fakeRuntime({}, sequence(answer(503, {}, { 'retry-after': '0' }), answer(200, USER)))
    expect((await execute(runtime, getUser, { userName: 'a' }, { timeoutMs: 1 })).isOk()).toBe(true)
    expect(sent).toHaveLength(2)
  })

  it('an abort during the backoff ends the call as Aborted with the attempts made', async () => {
    const controller = new AbortController()
    const { runtime, sent } = fakeRuntime(
      { retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } },
      sequence(answer(503), answer(200, USER)),
    )
    setTimeout(() => controller.abort(), 20)
    const error = (await execute(runtime, getUser, { userName: 'a' }, { signal: controller.signal }))._unsafeUnwrapErr()
    expect(error).toMatchObject({
      _tag: 'BceClientError',
      reason: 'Aborted',
      attempts: 1,
      operation: 'getUser',
      message: 'the call was aborted by its signal while waiting to retry',
    })
    expect(sent).toHaveLength(1)
  })
})

describe('execute: closing the client', () => {
  it('a forced close during the backoff ends the call as Aborted, saying the client was closed', async () => {
    const { runtime, rt, sent } = fakeRuntime(
      { retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } },
      sequence(answer(503), answer(200, USER)),
    )
    const pending = execute(runtime, getUser, { userName: 'a' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    await rt.transport.close(true)
    const error = (await pending)._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'Aborted', attempts: 1, operation: 'getUser' })
    expect(error.message).toBe('the client was closed (close({ force: true })) while the call was waiting to retry')
    expect(sent).toHaveLength(1)
  })
})

describe('execute: waits between attempts', () => {
  it('full-jitter backoff from the runtime random source, growing per retry', async () => {
    const events: BceEvent[] = []
    const { runtime } = fakeRuntime(
      { retry: { baseDelayMs: 4, maxDelayMs: 100 }, observe: (e: BceEvent) => events.push(e) },
      sequence(answer(503), answer(503), answer(503), answer(200, USER)),
      { random: () => 0.75 },
    )
    expect((await execute(runtime, getUser, { userName: 'a' })).isOk()).toBe(true)
    const attempts = events.filter((e) => e.type === 'attempt')
    expect(attempts.map((e) => e.retryDelayMs)).toEqual([3, 6, 12, undefined])
    expect(events.at(-1)).toMatchObject({ type: 'call', attempts: 4, retryDelayMs: 21 })
  })

  it('Retry-After wins over the backoff and is capped by maxRetryAfterMs', async () => {
    const events: BceEvent[] = []
    const { runtime } = fakeRuntime(
      {
        retry: { baseDelayMs: 10_000, maxDelayMs: 10_000, maxRetryAfterMs: 15 },
        observe: (e: BceEvent) => events.push(e),
      },
      sequence(answer(429, {}, { 'retry-after': '0' }), answer(429, {}, { 'retry-after': '3' }), answer(200, USER)),
    )
    expect((await execute(runtime, getUser, { userName: 'a' })).isOk()).toBe(true)
    expect(events.filter((e) => e.type === 'attempt').map((e) => e.retryDelayMs)).toEqual([0, 15, undefined])
  })

  it('per-call retry options override the client field by field', async () => {
    const { runtime, sent } = fakeRuntime({ retry: { ...fast, maxAttempts: 2 } }, sequence(answer(503)))
    expect(
      (await execute(runtime, getUser, { userName: 'a' }, { retry: { maxAttempts: 3 } }))._unsafeUnwrapErr(),
    ).toMatchObject({ attempts: 3 })
    expect(sent).toHaveLength(3)
    const once = fakeRuntime({ retry: fast }, sequence(answer(503)))
    expect(
      (await execute(once.runtime, getUser, { userName: 'a' }, { retry: false }))._unsafeUnwrapErr(),
    ).toMatchObject({
      attempts: 1,
    })
  })
})

describe('execute: budgets and providers', () => {
  it('a client without a retry budget retries and succeeds', async () => {
    const { runtime, rt, sent } = fakeRuntime(
      { retry: { ...fast, budget: false } },
      sequence(answer(503), answer(200, USER)),
    )
    expect(rt.budget).toBeUndefined()
    expect((await execute(runtime, getUser, { userName: 'a' }))._unsafeUnwrap()).toMatchObject(USER)
    expect(sent).toHaveLength(2)
  })

  it('an ordinary retry does not refresh the credentials of a refreshing provider', async () => {
    let fetched = 0
    const provider = refreshingProvider(() => {
      fetched += 1
      return new ResultAsync(Promise.resolve(ok({ accessKeyId: 'ak', secretAccessKey: 'sk', sessionToken: 'tok' })))
    })
    const { runtime, sent } = fakeRuntime(
      { credentials: provider, retry: fast },
      sequence(answer(503), answer(503), answer(200, USER)),
    )
    expect((await execute(runtime, getUser, { userName: 'a' })).isOk()).toBe(true)
    expect(sent).toHaveLength(3)
    expect(fetched).toBe(1)
  })

  it('a skew error whose Date is implausible is not retried and teaches nothing', async () => {
    const { runtime, rt, sent } = fakeRuntime(
      { retry: fast },
      sequence(answer(400, { code: 'RequestExpired' }, { date: 'Mon, 01 Jan 1990 00:00:00 GMT' }), answer(200, USER)),
    )
    expect((await execute(runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr()).toMatchObject({
      code: 'RequestExpired',
      attempts: 1,
    })
    expect(sent).toHaveLength(1)
    expect(rt.clock.offsetMs).toBe(0)
  })
})

describe('execute: attempt events', () => {
  it('service errors carry status, code, kind and request id; client errors their reason and status', async () => {
    const events: BceEvent[] = []
    const { runtime } = fakeRuntime(
      { retry: fast, observe: (e: BceEvent) => events.push(e) },
      sequence(
        answer(503, { code: 'ServiceUnavailable', requestId: 'req-1' }),
        failure('Network', false),
        failure('Timeout', false, 502),
        answer(200, USER),
      ),
    )
    expect((await execute(runtime, getUser, { userName: 'a' })).isOk()).toBe(true)
    const attempts = events.filter((e) => e.type === 'attempt')
    for (const event of attempts) {
      expect(event.operation).toBe('getUser')
      expect(event.durationMs).toBeGreaterThanOrEqual(0)
      // A sanity bound, not a timing assertion: the duration is measured from the attempt's start.
      expect(event.durationMs).toBeLessThan(60_000)
    }
    expect(attempts.map(({ durationMs: _d, ...rest }) => rest)).toStrictEqual([
      {
        type: 'attempt',
        operation: 'getUser',
        attempt: 1,
        outcome: 'error',
        willRetry: true,
        statusCode: 503,
        code: 'ServiceUnavailable',
        kind: 'ServerError',
        requestId: 'req-1',
        retryDelayMs: 0,
      },
      {
        type: 'attempt',
        operation: 'getUser',
        attempt: 2,
        outcome: 'error',
        willRetry: true,
        reason: 'Network',
        retryDelayMs: 0,
      },
      {
        type: 'attempt',
        operation: 'getUser',
        attempt: 3,
        outcome: 'error',
        willRetry: true,
        reason: 'Timeout',
        statusCode: 502,
        retryDelayMs: 0,
      },
      { type: 'attempt', operation: 'getUser', attempt: 4, outcome: 'success', statusCode: 200, willRetry: false },
    ])
  })

  it('the last failed attempt says willRetry false and has no delay', async () => {
    const events: BceEvent[] = []
    const { runtime } = fakeRuntime(
      { retry: { ...fast, maxAttempts: 1 }, observe: (e: BceEvent) => events.push(e) },
      sequence(answer(404, { code: 'NoSuchEntity' })),
    )
    await execute(runtime, getUser, { userName: 'a' })
    expect(events.map((e) => e.type)).toEqual(['attempt', 'call'])
    expect(events[0]).not.toHaveProperty('retryDelayMs')
    expect(events[0]).not.toHaveProperty('clockOffsetMs')
    expect(events[0]).toMatchObject({ willRetry: false, statusCode: 404, code: 'NoSuchEntity' })
  })
})

describe('execute: failures that are not answers', () => {
  it('a signing clock that cannot be formatted is InvalidConfig and nothing is sent', async () => {
    const { runtime, sent } = fakeRuntime({ retry: fast }, sequence(answer(200, USER)), {
      clock: new SigningClock(() => Number.NaN),
    })
    const error = (await execute(runtime, deleteUser, { userName: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({
      _tag: 'BceClientError',
      reason: 'InvalidConfig',
      message: 'the signing clock returned an invalid time',
      operation: 'deleteUser',
      attempts: 1,
      retryable: false,
    })
    expect(sent).toHaveLength(0)
  })

  it('a transport that throws is an Internal error (a defect of the SDK, not the caller), not a rejection', async () => {
    const { runtime } = fakeRuntime({ retry: fast }, () => {
      throw new Error('boom')
    })
    const error = (await execute(runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({
      _tag: 'BceClientError',
      reason: 'Internal',
      message: 'unexpected failure while running getUser: a defect in bce-iam; please report it',
      operation: 'getUser',
      retryable: false,
    })
  })
})

describe('execute: service errors honour the operation declaration', () => {
  it('a kind the operation does not declare (409 on getUser) is Unknown with code, status and message verbatim', async () => {
    const { runtime } = fakeRuntime(
      { retry: fast },
      sequence(answer(409, { code: 'EntityAlreadyExists', message: 'user "a" already exists', requestId: 'r-9' })),
    )
    const error = (await execute(runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr()
    expect({ ...error }).toEqual({
      _tag: 'BceServiceError',
      kind: 'Unknown',
      code: 'EntityAlreadyExists',
      statusCode: 409,
      message: 'user "a" already exists',
      requestId: 'r-9',
      operation: 'getUser',
      attempts: 1,
      retryable: false,
    })
  })

  it('the same answer to an operation that declares the kind keeps it', async () => {
    const { runtime } = fakeRuntime(
      { retry: fast },
      sequence(answer(409, { code: 'EntityAlreadyExists', message: 'taken' })),
    )
    const error = (await execute(runtime, createUser, { name: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceServiceError', kind: 'AlreadyExists', code: 'EntityAlreadyExists' })
  })

  it('common kinds are reported for every operation, declared or not', async () => {
    const { runtime } = fakeRuntime({ retry: fast }, sequence(answer(403, { code: 'AccessDenied', message: 'no' })))
    const error = (await execute(runtime, deleteUser, { userName: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ kind: 'AccessDenied', code: 'AccessDenied', statusCode: 403 })
  })
})
