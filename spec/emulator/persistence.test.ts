import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../../lib/emulator'
import { aclDocument, namesIn, record, startApi, trustDocument, type EmulatorApi } from '../support/emulator-api'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bce-iam-state-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Creates one of everything and answers what a restart must preserve. */
async function populate(api: EmulatorApi) {
  const user = record((await api.call('POST', '/v1/user', { body: { name: 'pat', description: 'p' } })).body)
  const key = record((await api.call('POST', '/v1/user/pat/accesskey')).body)
  await api.call('PUT', '/v1/user/pat/loginProfile', { body: { password: 'persisted-pw', enabledLoginMfa: true } })
  const group = record((await api.call('POST', '/v1/group', { body: { name: 'team' } })).body)
  await api.call('PUT', '/v1/group/team/user/pat')
  const policy = record(
    (await api.call('POST', '/v1/policy', { body: { name: 'mine', document: aclDocument() } })).body,
  )
  await api.call('PUT', '/v1/group/team/policy/mine')
  await api.call('PUT', '/v1/user/pat/policy/ReadOnlyAccess', { query: { policyType: 'System' } })
  const role = record(
    (await api.call('POST', '/v1/role', { body: { name: 'r', assumeRolePolicyDocument: trustDocument('*') } })).body,
  )
  await api.call('PUT', '/v1/role/r/policy/mine')
  await api.call('POST', '/v1/subUser/idp/updateStatus', { query: { status: 'enable' } })
  const session = record((await api.call('POST', '/v1/sessionToken')).body)
  return { user, key, group, policy, role, session }
}

describe('state file', () => {
  it('keeps everything across a restart: entities, ids, edges, keys, sessions, root credentials and account id', async () => {
    const stateFile = join(dir, 'state.json')
    const first = await startApi({ stateFile, seed: 5 })
    const made = await populate(first)
    const usersBefore = (await first.call('GET', '/v1/user')).body
    const { credentials, accountId } = first.emulator
    await first.close()

    const second = await startApi({ stateFile })
    expect(second.emulator.credentials).toEqual(credentials)
    expect(second.emulator.accountId).toBe(accountId)
    expect((await second.call('GET', '/v1/user')).body).toEqual(usersBefore)
    expect(record((await second.call('GET', '/v1/group/team')).body).id).toBe(made.group.id)
    expect(record((await second.call('GET', '/v1/policy/mine')).body)).toEqual(made.policy)
    expect(record((await second.call('GET', '/v1/role/r')).body)).toEqual(made.role)
    expect(namesIn((await second.call('GET', '/v1/group/team/user')).body, 'users')).toEqual(['pat'])
    expect(namesIn((await second.call('GET', '/v1/group/team/policy')).body, 'policies')).toEqual(['mine'])
    expect(namesIn((await second.call('GET', '/v1/user/pat/policy')).body, 'policies')).toEqual(['ReadOnlyAccess'])
    expect(record((await second.call('GET', '/v1/user/pat/loginProfile')).body)).toMatchObject({
      enabledLoginMfa: true,
      passwordExpireDate: expect.any(String),
    })
    expect(record((await second.call('GET', '/v1/subUser/idp/query')).body).status).toBe('enable')
    const userKey = { accessKeyId: String(made.key.id), secretAccessKey: String(made.key.secret) }
    expect((await second.call('GET', '/v1/user', { as: userKey })).status).toBe(200)
    const temporary = {
      accessKeyId: String(made.session.accessKeyId),
      secretAccessKey: String(made.session.secretAccessKey),
      sessionToken: String(made.session.sessionToken),
    }
    expect((await second.call('GET', '/v1/user', { as: temporary })).status).toBe(200)
    expect(await second.call('DELETE', '/v1/user/pat')).toMatchObject({ status: 409, body: { code: 'DeleteConflict' } })
    // The id generator continues where it stopped: the same ids as without a restart.
    const afterRestart = record((await second.call('POST', '/v1/user', { body: { name: 'next' } })).body).id
    await second.close()
    const uninterrupted = await startApi({ seed: 5 })
    await populate(uninterrupted)
    expect(record((await uninterrupted.call('POST', '/v1/user', { body: { name: 'next' } })).body).id).toBe(
      afterRestart,
    )
    await uninterrupted.close()
  })

  it('journals changes owner-only, folds them into versioned owner-only JSON at close, and leaves no temporary files', async () => {
    const stateFile = join(dir, 'state.json')
    const api = await startApi({ stateFile })
    await api.call('POST', '/v1/user', { body: { name: 'v' } })
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.journal'])
    expect(statSync(`${stateFile}.journal`).mode & 0o777).toBe(0o600)
    await api.close()
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, unknown>
    expect(saved.version).toBe(1)
    expect((saved.users as unknown[]).length).toBe(1)
    expect(statSync(stateFile).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir)).toEqual(['state.json'])
  })

  it('starts empty (and creates the file) when it is missing; forgets expired sessions', async () => {
    const stateFile = join(dir, 'fresh.json')
    const api = await startApi({ stateFile })
    expect(readdirSync(dir)).toEqual(['fresh.json'])
    expect((await api.call('GET', '/v1/user')).body).toEqual({ users: [] })
    await api.call('POST', '/v1/sessionToken', { query: { durationSeconds: '60' } })
    await api.close()
    expect((JSON.parse(readFileSync(stateFile, 'utf8')) as { sessions: unknown[] }).sessions).toHaveLength(1)
    const later = await startApi({ stateFile, clockOffsetMs: 120_000 })
    await later.close()
    expect((JSON.parse(readFileSync(stateFile, 'utf8')) as { sessions: unknown[] }).sessions).toHaveLength(0)
  })

  it.each([
    ['not JSON', '{"version":1,'],
    ['another version', '{"version":2}'],
    ['the wrong shape', '{"version":1,"users":"none"}'],
    ['a dangling edge', 'DANGLING'],
  ])('refuses a state file that is %s with InvalidConfig, never throwing', async (_what, content) => {
    const stateFile = join(dir, 'bad.json')
    if (content === 'DANGLING') {
      const api = await startApi({ stateFile })
      await api.call('POST', '/v1/user', { body: { name: 'x' } })
      await api.close()
      const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, unknown>
      writeFileSync(
        stateFile,
        JSON.stringify({ ...saved, memberships: [{ groupId: 'g', userId: 'u', joinTime: '2020-01-01T00:00:00Z' }] }),
      )
    } else {
      writeFileSync(stateFile, content)
    }
    const started = await startEmulator({ stateFile })
    expect(started._unsafeUnwrapErr()).toMatchObject({
      _tag: 'BceClientError',
      reason: 'InvalidConfig',
      operation: 'startEmulator',
      message: expect.stringContaining(stateFile),
    })
  })

  it('refuses a state file it cannot write', async () => {
    const started = await startEmulator({ stateFile: join(dir, 'no-such-dir', 'state.json') })
    expect(started._unsafeUnwrapErr()).toMatchObject({ reason: 'InvalidConfig' })
  })
})
