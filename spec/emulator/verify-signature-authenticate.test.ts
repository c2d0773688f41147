import { createHmac } from 'node:crypto'
import { SECURITY_TOKEN_HEADER } from '../../lib/emulator/authenticate'
import { authenticateWire } from './verifier-harness'
import { EmulatorClock } from '../../lib/emulator/clock'
import { IdGenerator } from '../../lib/emulator/ids'
import { DEFAULT_LIMITS, EmulatorState, type SessionRecord } from '../../lib/emulator/state'
import type { WireRequest } from '../../lib/emulator/wire'

const NOW = Date.UTC(2024, 2, 1, 10, 0, 0)
const TS = '2024-03-01T10:00:00Z'
const ROOT = { accessKeyId: 'root-ak', secretAccessKey: 'root-sk' }
const hmacHex = (key: string, text: string): string => createHmac('sha256', key).update(text, 'utf8').digest('hex')
const enc = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

let state: EmulatorState
let clockMs = NOW
beforeEach(() => {
  clockMs = NOW
  state = new EmulatorState({
    root: ROOT,
    accountId: 'a'.repeat(32),
    clock: new EmulatorClock(() => clockMs),
    ids: new IdGenerator(3),
    limits: DEFAULT_LIMITS,
  })
})

/** A GET signed by hand with `ak`/`sk`, optionally carrying (and signing) a session token. */
function signed(ak: string, sk: string, token?: { value: string; signed: boolean; signedValue?: string }): WireRequest {
  const headers: Record<string, string> = { host: 'h:1', 'x-bce-date': TS }
  if (token !== undefined) headers[SECURITY_TOKEN_HEADER] = token.value
  const names = ['host', 'x-bce-date', ...(token?.signed === true ? [SECURITY_TOKEN_HEADER] : [])]
  const lines = names
    .map(
      (name) =>
        `${name}:${enc((name === SECURITY_TOKEN_HEADER ? (token?.signedValue ?? token?.value) : headers[name])?.trim() ?? '')}`,
    )
    .sort()
  const prefix = `bce-auth-v1/${ak}/${TS}/1800`
  const signature = hmacHex(hmacHex(sk, prefix), `GET\n/v1/user\n\n${lines.join('\n')}`)
  return {
    method: 'GET',
    rawPath: '/v1/user',
    rawQuery: '',
    headers: { ...headers, authorization: `${prefix}/${names.join(';')}/${signature}` },
    repeatedHeaders: new Set(),
    body: Buffer.alloc(0),
  }
}

function addUser(name: string, enabled = true): string {
  const id = state.ids.next()
  state.users.set(name, { id, name, description: '', enabled, createTime: state.timestamp() })
  return id
}

function addKey(userId: string, enabled = true): { id: string; secret: string } {
  const key = { id: `ak-${state.ids.next()}`, secret: `sk-${state.ids.next()}` }
  state.accessKeys.set(key.id, { ...key, userId, enabled, createTime: state.timestamp() })
  return key
}

function addSession(subject: SessionRecord['subject'], extra: Partial<SessionRecord> = {}): SessionRecord {
  const session: SessionRecord = {
    accessKeyId: `tmp-${state.ids.next()}`,
    secretAccessKey: 'tmp-secret',
    sessionToken: 'the-token',
    createTime: state.timestamp(),
    expiration: state.timestamp(3600_000),
    subject,
    userId: 'x',
    ...extra,
  }
  state.sessions.set(session.accessKeyId, session)
  return session
}

const invalidKey = (message: string) => ({ status: 403, code: 'InvalidAccessKeyId', message })

describe('authenticate: long-term keys', () => {
  it('the root key pair acts as the root account', () => {
    expect(authenticateWire(state, signed(ROOT.accessKeyId, ROOT.secretAccessKey))).toEqual({
      accessKeyId: ROOT.accessKeyId,
      principal: { kind: 'root' },
    })
  })

  it("a sub-user's enabled key acts as that user and records when it was used", () => {
    const userId = addUser('alice')
    const key = addKey(userId)
    clockMs = NOW + 5000
    const pending = state.changes.pending().length
    expect(authenticateWire(state, signed(key.id, key.secret))).toEqual({
      accessKeyId: key.id,
      principal: { kind: 'user', userName: 'alice', userId },
    })
    expect(state.keyLastUsedTime(key.id)).toBe(state.timestamp())
    expect(state.accessKeys.get(key.id)?.secret).toBe(key.secret)
    // Recording the use is not a tracked change: no journal write for a read-only request.
    expect(state.changes.pending()).toHaveLength(pending)
  })

  it('a disabled key, a disabled owner, a wrong secret and an unknown key are refused', () => {
    const disabledKey = addKey(addUser('bob'), false)
    const ownerDisabled = addKey(addUser('carol', false))
    const good = addKey(addUser('dave'))
    const unknown = invalidKey('the access key id does not exist or is disabled')
    expect(authenticateWire(state, signed(disabledKey.id, disabledKey.secret))).toEqual(unknown)
    expect(authenticateWire(state, signed(ownerDisabled.id, ownerDisabled.secret))).toEqual(unknown)
    expect(authenticateWire(state, signed('nobody', 'x'))).toEqual(unknown)
    expect(authenticateWire(state, signed(good.id, 'wrong'))).toMatchObject({ code: 'SignatureDoesNotMatch' })
    expect(authenticateWire(state, signed(ROOT.accessKeyId, 'wrong'))).toMatchObject({ code: 'SignatureDoesNotMatch' })
    expect(state.keyLastUsedTime(good.id)).toBeUndefined()
  })

  it('a key whose owner was deleted is refused', () => {
    const key = addKey('no-such-user-id')
    expect(authenticateWire(state, signed(key.id, key.secret))).toEqual(
      invalidKey('the access key id does not exist or is disabled'),
    )
  })
})

describe('authenticate: temporary credentials', () => {
  it('root, user and role sessions act for their subject, with the session (and its ACL) attached', () => {
    const acl = { accessControlList: [] }
    const root = addSession({ kind: 'root' })
    const userId = addUser('erin')
    const user = addSession({ kind: 'user', userId }, { acl })
    const roleId = state.ids.next()
    state.roles.set('admin', {
      id: roleId,
      name: 'admin',
      description: '',
      assumeRolePolicyDocument: '{}',
      createTime: '',
    })
    const role = addSession({ kind: 'role', roleId })
    const token = { value: 'the-token', signed: true }
    expect(authenticateWire(state, signed(root.accessKeyId, 'tmp-secret', token))).toEqual({
      accessKeyId: root.accessKeyId,
      principal: { kind: 'root', viaSession: { accessKeyId: root.accessKeyId, expiration: root.expiration } },
    })
    expect(authenticateWire(state, signed(user.accessKeyId, 'tmp-secret', token))).toEqual({
      accessKeyId: user.accessKeyId,
      principal: {
        kind: 'user',
        userName: 'erin',
        userId,
        viaSession: { accessKeyId: user.accessKeyId, expiration: user.expiration, acl },
      },
    })
    expect(authenticateWire(state, signed(role.accessKeyId, 'tmp-secret', token))).toEqual({
      accessKeyId: role.accessKeyId,
      principal: {
        kind: 'role',
        roleName: 'admin',
        roleId,
        viaSession: { accessKeyId: role.accessKeyId, expiration: role.expiration },
      },
    })
  })

  it('the token must be sent, signed and right (compared trimmed)', () => {
    const session = addSession({ kind: 'root' })
    const ak = session.accessKeyId
    expect(authenticateWire(state, signed(ak, 'tmp-secret'))).toEqual({
      status: 400,
      code: 'InvalidSessionToken',
      message: 'temporary credentials need the x-bce-security-token header',
    })
    expect(authenticateWire(state, signed(ak, 'tmp-secret', { value: '   ', signed: false }))).toMatchObject({
      code: 'InvalidSessionToken',
      message: 'temporary credentials need the x-bce-security-token header',
    })
    expect(authenticateWire(state, signed(ak, 'tmp-secret', { value: 'the-token', signed: false }))).toEqual({
      status: 400,
      code: 'InvalidSessionToken',
      message: 'the x-bce-security-token header must be signed',
    })
    expect(authenticateWire(state, signed(ak, 'tmp-secret', { value: 'other-token', signed: true }))).toEqual({
      status: 400,
      code: 'InvalidSessionToken',
      message: 'the session token does not belong to these temporary credentials',
    })
    expect(authenticateWire(state, signed(ak, 'tmp-secret', { value: ' the-token ', signed: true }))).toMatchObject({
      principal: { kind: 'root' },
    })
  })

  it('the signature is checked before the token', () => {
    const session = addSession({ kind: 'root' })
    expect(authenticateWire(state, signed(session.accessKeyId, 'wrong', { value: 'bad', signed: true }))).toMatchObject(
      {
        code: 'SignatureDoesNotMatch',
      },
    )
  })

  it('sessions work through their expiration and are 400 InvalidSessionToken after it', () => {
    const session = addSession({ kind: 'root' }, { expiration: state.timestamp(60_000) })
    const token = { value: 'the-token', signed: true }
    clockMs = NOW + 60_000
    expect(authenticateWire(state, signed(session.accessKeyId, 'tmp-secret', token))).toHaveProperty('principal')
    clockMs = NOW + 61_000
    expect(authenticateWire(state, signed(session.accessKeyId, 'tmp-secret', token))).toEqual({
      status: 400,
      code: 'InvalidSessionToken',
      message: `the temporary credentials expired at ${session.expiration}`,
    })
  })

  it('a session whose user is gone or disabled, or whose role is gone, is refused', () => {
    const token = { value: 'the-token', signed: true }
    const disabledId = addUser('frank', false)
    const forDisabled = addSession({ kind: 'user', userId: disabledId })
    const forGone = addSession({ kind: 'user', userId: 'gone' })
    const forGoneRole = addSession({ kind: 'role', roleId: 'gone' })
    const userGone = invalidKey('the user these temporary credentials act for no longer exists or is disabled')
    expect(authenticateWire(state, signed(forDisabled.accessKeyId, 'tmp-secret', token))).toEqual(userGone)
    expect(authenticateWire(state, signed(forGone.accessKeyId, 'tmp-secret', token))).toEqual(userGone)
    expect(authenticateWire(state, signed(forGoneRole.accessKeyId, 'tmp-secret', token))).toEqual(
      invalidKey('the role these temporary credentials act for no longer exists'),
    )
  })
})
