import { isRetryableServiceError } from '../../lib/retry/retry-decision'
import { attemptOutcome, invalidClockOutcome } from '../../lib/client/attempt'
import { sleep } from '../../lib/retry/sleep'
import { SigningClock } from '../../lib/auth/signing-clock'
import type { ResponseReader } from '../../lib/decode/response'
import { answer, failure } from './fake-runtime'

const reader: ResponseReader<string> = { kind: 'ignore', value: 'done' }
const idempotent = { operation: 'getUser', attempts: 2, idempotent: true, isRetryable: isRetryableServiceError }
const creating = { operation: 'createUser', attempts: 3, idempotent: false, isRetryable: isRetryableServiceError }

describe('attemptOutcome: transport failures', () => {
  it('a request that may have been sent by a non-idempotent operation is outcomeUnknown and not retryable', () => {
    const error = attemptOutcome(failure('Network', true, undefined, 'socket hang up'), reader, creating).result
    expect(error._unsafeUnwrapErr()).toMatchObject({
      _tag: 'BceClientError',
      reason: 'Network',
      message: 'socket hang up; the request may have been applied',
      operation: 'createUser',
      attempts: 3,
      retryable: false,
      outcomeUnknown: true,
      cause: { name: 'Error', code: 'ECONNRESET', message: 'socket' },
    })
  })

  it('the same failure of an idempotent operation is retryable and not outcomeUnknown', () => {
    const error = attemptOutcome(failure('Timeout', true, undefined, 'headers timeout'), reader, idempotent).result
    const value = error._unsafeUnwrapErr()
    expect(value).toMatchObject({ reason: 'Timeout', message: 'headers timeout', attempts: 2, retryable: true })
    expect(value).not.toHaveProperty('outcomeUnknown')
    expect(value).not.toHaveProperty('statusCode')
  })

  it('a request that never left is retryable even for a create', () => {
    const value = attemptOutcome(
      failure('Network', false, undefined, 'refused'),
      reader,
      creating,
    ).result._unsafeUnwrapErr()
    expect(value).toMatchObject({ message: 'refused', retryable: true })
    expect(value).not.toHaveProperty('outcomeUnknown')
  })

  it('an abort is never retryable; a status seen before the failure is kept', () => {
    for (const context of [idempotent, creating]) {
      const value = attemptOutcome(failure('Aborted', false, 200), reader, context).result._unsafeUnwrapErr()
      expect(value).toMatchObject({ reason: 'Aborted', retryable: false, statusCode: 200 })
    }
  })
})

describe('attemptOutcome: answers', () => {
  it('a success carries no hints', () => {
    const outcome = attemptOutcome(
      answer(200, {}, { date: 'Mon, 01 Jan 2024 00:00:00 GMT', 'retry-after': '3' }),
      reader,
      idempotent,
    )
    expect(outcome).toEqual({ result: expect.anything(), statusCode: 200 })
    expect(outcome.result._unsafeUnwrap()).toBe('done')
  })

  it('an error answer reports its Date (as epoch ms) and raw Retry-After', () => {
    const outcome = attemptOutcome(
      answer(503, { code: 'ServiceUnavailable' }, { date: 'Mon, 01 Jan 2024 00:00:07 GMT', 'retry-after': ' 3 ' }),
      reader,
      idempotent,
    )
    expect(outcome.serverDateMs).toBe(Date.parse('2024-01-01T00:00:07Z'))
    expect(outcome.retryAfter).toBe(' 3 ')
    expect(outcome.result._unsafeUnwrapErr()).toMatchObject({ statusCode: 503, attempts: 2, retryable: true })
  })

  it('an unreadable or absent Date and an absent Retry-After are left out', () => {
    const garbled = attemptOutcome(answer(500, {}, { date: 'yesterday-ish' }), reader, idempotent)
    expect(Object.keys(garbled).sort()).toEqual(['result'])
    const bare = attemptOutcome(answer(500), reader, idempotent)
    expect(Object.keys(bare).sort()).toEqual(['result'])
  })

  it('invalidClockOutcome is a non-retryable InvalidConfig for the attempt', () => {
    expect(invalidClockOutcome(creating).result._unsafeUnwrapErr()).toMatchObject({
      reason: 'InvalidConfig',
      message: 'the signing clock returned an invalid time',
      operation: 'createUser',
      attempts: 3,
      retryable: false,
    })
  })
})

describe('attemptOutcome: the client scrubs its own secrets from what the server sent', () => {
  const credentials = {
    accessKeyId: 'ak-public',
    secretAccessKey: 'secret-key-0123',
    sessionToken: ' session-token-456 ',
  }
  const signature = 'f'.repeat(64)
  const request = {
    method: 'GET' as const,
    path: '/v1/user',
    headers: { authorization: `bce-auth-v1/ak-public/2024-01-01T00:00:00Z/1800/host/${signature}` },
  }

  it('secret key, session token (as sent and trimmed), the Authorization header and its signature', () => {
    for (const secret of [
      credentials.secretAccessKey,
      'session-token-456',
      request.headers.authorization,
      signature,
      'password-789',
    ]) {
      const outcome = attemptOutcome(
        answer(400, { code: 'InvalidRequest', message: `echo:${secret}:end` }),
        reader,
        idempotent,
        credentials,
        request,
        ['password-789'],
      )
      const error = outcome.result._unsafeUnwrapErr()
      expect(error.message).toBe('echo:[redacted]:end')
    }
  })

  it('a transport failure message is scrubbed too; permanent failures are never retryable', () => {
    const sent = failure('Network', false, undefined, `cannot send ${credentials.secretAccessKey}`)
    const error = attemptOutcome(sent, reader, idempotent, credentials, request).result._unsafeUnwrapErr()
    expect(error.message).toBe('cannot send [redacted]')
    const permanent = sent.mapErr((f) => ({ ...f, permanent: true as const }))
    expect(attemptOutcome(permanent, reader, idempotent).result._unsafeUnwrapErr()).toMatchObject({
      retryable: false,
    })
  })
})

describe('sleep', () => {
  it('resolves true after the wait, false at once for an aborted signal, true at once for 0 or less', async () => {
    expect(await sleep(5)).toBe(true)
    expect(await sleep(0)).toBe(true)
    expect(await sleep(-5)).toBe(true)
    const aborted = new AbortController()
    aborted.abort()
    expect(await sleep(10_000, aborted.signal)).toBe(false)
    expect(await sleep(0, aborted.signal)).toBe(false)
  })

  it('an abort during the wait resolves false, clears the timer; a finished wait detaches its listener', async () => {
    const controller = new AbortController()
    const cleared = jest.spyOn(global, 'clearTimeout')
    const waiting = sleep(60_000, controller.signal)
    controller.abort()
    expect(await waiting).toBe(false)
    expect(cleared).toHaveBeenCalled()
    cleared.mockRestore()
    const finished = new AbortController()
    const detach = jest.spyOn(finished.signal, 'removeEventListener')
    expect(await sleep(1, finished.signal)).toBe(true)
    expect(detach).toHaveBeenCalledWith('abort', expect.any(Function))
  })
})

describe('sleep with a shutdown signal', () => {
  it('an already aborted shutdown resolves false at once, whatever the wait', async () => {
    const shutdown = new AbortController()
    shutdown.abort()
    expect(await sleep(60_000, undefined, shutdown.signal)).toBe(false)
    expect(await sleep(0, undefined, shutdown.signal)).toBe(false)
  })

  it('a shutdown during the wait resolves false and detaches both listeners', async () => {
    const caller = new AbortController()
    const shutdown = new AbortController()
    const detachCaller = jest.spyOn(caller.signal, 'removeEventListener')
    const waiting = sleep(60_000, caller.signal, shutdown.signal)
    shutdown.abort()
    expect(await waiting).toBe(false)
    expect(detachCaller).toHaveBeenCalledWith('abort', expect.any(Function))
  })

  it('a shutdown during a wait without a caller signal resolves false', async () => {
    const shutdown = new AbortController()
    const waiting = sleep(60_000, undefined, shutdown.signal)
    shutdown.abort()
    expect(await waiting).toBe(false)
  })

  it("a caller's abort during the wait detaches the listener from the shutdown signal", async () => {
    const caller = new AbortController()
    const shutdown = new AbortController()
    const detachShutdown = jest.spyOn(shutdown.signal, 'removeEventListener')
    const waiting = sleep(60_000, caller.signal, shutdown.signal)
    caller.abort()
    expect(await waiting).toBe(false)
    expect(detachShutdown).toHaveBeenCalledWith('abort', expect.any(Function))
  })

  it('a finished wait detaches its listener from the shutdown signal too', async () => {
    const shutdown = new AbortController()
    const detach = jest.spyOn(shutdown.signal, 'removeEventListener')
    expect(await sleep(1, undefined, shutdown.signal)).toBe(true)
    expect(detach).toHaveBeenCalledWith('abort', expect.any(Function))
  })
})

describe('SigningClock', () => {
  const T = Date.UTC(2024, 0, 1)
  it('starts at local time with offset 0, learns the rounded difference, and applies it', () => {
    let local = T
    const clock = new SigningClock(() => local)
    expect(clock.offsetMs).toBe(0)
    expect(clock.now()).toBe(T)
    expect(clock.learn(T + 3600.6)._unsafeUnwrap()).toBe(3601)
    expect(clock.offsetMs).toBe(3601)
    local = T + 1_000_000
    expect(clock.now()).toBe(T + 1_003_601)
    expect(clock.learn(T + 999_000)._unsafeUnwrap()).toBe(-1000)
    expect(clock.now()).toBe(T + 999_000)
  })

  it('ignores implausible server times and keeps the offset it had', () => {
    const clock = new SigningClock(() => T)
    expect(clock.learn(T + 5000)._unsafeUnwrap()).toBe(5000)
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2100, 0, 1),
      Date.UTC(10000, 0, 1),
    ]) {
      expect(clock.learn(bad)._unsafeUnwrapErr()).toBe('implausible-server-time')
      expect(clock.offsetMs).toBe(5000)
    }
    expect(clock.learn(Date.UTC(2000, 0, 1))._unsafeUnwrap()).toBe(Date.UTC(2000, 0, 1) - T)
    expect(clock.learn(Date.UTC(2100, 0, 1) - 1)._unsafeUnwrap()).toBe(Date.UTC(2100, 0, 1) - 1 - T)
  })

  it('learns nothing when the local clock is unreadable', () => {
    const clock = new SigningClock(() => Number.NaN)
    expect(clock.learn(T)._unsafeUnwrapErr()).toBe('unreadable-local-clock')
    expect(clock.offsetMs).toBe(0)
  })

  it('uses Date.now by default', () => {
    const clock = new SigningClock()
    const before = Date.now()
    const now = clock.now()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })
})
