import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { acl, allow, StsClient, type Acl, type Credentials } from '../../lib'
import type { EmulatorOptions } from '../../lib/emulator'
import { MAX_DOCUMENT_CHARS } from '../../lib/emulator/json-limits'
import { DEFAULT_LIMITS } from '../../lib/emulator/state'
import { serviceErrorOf } from '../support/expect-error'
import { record, startApi, type EmulatorApi } from '../support/emulator-api'
import type { Signer } from '../support/signed-request'

let api: EmulatorApi | undefined
const clients: StsClient[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  await api?.close()
  api = undefined
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function start(options: EmulatorOptions): Promise<EmulatorApi> {
  api = await startApi({ seed: 77, ...options })
  return api
}

const asSigner = (body: unknown): Signer => {
  const fields = record(body)
  return {
    accessKeyId: String(fields.accessKeyId),
    secretAccessKey: String(fields.secretAccessKey),
    sessionToken: String(fields.sessionToken),
  }
}

function stsAs(emulator: EmulatorApi, credentials: Credentials): StsClient {
  const client = new StsClient({ endpoint: emulator.emulator.stsEndpoint, credentials, allowInsecureHttp: true })
  clients.push(client)
  return client
}

/** A sub-user without policies, and its key pair. */
async function nobody(emulator: EmulatorApi, name: string): Promise<Signer> {
  expect((await emulator.call('POST', '/v1/user', { body: { name } })).status).toBe(201)
  const key = record((await emulator.call('POST', `/v1/user/${name}/accesskey`)).body)
  return { accessKeyId: String(key.id), secretAccessKey: String(key.secret) }
}

const sessionToken = (emulator: EmulatorApi, as: Signer, durationSeconds = 3600, body?: unknown) =>
  emulator.call('POST', '/v1/sessionToken', {
    as,
    query: { durationSeconds: String(durationSeconds) },
    ...(body === undefined ? {} : { body }),
  })

/** An ACL of roughly `chars` characters of compact JSON. */
function aclOfSize(chars: number): Acl {
  const statement = allow({ service: 'bce:bos', resource: 'bucket/x', permission: 'READ' })
  const one = JSON.stringify(statement).length + 1
  const count = Math.max(1, Math.floor((chars - 30) / one))
  return acl(
    ...Array.from({ length: count }, (_, i) => allow({ service: 'bce:bos', resource: `b${i}/x`, permission: 'READ' })),
  )
}

describe('E10: temporary credentials are bounded per principal and per account', () => {
  it('defaults: 100 per principal, 500 per account', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ sessionsPerPrincipal: 100, sessionsPerAccount: 500 })
  })

  it('a sub-user without policies gets at most sessionsPerPrincipal live sessions: then 409 LimitExceeded, nothing stored', async () => {
    const emulator = await start({ limits: { sessionsPerPrincipal: 3 } })
    const key = await nobody(emulator, 'nobody')
    for (let i = 0; i < 3; i += 1) expect((await sessionToken(emulator, key)).status).toBe(200)
    const refused = serviceErrorOf(await stsAs(emulator, key).getSessionToken({ durationSeconds: 3600 }))
    expect(refused).toMatchObject({ statusCode: 409, code: 'LimitExceeded', kind: 'LimitExceeded' })
    expect(refused.message).toContain('per principal is limited to 3')
    // Another principal (root) is not affected by the sub-user's bound.
    expect((await sessionToken(emulator, emulator.root)).status).toBe(200)
    const log = emulator.emulator.requestLog().filter((entry) => entry.operation === 'getSessionToken')
    expect(log.map((entry) => entry.status)).toEqual([200, 200, 200, 409, 200])
  })

  it('expired credentials make room: they are forgotten when the bound is reached, live ones never are', async () => {
    const emulator = await start({ limits: { sessionsPerPrincipal: 2 } })
    const key = await nobody(emulator, 'nobody')
    const short = asSigner((await sessionToken(emulator, key, 60)).body)
    const long = asSigner((await sessionToken(emulator, key, 7200)).body)
    expect((await sessionToken(emulator, key)).status).toBe(409)
    emulator.moveClock(120_000)
    // Expired (and remembered): InvalidSessionToken.
    expect(record((await emulator.call('GET', '/v1/user', { as: short })).body).code).toBe('InvalidSessionToken')
    expect((await sessionToken(emulator, key)).status).toBe(200)
    // The expired session was forgotten to make room; the live one still authenticates.
    expect(record((await emulator.call('GET', '/v1/user', { as: short })).body).code).toBe('InvalidAccessKeyId')
    expect(record((await emulator.call('GET', '/v1/user', { as: long })).body).code).toBe('AccessDenied')
    expect((await sessionToken(emulator, key)).status).toBe(409)
  })

  it('the account bound counts every principal; assumeRole is bounded too', async () => {
    const emulator = await start({ limits: { sessionsPerAccount: 4 } })
    const a = await nobody(emulator, 'a')
    const b = await nobody(emulator, 'b')
    expect((await sessionToken(emulator, a)).status).toBe(200)
    expect((await sessionToken(emulator, a)).status).toBe(200)
    expect((await sessionToken(emulator, b)).status).toBe(200)
    const trust = JSON.stringify(
      acl(allow({ service: 'bce:iam', permission: 'AssumeRole', grantee: emulator.emulator.accountId })),
    )
    expect(
      (await emulator.call('POST', '/v1/role', { body: { name: 'r', assumeRolePolicyDocument: trust } })).status,
    ).toBe(201)
    const assume = () =>
      emulator.call('POST', '/v1/credential', {
        query: { assumeRole: null, accountId: emulator.emulator.accountId, roleName: 'r' },
      })
    expect((await assume()).status).toBe(200)
    const full = await assume()
    expect(full).toMatchObject({ status: 409, body: { code: 'LimitExceeded' } })
    expect(record(full.body).message).toContain('per account is limited to 4')
    expect(await sessionToken(emulator, b)).toMatchObject({ status: 409 })
  })

  it('an ACL longer than the document limit is refused (400) before anything is stored', async () => {
    const emulator = await start({})
    const key = await nobody(emulator, 'nobody')
    const huge = aclOfSize(200_000)
    expect(JSON.stringify(huge).length).toBeGreaterThan(MAX_DOCUMENT_CHARS)
    expect(await sessionToken(emulator, key, 3600, huge)).toMatchObject({
      status: 400,
      body: { code: 'InappropriateJSON' },
    })
    const fits = aclOfSize(MAX_DOCUMENT_CHARS - 200)
    expect(JSON.stringify(fits).length).toBeLessThanOrEqual(MAX_DOCUMENT_CHARS)
    expect((await sessionToken(emulator, key, 3600, fits)).status).toBe(200)
  })

  it("the issue's attack (300 big-ACL sessions by a zero-policy sub-user) leaves a bounded state file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bce-iam-sessions-'))
    dirs.push(dir)
    const emulator = await start({ stateFile: join(dir, 'state.json') })
    const key = await nobody(emulator, 'nobody')
    const big = aclOfSize(MAX_DOCUMENT_CHARS - 200)
    const statuses: number[] = []
    for (let i = 0; i < 300; i += 1) statuses.push((await sessionToken(emulator, key, 3600, big)).status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(DEFAULT_LIMITS.sessionsPerPrincipal)
    expect(statuses.filter((status) => status === 409)).toHaveLength(300 - DEFAULT_LIMITS.sessionsPerPrincipal)
    const bytes = readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0)
    // 100 sessions of at most ~6.5 KB each, plus the rest of the state (a journal may hold each once more).
    expect(bytes).toBeLessThan(2 * DEFAULT_LIMITS.sessionsPerPrincipal * (MAX_DOCUMENT_CHARS + 1024) + 64 * 1024)
  })

  /** Issues a 60 s session in a fresh --state emulator, stops it, restarts `offsetMs` later; what does the session answer? */
  async function afterRestart(offsetMs: number): Promise<unknown> {
    const dir = mkdtempSync(join(tmpdir(), 'bce-iam-sessions-'))
    dirs.push(dir)
    const stateFile = join(dir, 'state.json')
    const first = await start({ stateFile })
    const key = await nobody(first, 'nobody')
    const session = asSigner((await sessionToken(first, key, 60)).body)
    expect(record((await first.call('GET', '/v1/user', { as: session })).body).code).toBe('AccessDenied')
    await first.close()
    api = undefined
    const restarted = await start({ stateFile, clockOffsetMs: offsetMs })
    return record((await restarted.call('GET', '/v1/user', { as: session })).body).code
  }

  it('on load, credentials that expired less than a day ago are kept (they answer InvalidSessionToken)', async () => {
    expect(await afterRestart(3_600_000)).toBe('InvalidSessionToken')
  })

  it('on load, credentials that expired more than a day ago are dropped', async () => {
    expect(await afterRestart(3 * 24 * 3_600_000)).toBe('InvalidAccessKeyId')
  })
})
