import { namesIn, record, startApi, type EmulatorApi } from '../support/emulator-api'

let api: EmulatorApi
beforeEach(async () => {
  api = await startApi({ seed: 31 })
  for (const name of ['ann', 'ben']) await api.call('POST', '/v1/user', { body: { name } })
})
afterEach(async () => {
  await api.close()
})

describe('groups (G1–G5)', () => {
  it('creates (201), reads, updates, renames, lists and deletes', async () => {
    const created = await api.call('POST', '/v1/group', { body: { name: 'ops', description: 'on call' } })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'ops',
      description: 'on call',
      createTime: expect.any(String),
    })
    expect((await api.call('GET', '/v1/group/ops')).body).toEqual(created.body)
    expect(record((await api.call('PUT', '/v1/group/ops', { body: { description: 'sre' } })).body)).toMatchObject({
      name: 'ops',
      description: 'sre',
    })
    expect(record((await api.call('PUT', '/v1/group/ops', { body: { name: 'sre' } })).body)).toMatchObject({
      id: record(created.body).id,
      name: 'sre',
      description: 'sre',
    })
    expect(namesIn((await api.call('GET', '/v1/group')).body, 'groups')).toEqual(['sre'])
    expect((await api.call('DELETE', '/v1/group/sre')).status).toBe(200)
    expect((await api.call('GET', '/v1/group/sre')).status).toBe(404)
  })

  it('checks names, descriptions, uniqueness and renames onto a taken name', async () => {
    expect((await api.call('POST', '/v1/group', { body: { name: 'g'.repeat(65) } })).body).toMatchObject({
      code: 'InappropriateJSON',
    })
    expect((await api.call('POST', '/v1/group', { body: { name: 'g'.repeat(64) } })).status).toBe(201)
    expect(
      (await api.call('POST', '/v1/group', { body: { name: 'd', description: 'x'.repeat(129) } })).body,
    ).toMatchObject({ code: 'InappropriateJSON' })
    await api.call('POST', '/v1/group', { body: { name: 'a' } })
    await api.call('POST', '/v1/group', { body: { name: 'b' } })
    expect(await api.call('POST', '/v1/group', { body: { name: 'a' } })).toMatchObject({
      status: 409,
      body: { code: 'EntityAlreadyExists' },
    })
    expect(await api.call('PUT', '/v1/group/a', { body: { name: 'b' } })).toMatchObject({
      status: 409,
      body: { code: 'EntityAlreadyExists' },
    })
    expect((await api.call('PUT', '/v1/group/ghost', { body: {} })).status).toBe(404)
  })

  it('enforces groupsPerAccount', async () => {
    api.emulator.setLimits({ groupsPerAccount: 1 })._unsafeUnwrap()
    await api.call('POST', '/v1/group', { body: { name: 'one' } })
    expect(await api.call('POST', '/v1/group', { body: { name: 'two' } })).toMatchObject({
      status: 409,
      body: { code: 'LimitExceeded' },
    })
  })
})

describe('membership (G6–G9)', () => {
  beforeEach(async () => {
    await api.call('POST', '/v1/group', { body: { name: 'dev' } })
  })

  it('adds idempotently, lists both ways with joinTime, removes, and refuses to remove a non-member', async () => {
    expect(await api.call('PUT', '/v1/group/dev/user/ann')).toMatchObject({ status: 200, text: '' })
    expect((await api.call('PUT', '/v1/group/dev/user/ann')).status).toBe(200)
    const members = record((await api.call('GET', '/v1/group/dev/user')).body).users as Array<Record<string, unknown>>
    expect(members).toHaveLength(1)
    expect(members[0]).toMatchObject({ name: 'ann', joinTime: expect.stringMatching(/Z$/) })
    expect(namesIn((await api.call('GET', '/v1/user/ann/group')).body, 'groups')).toEqual(['dev'])
    expect(namesIn((await api.call('GET', '/v1/user/ben/group')).body, 'groups')).toEqual([])
    expect((await api.call('DELETE', '/v1/group/dev/user/ann')).status).toBe(200)
    expect(await api.call('DELETE', '/v1/group/dev/user/ann')).toMatchObject({
      status: 404,
      body: { code: 'NotFound' },
    })
    expect((await api.call('DELETE', '/v1/group/dev/user/ghost')).status).toBe(404)
    expect((await api.call('PUT', '/v1/group/ghost/user/ann')).status).toBe(404)
    expect((await api.call('GET', '/v1/group/ghost/user')).status).toBe(404)
    expect((await api.call('GET', '/v1/user/ghost/group')).status).toBe(404)
  })

  it('keeps memberships across user and group renames', async () => {
    await api.call('PUT', '/v1/group/dev/user/ann')
    await api.call('PUT', '/v1/user/ann', { body: { name: 'anna' } })
    await api.call('PUT', '/v1/group/dev', { body: { name: 'devs' } })
    expect(namesIn((await api.call('GET', '/v1/group/devs/user')).body, 'users')).toEqual(['anna'])
  })

  it('enforces usersPerGroup, but re-adding a member at the limit is still fine', async () => {
    api.emulator.setLimits({ usersPerGroup: 1 })._unsafeUnwrap()
    await api.call('PUT', '/v1/group/dev/user/ann')
    expect((await api.call('PUT', '/v1/group/dev/user/ann')).status).toBe(200)
    expect(await api.call('PUT', '/v1/group/dev/user/ben')).toMatchObject({
      status: 409,
      body: { code: 'LimitExceeded' },
    })
  })

  it('refuses to delete a group with members or attached policies', async () => {
    await api.call('PUT', '/v1/group/dev/user/ann')
    expect(await api.call('DELETE', '/v1/group/dev')).toMatchObject({ status: 409, body: { code: 'DeleteConflict' } })
    await api.call('DELETE', '/v1/group/dev/user/ann')
    await api.call('PUT', '/v1/group/dev/policy/IAMReadAccess', { query: { policyType: 'System' } })
    expect(await api.call('DELETE', '/v1/group/dev')).toMatchObject({ status: 409, body: { code: 'DeleteConflict' } })
    await api.call('DELETE', '/v1/group/dev/policy/IAMReadAccess', { query: { policyType: 'System' } })
    expect((await api.call('DELETE', '/v1/group/dev')).status).toBe(200)
  })
})
