import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../../lib/emulator'
import { aclDocument, record, startApi, type EmulatorApi } from '../support/emulator-api'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bce-iam-journal-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const journalOf = (stateFile: string): string => `${stateFile}.journal`
const sizeOf = (path: string): number => {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/** Copies a state file and its journal as a crash would leave them (the emulator keeps running). */
function crashCopy(stateFile: string, name: string): string {
  const copy = join(dir, name)
  copyFileSync(stateFile, copy)
  if (sizeOf(journalOf(stateFile)) > 0) copyFileSync(journalOf(stateFile), journalOf(copy))
  return copy
}

describe('changes are persisted before they are answered (issue 11, emulator 1 and 12)', () => {
  it('answers 500 for a createUser it cannot persist, and the user does not exist afterwards, not even after a restart', async () => {
    const sub = join(dir, 'sub')
    mkdirSync(sub)
    const stateFile = join(sub, 'state.json')
    const api = await startApi({ stateFile, seed: 1 })
    rmSync(sub, { recursive: true })
    const refused = await api.call('POST', '/v1/user', { body: { name: 'ghost' } })
    expect(refused).toMatchObject({ status: 500, body: { code: 'InternalError' } })
    expect((await api.call('GET', '/v1/user/ghost')).status).toBe(404)
    expect(api.emulator.requestLog()).toContainEqual(
      expect.objectContaining({ operation: 'createUser', status: 500, code: 'InternalError' }),
    )
    mkdirSync(sub)
    expect((await api.call('POST', '/v1/user', { body: { name: 'kept' } })).status).toBe(201)
    await api.close()
    const again = await startApi({ stateFile })
    expect((await again.call('GET', '/v1/user/ghost')).status).toBe(404)
    expect((await again.call('GET', '/v1/user/kept')).status).toBe(200)
    await again.close()
  })

  it('undoes every part of a refused change: a membership, an attachment and an SSO update', async () => {
    const sub = join(dir, 'sub')
    mkdirSync(sub)
    const stateFile = join(sub, 'state.json')
    const api = await startApi({ stateFile, seed: 2 })
    await api.call('POST', '/v1/user', { body: { name: 'u' } })
    await api.call('POST', '/v1/group', { body: { name: 'g' } })
    await api.call('POST', '/v1/policy', { body: { name: 'p', document: aclDocument() } })
    rmSync(sub, { recursive: true })
    expect((await api.call('PUT', '/v1/group/g/user/u')).status).toBe(500)
    expect((await api.call('PUT', '/v1/user/u/policy/p')).status).toBe(500)
    expect((await api.call('POST', '/v1/subUser/idp/updateStatus', { query: { status: 'enable' } })).status).toBe(500)
    expect(record((await api.call('GET', '/v1/group/g/user')).body).users).toEqual([])
    expect(record((await api.call('GET', '/v1/user/u/policy')).body).policies).toEqual([])
    expect(record((await api.call('GET', '/v1/subUser/idp/query')).body).status).toBe('disable')
    mkdirSync(sub)
    await api.close()
  })
})

describe('the journal (issue 11, emulator 10)', () => {
  it('replays every acknowledged change after a crash, and the ids continue where they stopped', async () => {
    const stateFile = join(dir, 'state.json')
    const api = await startApi({ stateFile, seed: 9 })
    await api.call('POST', '/v1/user', { body: { name: 'a' } })
    await api.call('POST', '/v1/user', { body: { name: 'b' } })
    await api.call('POST', '/v1/group', { body: { name: 'g' } })
    await api.call('PUT', '/v1/group/g/user/a')
    await api.call('POST', '/v1/policy', { body: { name: 'p', document: aclDocument() } })
    await api.call('PUT', '/v1/group/g/policy/p')
    await api.call('DELETE', '/v1/user/b')
    await api.call('PUT', '/v1/user/a', { body: { description: 'renamed', name: 'a2' } })
    await api.call('POST', '/v1/subUser/idp/updateStatus', { query: { status: 'enable' } })
    const session = record((await api.call('POST', '/v1/sessionToken')).body)
    expect(sizeOf(journalOf(stateFile))).toBeGreaterThan(0)
    const users = (await api.call('GET', '/v1/user')).body
    const copy = crashCopy(stateFile, 'crashed.json')
    const next = record((await api.call('POST', '/v1/user', { body: { name: 'next' } })).body)
    await api.close()

    const restarted = await startApi({ stateFile: copy })
    expect((await restarted.call('GET', '/v1/user')).body).toEqual(users)
    expect(record((await restarted.call('GET', '/v1/group/g/user')).body).users).toEqual([
      expect.objectContaining({ name: 'a2' }),
    ])
    expect(record((await restarted.call('GET', '/v1/group/g/policy')).body).policies).toEqual([
      expect.objectContaining({ name: 'p' }),
    ])
    expect(record((await restarted.call('GET', '/v1/subUser/idp/query')).body).status).toBe('enable')
    const temporary = {
      accessKeyId: String(session.accessKeyId),
      secretAccessKey: String(session.secretAccessKey),
      sessionToken: String(session.sessionToken),
    }
    expect((await restarted.call('GET', '/v1/user', { as: temporary })).status).toBe(200)
    expect(record((await restarted.call('POST', '/v1/user', { body: { name: 'next' } })).body).id).toBe(next.id)
    await restarted.close()
  })

  it('ignores a torn last line and lines of an older generation', async () => {
    const stateFile = join(dir, 'state.json')
    const api = await startApi({ stateFile, seed: 4 })
    await api.call('POST', '/v1/user', { body: { name: 'real' } })
    const copy = crashCopy(stateFile, 'torn.json')
    await api.close()
    const generation = (JSON.parse(readFileSync(copy, 'utf8')) as { journalGeneration: number }).journalGeneration
    const ghost = {
      id: 'f'.repeat(32),
      name: 'ghost',
      description: '',
      enabled: true,
      createTime: '2024-01-01T00:00:00Z',
    }
    appendFileSync(journalOf(copy), `\n${JSON.stringify({ g: generation - 1, c: [['users', 'ghost', ghost]] })}\n`)
    appendFileSync(journalOf(copy), `\n{"g":${generation},"c":[["users","torn",{"id":"`)
    const restarted = await startApi({ stateFile: copy })
    const names = (record((await restarted.call('GET', '/v1/user')).body).users as Array<{ name: string }>).map(
      (u) => u.name,
    )
    expect(names).toEqual(['real'])
    await restarted.close()
  })

  it('refuses a journal line of the current generation that does not decode, with InvalidConfig', async () => {
    const stateFile = join(dir, 'state.json')
    const api = await startApi({ stateFile })
    await api.call('POST', '/v1/user', { body: { name: 'real' } })
    const copy = crashCopy(stateFile, 'bad.json')
    await api.close()
    const generation = (JSON.parse(readFileSync(copy, 'utf8')) as { journalGeneration: number }).journalGeneration
    appendFileSync(journalOf(copy), `\n${JSON.stringify({ g: generation, c: [['users', 'x', { name: 3 }]] })}\n`)
    appendFileSync(journalOf(copy), `\n${JSON.stringify({ g: generation, c: [] })}\n`)
    const started = await startEmulator({ stateFile: copy })
    expect(started._unsafeUnwrapErr()).toMatchObject({
      reason: 'InvalidConfig',
      message: expect.stringContaining('journal'),
    })
  })

  it('persists a change by appending its own bytes, whatever the size of the state; compacts as the journal grows', async () => {
    const stateFile = join(dir, 'state.json')
    // 150 root sessions grow the state: above the default bound of live sessions per principal.
    const api = await startApi({ stateFile, seed: 6, limits: { sessionsPerPrincipal: 150 } })
    const generationOf = (): number =>
      (JSON.parse(readFileSync(stateFile, 'utf8')) as { journalGeneration: number }).journalGeneration
    const costOfOneChange = async (
      on: EmulatorApi,
      name: string,
    ): Promise<{ journal: number; stateFileRewritten: boolean }> => {
      const before = { journal: sizeOf(journalOf(stateFile)), state: statSync(stateFile) }
      expect((await on.call('POST', '/v1/user', { body: { name } })).status).toBe(201)
      const after = statSync(stateFile)
      return {
        journal: sizeOf(journalOf(stateFile)) - before.journal,
        stateFileRewritten: after.ino !== before.state.ino || after.mtimeMs !== before.state.mtimeMs,
      }
    }
    const small = await costOfOneChange(api, 'small-state')
    const firstGeneration = generationOf()
    const acl = {
      accessControlList: [
        { service: 'bcc', region: '*', resource: ['*'], permission: ['x'.repeat(5000)], effect: 'Allow' },
      ],
    }
    for (let i = 0; i < 150; i += 1)
      expect((await api.call('POST', '/v1/sessionToken', { body: acl })).status).toBe(200)
    expect(generationOf()).toBeGreaterThan(firstGeneration)
    expect(statSync(stateFile).size).toBeGreaterThan(400 * 1024)
    // Restart, so the next change is an append and not the compaction that may happen to be due.
    await api.close()
    const reopened = await startApi({ stateFile })
    const large = await costOfOneChange(reopened, 'large-state')
    expect(large.stateFileRewritten).toBe(false)
    expect(small.stateFileRewritten).toBe(false)
    expect(large.journal).toBeGreaterThan(0)
    expect(Math.abs(large.journal - small.journal)).toBeLessThanOrEqual(2)
    await reopened.close()
    const restarted = await startApi({ stateFile })
    expect((await restarted.call('GET', '/v1/user/large-state')).status).toBe(200)
    expect((JSON.parse(readFileSync(stateFile, 'utf8')) as { sessions: unknown[] }).sessions).toHaveLength(150)
    await restarted.close()
  })
})
