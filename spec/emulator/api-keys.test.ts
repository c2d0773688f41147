import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { record, startApi } from '../support/emulator-api'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bce-iam-apikeys-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const ACL = {
  accessControlList: [
    { service: 'bce:ai_apaas', region: 'global', resource: ['*'], permission: ['UseApp'], effect: 'Allow' },
  ],
}

describe('API keys in the state file', () => {
  it('survive a restart with their secret, owner and ACL; the owner still cannot be deleted', async () => {
    const stateFile = join(dir, 'state.json')
    const first = await startApi({ stateFile, seed: 3 })
    const user = record((await first.call('POST', '/v1/user', { body: { name: 'pat' } })).body)
    const created = record(
      (await first.call('POST', '/v1/apikey/create', { body: { userId: user.id, acl: ACL } })).body,
    )
    await first.close()

    const second = await startApi({ stateFile })
    const plain = record(
      (await second.call('POST', '/v1/apikey/decrypt', { body: { userId: user.id, id: created.id } })).body,
    )
    expect(plain).toMatchObject({ id: created.id, tokenId: created.tokenId, services: ['bce:ai_apaas'] })
    const detail = record(
      (await second.call('POST', '/v1/apikey/detail', { body: { userId: user.id, id: created.id } })).body,
    )
    expect(detail.acl).toEqual(ACL)
    expect(await second.call('DELETE', '/v1/user/pat')).toMatchObject({ status: 409, body: { code: 'DeleteConflict' } })
    await second.close()
  })

  it('a state file written before API keys existed (no apiKeys field) loads with none', async () => {
    const stateFile = join(dir, 'state.json')
    const first = await startApi({ stateFile, seed: 4 })
    await first.call('POST', '/v1/apikey/create', { body: { acl: ACL } })
    await first.close()
    const snapshot = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, unknown>
    expect(snapshot.apiKeys).toHaveLength(1)
    delete snapshot.apiKeys
    writeFileSync(stateFile, JSON.stringify(snapshot), { mode: 0o600 })

    const second = await startApi({ stateFile })
    const listed = record((await second.call('POST', '/v1/apikey/list', { body: {} })).body)
    expect(record(listed.page)).toMatchObject({ totalCount: 0, result: [] })
    await second.close()
  })
})
