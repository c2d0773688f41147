import type { BceEvent, BceError, OperationName, Result, ResultAsync } from '../../lib'
import type { Fault } from '../../lib/emulator'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/**
 * The retry conformance table: each scripted emulator fault × an idempotent or non-idempotent
 * operation → the expected outcome, the HTTP attempts the emulator saw, and the emulator state
 * afterwards. Faults are consumed from the emulator's queue, and every case asserts it really
 * happened (the fault report), so a silently skipped fault cannot pass.
 */

let fx: EmulatorFixture
const events: BceEvent[] = []
/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds((e) => events.push(e))
afterEach(() => declared.expectNone())
beforeEach(async () => {
  events.length = 0
  fx = await withEmulator(
    { seed: 2 },
    {
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      headersTimeoutMs: 300,
      bodyTimeoutMs: 300,
      observe: declared.observe,
    },
  )
  await fx.iam.createUser({ name: 'existing' })
  await fx.iam.createGroup({ name: 'ops' })
  fx.emulator.clearRequestLog()
  events.length = 0
})
afterEach(async () => {
  await fx.close()
})

/** `ok`, `service:<kind>` or `client:<reason>[:unknown]`. */
type Outcome = string
const outcomeOf = (result: Result<unknown, BceError>): Outcome =>
  result.isOk()
    ? 'ok'
    : result.error._tag === 'BceServiceError'
      ? `service:${result.error.kind}`
      : `client:${result.error.reason}${result.error.outcomeUnknown === true ? ':unknown' : ''}`

interface Case {
  readonly name: string
  readonly operation: OperationName
  readonly fault: Fault
  readonly times?: number
  readonly call: (fx: EmulatorFixture) => ResultAsync<unknown, BceError>
  readonly expected: Outcome
  /** HTTP requests the emulator saw for the operation. */
  readonly requests: number
  /** Checks the emulator state after the call. */
  readonly state: (fx: EmulatorFixture) => Promise<void>
}

const userCount = async (f: EmulatorFixture): Promise<number> => (await f.iam.listUsers())._unsafeUnwrap().length
const keyCount = async (f: EmulatorFixture): Promise<number> =>
  (await f.iam.listAccessKeys({ userName: 'existing' }))._unsafeUnwrap().length

const cases: Case[] = [
  {
    name: '503 twice × createUser (POST): retried, created once',
    operation: 'createUser',
    fault: { type: 'status', status: 503 },
    times: 2,
    call: (f) => f.iam.createUser({ name: 'new' }),
    expected: 'ok',
    requests: 3,
    state: async (f) => expect(await userCount(f)).toBe(2),
  },
  {
    name: '429 × getUser: retried',
    operation: 'getUser',
    fault: { type: 'status', status: 429, retryAfter: '0' },
    call: (f) => f.iam.getUser({ userName: 'existing' }),
    expected: 'ok',
    requests: 2,
    state: async () => undefined,
  },
  {
    name: '500 × createUser (POST): not retried, nothing created',
    operation: 'createUser',
    fault: { type: 'status', status: 500 },
    call: (f) => f.iam.createUser({ name: 'new' }),
    expected: 'service:ServerError',
    requests: 1,
    state: async (f) => expect(await userCount(f)).toBe(1),
  },
  {
    name: '502 × deleteUser (DELETE): retried, deleted',
    operation: 'deleteUser',
    fault: { type: 'status', status: 502 },
    call: (f) => f.iam.deleteUser({ userName: 'existing' }),
    expected: 'ok',
    requests: 2,
    state: async (f) => expect(await userCount(f)).toBe(0),
  },
  {
    name: '504 × updateUser (PUT): retried',
    operation: 'updateUser',
    fault: { type: 'status', status: 504 },
    call: (f) => f.iam.updateUser({ userName: 'existing', description: 'x' }),
    expected: 'ok',
    requests: 2,
    state: async (f) => expect((await f.iam.getUser({ userName: 'existing' }))._unsafeUnwrap().description).toBe('x'),
  },
  {
    name: '503 four times × listUsers: gives up after 4 attempts',
    operation: 'listUsers',
    fault: { type: 'status', status: 503 },
    times: 4,
    call: (f) => f.iam.listUsers(),
    expected: 'service:ServerError',
    requests: 4,
    state: async () => undefined,
  },
  {
    name: 'reset before answer × createAccessKey (POST): outcome unknown, no key made',
    operation: 'createAccessKey',
    fault: { type: 'reset' },
    call: (f) => f.iam.createAccessKey({ userName: 'existing' }),
    expected: 'client:Network:unknown',
    requests: 1,
    state: async (f) => expect(await keyCount(f)).toBe(0),
  },
  {
    name: 'lost response × createAccessKey (POST): outcome unknown, never a second key',
    operation: 'createAccessKey',
    fault: { type: 'applyThenReset' },
    call: (f) => f.iam.createAccessKey({ userName: 'existing' }),
    expected: 'client:Network:unknown',
    requests: 1,
    state: async (f) => expect(await keyCount(f)).toBe(1),
  },
  {
    name: 'lost response × addUserToGroup (PUT): retried, same result',
    operation: 'addUserToGroup',
    fault: { type: 'applyThenReset' },
    call: (f) => f.iam.addUserToGroup({ groupName: 'ops', userName: 'existing' }),
    expected: 'ok',
    requests: 2,
    state: async (f) => expect((await f.iam.listUsersInGroup({ groupName: 'ops' }))._unsafeUnwrap()).toHaveLength(1),
  },
  {
    name: 'lost response × deleteUser (DELETE): retried, the retry honestly reports NotFound',
    operation: 'deleteUser',
    fault: { type: 'applyThenReset' },
    call: (f) => f.iam.deleteUser({ userName: 'existing' }),
    expected: 'service:NotFound',
    requests: 2,
    state: async (f) => expect(await userCount(f)).toBe(0),
  },
  {
    name: 'reset × getUser: retried',
    operation: 'getUser',
    fault: { type: 'reset' },
    times: 2,
    call: (f) => f.iam.getUser({ userName: 'existing' }),
    expected: 'ok',
    requests: 3,
    state: async () => undefined,
  },
  {
    name: 'stall × getUser: headers timeout, retried',
    operation: 'getUser',
    fault: { type: 'stall' },
    call: (f) => f.iam.getUser({ userName: 'existing' }),
    expected: 'ok',
    requests: 2,
    state: async () => undefined,
  },
  {
    name: 'stall × createUser (POST): timeout with outcome unknown, not retried',
    operation: 'createUser',
    fault: { type: 'stall' },
    call: (f) => f.iam.createUser({ name: 'new' }),
    expected: 'client:Timeout:unknown',
    requests: 1,
    state: async (f) => expect(await userCount(f)).toBe(1),
  },
  {
    name: 'slow body × listUsers: body timeout, retried',
    operation: 'listUsers',
    fault: { type: 'slowBody', delayMs: 1500 },
    call: (f) => f.iam.listUsers(),
    expected: 'ok',
    requests: 2,
    state: async () => undefined,
  },
  {
    name: 'truncated body × getUser: retried',
    operation: 'getUser',
    fault: { type: 'truncate' },
    call: (f) => f.iam.getUser({ userName: 'existing' }),
    expected: 'ok',
    requests: 2,
    state: async () => undefined,
  },
  {
    name: 'truncated body × createUser (POST): applied, outcome unknown, not retried',
    operation: 'createUser',
    fault: { type: 'truncate' },
    call: (f) => f.iam.createUser({ name: 'new' }),
    expected: 'client:Network:unknown',
    requests: 1,
    state: async (f) => expect(await userCount(f)).toBe(2),
  },
  {
    name: 'HTML 200 (captive portal) × getUser: Decode, not retried',
    operation: 'getUser',
    fault: { type: 'html', status: 200 },
    call: (f) => f.iam.getUser({ userName: 'existing' }),
    expected: 'client:Decode',
    requests: 1,
    state: async () => undefined,
  },
  {
    name: 'HTML 502 (proxy) × getUser: service error, retried',
    operation: 'getUser',
    fault: { type: 'html', status: 502 },
    call: (f) => f.iam.getUser({ userName: 'existing' }),
    expected: 'ok',
    requests: 2,
    state: async () => undefined,
  },
  {
    name: 'HTML 502 (proxy) × createGroup (POST): not retried, nothing created',
    operation: 'createGroup',
    fault: { type: 'html', status: 502 },
    call: (f) => f.iam.createGroup({ name: 'dev' }),
    expected: 'service:ServerError',
    requests: 1,
    state: async (f) => expect((await f.iam.listGroups())._unsafeUnwrap()).toHaveLength(1),
  },
  {
    name: 'clock shift +2 h × listUsers: RequestExpired, clock learned, re-signed',
    operation: 'listUsers',
    fault: { type: 'clockShift', offsetMs: 7_200_000 },
    call: (f) => f.iam.listUsers(),
    expected: 'ok',
    requests: 2,
    state: async () => undefined,
  },
]

describe('retry conformance: emulator faults × operations', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    fx.emulator.injectFaults([{ operation: c.operation, fault: c.fault, times: c.times ?? 1 }])._unsafeUnwrap()
    const result = await c.call(fx)
    expect(outcomeOf(result)).toBe(c.expected)
    const report = fx.emulator.faultReport()
    expect(report.pending).toEqual([])
    expect(report.consumed.map((f) => f.fault.type)).toEqual(Array.from({ length: c.times ?? 1 }, () => c.fault.type))
    const requests = fx.emulator.requestLog().filter((entry) => entry.operation === c.operation)
    expect(requests).toHaveLength(c.requests)
    if (result.isErr()) expect(result.error.attempts).toBe(c.requests)
    expect(events.filter((e) => e.type === 'attempt' && e.operation === c.operation)).toHaveLength(c.requests)
    await c.state(fx)
  })
})
