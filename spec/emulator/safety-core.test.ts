import { signRequest } from '../../lib/auth/sign-request'
import { formatBceTimestamp } from '../../lib/auth/timestamp'
import { EmulatorClock } from '../../lib/emulator/clock'
import { EmulatorCore } from '../../lib/emulator/emulator-core'
import { IdGenerator } from '../../lib/emulator/ids'
import { DEFAULT_LIMITS, EmulatorState } from '../../lib/emulator/state'
import { parseRequest, type ParsedRequest } from '../../lib/emulator/parsed-request'

const NOW = Date.UTC(2025, 0, 2, 3, 4, 5)
const root = { accessKeyId: 'root-ak', secretAccessKey: 'root-sk' }

function core(): EmulatorCore {
  const state = new EmulatorState({
    root,
    accountId: 'a'.repeat(32),
    clock: new EmulatorClock(() => NOW),
    ids: new IdGenerator(1),
    limits: DEFAULT_LIMITS,
  })
  return new EmulatorCore({ state, initialLimits: DEFAULT_LIMITS, initialClockOffsetMs: 0 })
}

/** A request signed by the root key pair, parsed as the HTTP layer would hand it over. */
function signed(method: string, path: string, body?: unknown): ParsedRequest {
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body))
  const headers: Record<string, string> = {
    host: 'emulator.test',
    'x-bce-date': formatBceTimestamp(NOW) as string,
    ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(payload.length) }),
  }
  const authorization = signRequest({ credentials: root, method, path, headers, timestamp: new Date(NOW) })
  return parseRequest({
    method,
    rawPath: path,
    rawQuery: '',
    headers: { ...headers, authorization: authorization._unsafeUnwrap() },
    repeatedHeaders: new Set(),
    body: payload,
  })
}

describe('a handler that throws (issue 11, emulator 1 and 12)', () => {
  it('is answered 500, logged, and its partial change undone', () => {
    const emulator = core()
    expect(emulator.handle(signed('POST', '/v1/user', { name: 'u' }), 'r1').isOk()).toBe(true)
    expect(emulator.handle(signed('POST', '/v1/group', { name: 'g' }), 'r2').isOk()).toBe(true)
    const { memberships } = emulator.state
    const add = memberships.add.bind(memberships)
    memberships.add = (edge) => {
      add(edge)
      throw new Error('boom after the change')
    }
    const outcome = emulator.handle(signed('PUT', '/v1/group/g/user/u'), 'r3')
    expect(outcome._unsafeUnwrapErr()).toEqual({
      status: 500,
      code: 'InternalError',
      message: 'the emulator failed to handle the request',
    })
    expect(memberships.all()).toEqual([])
    expect(emulator.requestLog().map((entry) => [entry.requestId, entry.status, entry.operation])).toEqual([
      ['r1', 201, 'createUser'],
      ['r2', 201, 'createGroup'],
      ['r3', 500, 'addUserToGroup'],
    ])
  })

  it('undoes a change to a map too (a user created before the failure)', () => {
    const emulator = core()
    const { users } = emulator.state
    const set = users.set.bind(users)
    users.set = (key, value) => {
      set(key, value)
      throw new Error('boom')
    }
    expect(emulator.handle(signed('POST', '/v1/user', { name: 'u' }), 'r1')._unsafeUnwrapErr()).toMatchObject({
      status: 500,
    })
    expect([...users.keys()]).toEqual([])
    expect(emulator.requestLog()).toEqual([expect.objectContaining({ requestId: 'r1', status: 500 })])
  })
})
