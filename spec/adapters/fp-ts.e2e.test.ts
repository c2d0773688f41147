import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import * as TE from 'fp-ts/TaskEither'
import { IamClient, isServiceError } from '../../lib'
import { fromResultAsync, orElseKind, taskEitherClient } from '../../lib/fp-ts'
import { IAM_OPERATIONS } from '../../lib/iam/iam-operations'
import { STS_OPERATIONS } from '../../lib/sts/sts-registry'
import { clientsFor, countingDispatcher, withEmulator, type EmulatorFixture } from '../support/emulator'

let fx: EmulatorFixture
const others = clientsFor(() => fx)
beforeEach(async () => {
  fx = await withEmulator({ seed: 7 })
})
afterEach(async () => {
  await others.closeAll()
  await fx.close()
})

const leftOf = <L, R>(either: E.Either<L, R>): L => {
  if (E.isRight(either)) throw new Error(`expected Left, got Right ${JSON.stringify(either.right)}`)
  return either.left
}

describe('bce-iam/fp-ts: client methods as TaskEither, over sockets to the emulator', () => {
  it('has exactly one method per registry operation, for IAM and for STS', () => {
    const iam = taskEitherClient(fx.iam)
    const sts = taskEitherClient(others.stsAs(fx.emulator.credentials))
    expect(Object.keys(iam).sort()).toEqual(Object.keys(IAM_OPERATIONS).sort())
    expect(Object.keys(sts).sort()).toEqual(Object.keys(STS_OPERATIONS).sort())
    expect(Object.isFrozen(iam)).toBe(true)
  })

  it('is lazy: a method call sends nothing, each run of the task sends one request', async () => {
    const counting = countingDispatcher()
    const client = new IamClient({
      endpoint: fx.emulator.endpoint,
      credentials: fx.emulator.credentials,
      allowInsecureHttp: true,
      dispatcher: counting.dispatcher,
    })
    const task = taskEitherClient(client).listUsers()
    expect(counting.count()).toBe(0)
    expect(E.isRight(await task())).toBe(true)
    expect(E.isRight(await task())).toBe(true)
    expect(counting.count()).toBe(2)
    await client.close()
    await counting.close()
  })

  it('resolves to Right with the decoded value', async () => {
    const iam = taskEitherClient(fx.iam)
    const program = pipe(
      iam.createUser({ name: 'alice', description: 'ops' }),
      TE.flatMap(() => iam.getUser({ userName: 'alice' })),
      TE.map((user) => `${user.name}: ${user.description ?? ''}`),
    )
    expect(await program()).toEqual(E.right('alice: ops'))
  })

  it('a declared kind arrives as Left holding the SDK error itself (frozen, with its kind and code)', async () => {
    const left = leftOf(await taskEitherClient(fx.iam).getUser({ userName: 'nobody' })())
    expect(left).toMatchObject({ _tag: 'BceServiceError', kind: 'NotFound', operation: 'getUser', statusCode: 404 })
    expect(Object.isFrozen(left)).toBe(true)
    const recovered = await pipe(
      taskEitherClient(fx.iam).getUser({ userName: 'nobody' }),
      TE.map((user) => user.name),
      TE.orElseW((error) => (isServiceError(error, 'NotFound') ? TE.right('absent') : TE.left(error))),
    )()
    expect(recovered).toEqual(E.right('absent'))
  })

  it('a client reason arrives as Left too (invalid input, nothing sent)', async () => {
    const left = leftOf(await taskEitherClient(fx.iam).getUser({ userName: '' })())
    expect(left).toMatchObject({ _tag: 'BceClientError', reason: 'InvalidInput', operation: 'getUser' })
    expect(fx.emulator.requestLog()).toHaveLength(0)
  })

  it('never rejects: an unreachable endpoint resolves to Left Network', async () => {
    const closed = new IamClient({
      endpoint: 'http://127.0.0.1:9',
      credentials: fx.emulator.credentials,
      allowInsecureHttp: true,
      retry: false,
    })
    const outcome = await taskEitherClient(closed).listUsers()()
    expect(leftOf(outcome)).toMatchObject({ _tag: 'BceClientError', reason: 'Network' })
    await closed.close()
  })

  it('STS methods work the same way', async () => {
    const sts = taskEitherClient(others.stsAs(fx.emulator.credentials))
    const session = await pipe(
      sts.getSessionToken({ durationSeconds: 900 }),
      TE.map((credentials) => credentials.accessKeyId.length > 0),
    )()
    expect(session).toEqual(E.right(true))
  })

  it('fromResultAsync turns a composed ResultAsync into a TaskEither, one call per run', async () => {
    let calls = 0
    const task = fromResultAsync(() => {
      calls += 1
      return fx.iam.getUser({ userName: 'nobody' }).map((user) => user.name)
    })
    expect(calls).toBe(0)
    expect(leftOf(await task())).toMatchObject({ kind: 'NotFound' })
    expect(calls).toBe(1)
  })

  it('orElseKind runs the recovery for the named kinds only; other errors pass through untouched', async () => {
    const iam = taskEitherClient(fx.iam)
    let recoveries = 0
    const lookup = (userName: string) =>
      pipe(
        iam.getUser({ userName }),
        TE.map((user) => user.name),
        orElseKind('NotFound', (error) => {
          recoveries += 1
          return TE.right(`no ${userName} (${error.code})`)
        }),
      )
    expect(await lookup('nobody')()).toEqual(E.right(expect.stringMatching(/^no nobody \(.+\)$/)))
    const invalid = leftOf(await lookup('')())
    expect(invalid).toMatchObject({ _tag: 'BceClientError', reason: 'InvalidInput' })
    expect(recoveries).toBe(1)
    await iam.createUser({ name: 'eve' })()
    expect(await lookup('eve')()).toEqual(E.right('eve'))
    expect(recoveries).toBe(1)
  })
})
