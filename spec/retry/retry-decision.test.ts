import { refreshingProvider } from '../../lib/auth/refreshing-provider'
import type { BceEvent } from '../../lib'
import { execute } from '../../lib/client/execute'
import { createUser, getUser } from '../../lib/iam/user-operations'
import { makeClientError, makeServiceError } from '../../lib/errors/make'
import { isClockSkewError, isRejectedSessionError, retryCostClass } from '../../lib/retry/retry-decision'
import { ok, ResultAsync } from 'neverthrow'
import { answer, failure, fakeRuntime, sequence, USER } from '../client/fake-runtime'

const serviceError = (code: string, statusCode = 400) =>
  makeServiceError({
    kind: 'InvalidRequest',
    code,
    statusCode,
    message: 'm',
    operation: 'op',
    attempts: 1,
    retryable: false,
  })
const clientError = (reason: 'Network' | 'Timeout' | 'Aborted' | 'Decode' | 'InvalidInput') =>
  makeClientError({ reason, message: 'm', operation: 'op' })

describe('retry-decision, unit', () => {
  it('isClockSkewError: exactly RequestExpired and RequestTimeTooSkewed, on service errors only', () => {
    expect(isClockSkewError(serviceError('RequestExpired'))).toBe(true)
    expect(isClockSkewError(serviceError('RequestTimeTooSkewed'))).toBe(true)
    for (const code of ['SignatureDoesNotMatch', 'requestexpired', 'ExpiredToken', ''])
      expect(isClockSkewError(serviceError(code))).toBe(false)
    expect(isClockSkewError(clientError('Network'))).toBe(false)
  })

  it('retryCostClass: Network and Timeout are transport, everything else is service', () => {
    expect(retryCostClass(clientError('Network'))).toBe('transport')
    expect(retryCostClass(clientError('Timeout'))).toBe('transport')
    expect(retryCostClass(clientError('Aborted'))).toBe('service')
    expect(retryCostClass(clientError('Decode'))).toBe('service')
    expect(retryCostClass(serviceError('ServiceUnavailable', 503))).toBe('service')
  })

  it('isRejectedSessionError: the four codes, only when a session token was used, only service errors', () => {
    for (const code of ['ExpiredToken', 'InvalidSessionToken', 'InvalidSecurityToken', 'InvalidAccessKeyId']) {
      expect(isRejectedSessionError(serviceError(code, 403), true)).toBe(true)
      expect(isRejectedSessionError(serviceError(code, 403), false)).toBe(false)
    }
    for (const code of ['AccessDenied', 'RequestExpired', 'SignatureDoesNotMatch'])
      expect(isRejectedSessionError(serviceError(code, 403), true)).toBe(false)
    expect(isRejectedSessionError(clientError('Network'), true)).toBe(false)
  })
})

describe('retry decisions in the call pipeline (fake transport)', () => {
  const fast = { baseDelayMs: 0, maxDelayMs: 0 }

  it('RequestTimeTooSkewed with a Date header corrects the clock and re-signs at server time, at no budget cost', async () => {
    const serverNow = Date.now() + 3 * 3600_000
    const events: BceEvent[] = []
    const { runtime, rt, sent } = fakeRuntime(
      { retry: { ...fast, budget: { capacity: 0 } }, observe: (e: BceEvent) => events.push(e) },
      sequence(
        answer(400, { code: 'RequestTimeTooSkewed' }, { date: new Date(serverNow).toUTCString() }),
        answer(200, USER),
      ),
    )
    const result = await execute(runtime, getUser, { userName: 'alice' })
    expect(result._unsafeUnwrap()).toMatchObject(USER)
    expect(sent).toHaveLength(2)
    const secondSignedAt = Date.parse(sent[1]!.request.headers['x-bce-date']!)
    expect(Math.abs(secondSignedAt - serverNow)).toBeLessThan(5_000)
    expect(Math.abs(rt.clock.offsetMs - 3 * 3600_000)).toBeLessThan(5_000)
    expect(events[0]).toMatchObject({
      type: 'attempt',
      attempt: 1,
      outcome: 'error',
      code: 'RequestTimeTooSkewed',
      willRetry: true,
      retryDelayMs: 0,
    })
    expect(events[0]?.type === 'attempt' && events[0].clockOffsetMs).toBe(rt.clock.offsetMs)
    expect(rt.budget?.available).toBe(0)
  })

  it('a skew error without a readable Date header is not retried', async () => {
    const { runtime, sent } = fakeRuntime({ retry: fast }, sequence(answer(400, { code: 'RequestExpired' })))
    const error = (await execute(runtime, getUser, { userName: 'alice' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ code: 'RequestExpired', attempts: 1 })
    expect(sent).toHaveLength(1)
  })

  it('a skew error is corrected once per call, and not at all when maxAttempts is 1', async () => {
    const skewed = answer(400, { code: 'RequestExpired' }, { date: new Date(Date.now() + 7200_000).toUTCString() })
    const twice = fakeRuntime({ retry: fast }, sequence(skewed))
    expect((await execute(twice.runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr()).toMatchObject({
      attempts: 2,
    })
    expect(twice.sent).toHaveLength(2)
    const once = fakeRuntime({ retry: { ...fast, maxAttempts: 1 } }, sequence(skewed))
    expect((await execute(once.runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr()).toMatchObject({
      attempts: 1,
    })
    expect(once.rt.clock.offsetMs).toBe(0)
  })

  it('a transport retry costs timeoutRetryCost, a service retry retryCost', async () => {
    const budget = { capacity: 100, retryCost: 3, timeoutRetryCost: 17 }
    const network = fakeRuntime({ retry: { ...fast, budget } }, sequence(failure('Network', false)))
    await execute(network.runtime, getUser, { userName: 'a' })
    expect(network.sent).toHaveLength(4)
    expect(network.rt.budget?.available).toBe(100 - 3 * 17)

    const timeout = fakeRuntime({ retry: { ...fast, budget } }, sequence(failure('Timeout', true)))
    await execute(timeout.runtime, getUser, { userName: 'a' })
    expect(timeout.rt.budget?.available).toBe(100 - 3 * 17)

    const service = fakeRuntime({ retry: { ...fast, budget } }, sequence(answer(503, { code: 'ServiceUnavailable' })))
    await execute(service.runtime, getUser, { userName: 'a' })
    expect(service.rt.budget?.available).toBe(100 - 3 * 3)
  })

  it('a success refunds the cost of its last retry, or 1 token without retries', async () => {
    const budget = { capacity: 100, retryCost: 5, timeoutRetryCost: 10 }
    const afterRetries = fakeRuntime(
      { retry: { ...fast, budget } },
      sequence(answer(503), failure('Network', false), answer(200, USER)),
    )
    afterRetries.rt.budget?.acquire('transport')
    afterRetries.rt.budget?.acquire('transport')
    expect(afterRetries.rt.budget?.available).toBe(80)
    expect((await execute(afterRetries.runtime, getUser, { userName: 'a' })).isOk()).toBe(true)
    expect(afterRetries.rt.budget?.available).toBe(80 - 5 - 10 + 10)

    const firstTime = fakeRuntime({ retry: { ...fast, budget } }, sequence(answer(200, USER)))
    firstTime.rt.budget?.acquire('transport')
    expect((await execute(firstTime.runtime, getUser, { userName: 'a' })).isOk()).toBe(true)
    expect(firstTime.rt.budget?.available).toBe(91)
  })

  it('an empty budget stops the retry before it is attempted', async () => {
    const { runtime, sent, rt } = fakeRuntime(
      { retry: { ...fast, budget: { capacity: 12, retryCost: 5 } } },
      sequence(answer(503)),
    )
    expect((await execute(runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr()).toMatchObject({
      statusCode: 503,
      attempts: 3,
      retryable: true,
    })
    expect(sent).toHaveLength(3)
    expect(rt.budget?.available).toBe(2)
  })

  it('a per-call retry: { budget: false } neither takes nor refunds tokens', async () => {
    const { runtime, rt, sent } = fakeRuntime(
      { retry: { ...fast, budget: { capacity: 10, retryCost: 5 } } },
      sequence(answer(503), answer(503), answer(503), answer(503), answer(503), answer(503), answer(200, USER)),
    )
    expect((await execute(runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr()).toMatchObject({ attempts: 3 })
    expect(rt.budget?.available).toBe(0)
    const result = await execute(runtime, getUser, { userName: 'a' }, { retry: { budget: false } })
    expect(result.isOk()).toBe(true)
    expect(sent).toHaveLength(7)
    expect(rt.budget?.available).toBe(0)
  })

  it('a non-retryable answer is returned after one attempt', async () => {
    for (const outcome of [answer(400, { code: 'InvalidRequest' }), answer(500), failure('Aborted', false)]) {
      const { runtime, sent } = fakeRuntime({ retry: fast }, sequence(outcome))
      expect((await execute(runtime, createUser, { name: 'a' }))._unsafeUnwrapErr()).toMatchObject({ attempts: 1 })
      expect(sent).toHaveLength(1)
    }
  })

  it('rejected session credentials are renewed once, at once, and the retry is signed with the new ones', async () => {
    let fetched = 0
    const provider = refreshingProvider(() => {
      fetched += 1
      return new ResultAsync(
        Promise.resolve(ok({ accessKeyId: `ak-${fetched}`, secretAccessKey: 'sk', sessionToken: `tok-${fetched}` })),
      )
    })
    const events: BceEvent[] = []
    const { runtime, sent } = fakeRuntime(
      {
        credentials: provider,
        retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 },
        observe: (e: BceEvent) => events.push(e),
      },
      sequence(answer(403, { code: 'ExpiredToken' }), answer(403, { code: 'ExpiredToken' })),
    )
    const error = (await execute(runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ code: 'ExpiredToken', attempts: 2 })
    expect(fetched).toBe(2)
    expect(sent.map((s) => s.request.headers['x-bce-security-token'])).toEqual(['tok-1', 'tok-2'])
    expect(sent[1]!.request.headers.authorization).toMatch(/^bce-auth-v1\/ak-2\//)
    expect(events[0]).toMatchObject({ willRetry: true, retryDelayMs: 0 })
    expect(events[1]).toMatchObject({ willRetry: false })
  })

  it('no renewal without a session token, with a plain provider, or at the last attempt', async () => {
    const rejected = sequence(answer(403, { code: 'InvalidAccessKeyId' }))
    let fetched = 0
    const fetch = (withToken: boolean) =>
      refreshingProvider(() => {
        fetched += 1
        return new ResultAsync(
          Promise.resolve(
            ok({ accessKeyId: 'ak', secretAccessKey: 'sk', ...(withToken ? { sessionToken: 'tok' } : {}) }),
          ),
        )
      })
    const noToken = fakeRuntime({ credentials: fetch(false), retry: fast }, rejected)
    expect((await execute(noToken.runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr().attempts).toBe(1)
    expect(fetched).toBe(1)

    fetched = 0
    const lastAttempt = fakeRuntime({ credentials: fetch(true), retry: { ...fast, maxAttempts: 1 } }, rejected)
    expect((await execute(lastAttempt.runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr().attempts).toBe(1)
    expect(fetched).toBe(1)

    const plain = () =>
      new ResultAsync(Promise.resolve(ok({ accessKeyId: 'ak', secretAccessKey: 'sk', sessionToken: 'tok' })))
    const notRefreshable = fakeRuntime({ credentials: plain, retry: fast }, rejected)
    expect((await execute(notRefreshable.runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr().attempts).toBe(1)
  })

  it('a renewal that fails returns its error with the attempts made', async () => {
    let fetched = 0
    const provider = refreshingProvider(() => {
      fetched += 1
      return new ResultAsync(
        Promise.resolve(
          fetched === 1
            ? ok({ accessKeyId: 'ak', secretAccessKey: 'sk', sessionToken: 'tok' })
            : ok({ accessKeyId: '', secretAccessKey: '' }),
        ),
      )
    })
    const { runtime, sent } = fakeRuntime(
      { credentials: provider, retry: fast },
      sequence(answer(403, { code: 'InvalidSessionToken' })),
    )
    const error = (await execute(runtime, getUser, { userName: 'a' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'Credentials', attempts: 1, operation: 'getUser' })
    expect(sent).toHaveLength(1)
  })
})
