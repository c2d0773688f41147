import { Cause, Effect, Either, Exit, Fiber, Layer } from 'effect'
import { IamClient, type BceEvent } from '../../lib'
import {
  effectClient,
  fromResultAsync,
  IamClientService,
  layer,
  StsClientService,
  stsLayer,
  tagError,
} from '../../lib/effect'
import { IAM_OPERATIONS } from '../../lib/iam/iam-operations'
import { STS_OPERATIONS } from '../../lib/sts/sts-registry'
import { clientsFor, countingDispatcher, withEmulator, type EmulatorFixture } from '../support/emulator'

let fx: EmulatorFixture
const others = clientsFor(() => fx)
beforeEach(async () => {
  fx = await withEmulator({ seed: 8 })
})
afterEach(async () => {
  await others.closeAll()
  await fx.close()
})

/** The failure of an exit that must have failed (not died, not interrupted). */
function failureOf<A, E>(exit: Exit.Exit<A, E>): E {
  if (Exit.isSuccess(exit)) throw new Error(`expected a failure, got ${JSON.stringify(exit.value)}`)
  const failure = Cause.failureOption(exit.cause)
  if (failure._tag === 'None') throw new Error(`expected a Fail cause, got ${Cause.pretty(exit.cause)}`)
  return failure.value
}

const rootConfig = () => ({
  endpoint: fx.emulator.endpoint,
  credentials: fx.emulator.credentials,
  allowInsecureHttp: true,
})

describe('bce-iam/effect: client methods as Effects, over sockets to the emulator', () => {
  it('has exactly one method per registry operation, for IAM and for STS', () => {
    expect(Object.keys(effectClient(fx.iam)).sort()).toEqual(Object.keys(IAM_OPERATIONS).sort())
    const sts = effectClient(others.stsAs(fx.emulator.credentials))
    expect(Object.keys(sts).sort()).toEqual(Object.keys(STS_OPERATIONS).sort())
  })

  it('is lazy: a method call sends nothing, each run of the effect sends one request', async () => {
    const counting = countingDispatcher()
    const client = new IamClient({ ...rootConfig(), dispatcher: counting.dispatcher })
    const listed = effectClient(client).listUsers()
    expect(counting.count()).toBe(0)
    await Effect.runPromise(Effect.zip(listed, listed))
    expect(counting.count()).toBe(2)
    await client.close()
    await counting.close()
  })

  it('succeeds with the decoded value', async () => {
    const iam = effectClient(fx.iam)
    const program = Effect.gen(function* () {
      yield* iam.createUser({ name: 'alice', description: 'ops' })
      const user = yield* iam.getUser({ userName: 'alice' })
      return `${user.name}: ${user.description ?? ''}`
    })
    expect(await Effect.runPromise(program)).toBe('alice: ops')
  })

  it('catchTag catches a declared kind by name, handing over the SDK error of that kind', async () => {
    const iam = effectClient(fx.iam)
    const name = iam.getUser({ userName: 'nobody' }).pipe(
      Effect.map((user) => user.name),
      Effect.catchTag('NotFound', (e) => Effect.succeed(`absent (${e.error.kind}, HTTP ${e.error.statusCode})`)),
    )
    expect(await Effect.runPromise(name)).toBe('absent (NotFound, HTTP 404)')
  })

  it('catchTags catches kinds of other operations and leaves the rest alone', async () => {
    const iam = effectClient(fx.iam)
    await Effect.runPromise(iam.createUser({ name: 'bob' }))
    const again = iam
      .createUser({ name: 'bob' })
      .pipe(
        Effect.as('created'),
        Effect.catchTags({ AlreadyExists: () => Effect.succeed('taken'), LimitExceeded: () => Effect.succeed('full') }),
      )
    expect(await Effect.runPromise(again)).toBe('taken')
    const other = await Effect.runPromiseExit(
      iam.getUser({ userName: 'nobody' }).pipe(Effect.catchTags({ Throttled: () => Effect.succeed(null) })),
    )
    expect(failureOf(other)).toMatchObject({ _tag: 'NotFound', error: { _tag: 'BceServiceError', kind: 'NotFound' } })
  })

  it('catchTag catches a client reason (invalid input: nothing sent)', async () => {
    const iam = effectClient(fx.iam)
    const outcome = iam
      .getUser({ userName: '' })
      .pipe(Effect.catchTag('InvalidInput', (e) => Effect.succeed(`${e.error.reason} in ${e.error.operation}`)))
    expect(await Effect.runPromise(outcome)).toBe('InvalidInput in getUser')
    expect(fx.emulator.requestLog()).toHaveLength(0)
  })

  it('a failure is frozen plain data tagged with the kind, keeping the SDK error as is', async () => {
    const direct = await fx.iam.getUser({ userName: 'nobody' })
    const exit = await Effect.runPromiseExit(effectClient(fx.iam).getUser({ userName: 'nobody' }))
    const failure = failureOf(exit)
    expect(Object.isFrozen(failure)).toBe(true)
    expect(Object.keys(failure)).toEqual(['_tag', 'error'])
    expect(failure._tag).toBe('NotFound')
    expect(failure.error).toMatchObject({ ...direct._unsafeUnwrapErr(), requestId: expect.any(String) })
    expect(String(failure)).toBe(String(failure.error))
    expect(tagError(direct._unsafeUnwrapErr())).toEqual({ _tag: 'NotFound', error: direct._unsafeUnwrapErr() })
  })

  it('never dies or rejects with a defect: an unreachable endpoint fails with the Network tag', async () => {
    const closed = new IamClient({ ...rootConfig(), endpoint: 'http://127.0.0.1:9', retry: false })
    const exit = await Effect.runPromiseExit(effectClient(closed).listUsers())
    expect(failureOf(exit)).toMatchObject({ _tag: 'Network', error: { _tag: 'BceClientError', reason: 'Network' } })
    await closed.close()
  })

  it('rendering a failure shows the SDK summary and never the secret key', async () => {
    const secretAccessKey = 'f'.repeat(32)
    const wrong = others.iamAs({ accessKeyId: fx.emulator.credentials.accessKeyId, secretAccessKey })
    const exit = await Effect.runPromiseExit(effectClient(wrong).listUsers())
    const failure = failureOf(exit)
    if (failure._tag !== 'AuthFailure') throw new Error(`expected AuthFailure, got ${String(failure)}`)
    const rejection = await Effect.runPromise(effectClient(wrong).listUsers()).then(
      () => 'resolved',
      (error: unknown) => `${String(error)} ${JSON.stringify(error)}`,
    )
    for (const text of [
      Cause.pretty(Exit.isFailure(exit) ? exit.cause : Cause.empty),
      rejection,
      JSON.stringify(failure),
    ]) {
      expect(text).toContain(failure.error.code)
      expect(text).not.toContain(secretAccessKey)
    }
  })

  it('interrupting the fiber aborts the request (the SDK call ends Aborted)', async () => {
    const events: BceEvent[] = []
    const client = new IamClient({ ...rootConfig(), observe: (event) => events.push(event), retry: false })
    fx.emulator.injectFaults([{ operation: 'getUser', fault: { type: 'stall' } }])._unsafeUnwrap()
    const program = Effect.gen(function* () {
      const fiber = yield* Effect.fork(effectClient(client).getUser({ userName: 'alice' }))
      // wait (without a clock) until the emulator holds the request, then interrupt
      while (fx.emulator.faultReport().consumed.length === 0) yield* Effect.promise(() => new Promise(setImmediate))
      return yield* Fiber.interrupt(fiber)
    })
    const exit = await Effect.runPromise(program)
    expect(Exit.isInterrupted(exit)).toBe(true)
    while (events.length === 0) await new Promise(setImmediate)
    while (events.length < 2) await new Promise(setImmediate)
    expect(events).toEqual([
      expect.objectContaining({ type: 'attempt', operation: 'getUser', reason: 'Aborted' }),
      expect.objectContaining({ type: 'call', operation: 'getUser', outcome: 'error', reason: 'Aborted' }),
    ])
    await client.close()
  })

  it("the caller's own signal still aborts the call (joined with the fiber's)", async () => {
    const controller = new AbortController()
    controller.abort()
    const exit = await Effect.runPromiseExit(
      effectClient(fx.iam).getUser({ userName: 'alice' }, { signal: controller.signal }),
    )
    expect(failureOf(exit)).toMatchObject({ _tag: 'Aborted', error: { reason: 'Aborted', operation: 'getUser' } })
    expect(fx.emulator.requestLog()).toHaveLength(0)
  })

  it('fromResultAsync wraps a composed call, one call per run', async () => {
    let calls = 0
    const effect = fromResultAsync(() => {
      calls += 1
      return fx.iam.getUser({ userName: 'nobody' }).map((user) => user.name)
    })
    expect(calls).toBe(0)
    const outcome = await Effect.runPromise(Effect.either(effect))
    expect(Either.isLeft(outcome) && outcome.left._tag).toBe('NotFound')
    expect(calls).toBe(1)
  })
})

describe('bce-iam/effect layers', () => {
  it('layer(config) provides the IAM service, and closes the client when its scope closes', async () => {
    const program = Effect.gen(function* () {
      const iam = yield* IamClientService
      yield* iam.createUser({ name: 'carol' })
      const users = yield* iam.listUsers()
      return { names: users.map((user) => user.name), iam }
    })
    const { names, iam } = await Effect.runPromise(
      program.pipe(Effect.provide(layer({ ...rootConfig(), retry: false }))),
    )
    expect(names).toEqual(['carol'])
    // the scope has closed: the client is closed, a later call fails without reaching the emulator
    fx.emulator.clearRequestLog()
    const after = await Effect.runPromiseExit(iam.listUsers())
    expect(failureOf(after)._tag).toMatch(/^(Aborted|Network)$/)
    expect(fx.emulator.requestLog()).toHaveLength(0)
  })

  it('a bad configuration fails the layer with a tagged InvalidConfig, and nothing else runs', async () => {
    let ran = false
    const program = Effect.gen(function* () {
      yield* IamClientService
      ran = true
    })
    const exit = await Effect.runPromiseExit(
      program.pipe(Effect.provide(layer({ ...rootConfig(), allowInsecureHttp: false }))),
    )
    expect(failureOf(exit)).toMatchObject({ _tag: 'InvalidConfig', error: { reason: 'InvalidConfig' } })
    expect(ran).toBe(false)
  })

  it('missing credentials fail the layer with the Credentials tag', async () => {
    const broken = layer({ ...rootConfig(), credentials: { accessKeyId: '', secretAccessKey: '' } }).pipe(
      Layer.catchAll((e) => Layer.fail(e._tag)),
    )
    const exit = await Effect.runPromiseExit(IamClientService.pipe(Effect.provide(broken)))
    expect(failureOf(exit)).toBe('Credentials')
  })

  it('stsLayer(config) provides the STS service', async () => {
    const program = Effect.gen(function* () {
      const sts = yield* StsClientService
      const session = yield* sts.getSessionToken({ durationSeconds: 900 })
      return session.accessKeyId.length > 0
    })
    const config = { ...rootConfig(), endpoint: fx.emulator.stsEndpoint }
    expect(await Effect.runPromise(program.pipe(Effect.provide(stsLayer(config))))).toBe(true)
  })
})
