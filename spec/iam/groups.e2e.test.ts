import { clientErrorOf, serviceErrorOf } from '../support/expect-error'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
beforeEach(async () => {
  fx = await withEmulator({ seed: 5, limits: { usersPerGroup: 2, groupsPerAccount: 3 } }, { observe: declared.observe })
})
afterEach(async () => {
  await fx.close()
})

describe('groups and membership (G1–G9)', () => {
  it('creates, reads, renames, lists and deletes a group', async () => {
    const group = (await fx.iam.createGroup({ name: 'ops', description: 'on call' }))._unsafeUnwrap()
    expect(group).toMatchObject({ name: 'ops', description: 'on call' })
    expect((await fx.iam.getGroup({ groupName: 'ops' }))._unsafeUnwrap().id).toBe(group.id)
    expect((await fx.iam.updateGroup({ groupName: 'ops', name: 'sre' }))._unsafeUnwrap()).toMatchObject({
      id: group.id,
      name: 'sre',
      description: 'on call',
    })
    expect((await fx.iam.listGroups())._unsafeUnwrap().map((g) => g.name)).toEqual(['sre'])
    expect((await fx.iam.deleteGroup({ groupName: 'sre' })).isOk()).toBe(true)
    expect(serviceErrorOf(await fx.iam.getGroup({ groupName: 'sre' })).kind).toBe('NotFound')
  })

  it('rejects duplicates, over-long names and descriptions', async () => {
    await fx.iam.createGroup({ name: 'ops' })
    expect(serviceErrorOf(await fx.iam.createGroup({ name: 'ops' })).kind).toBe('AlreadyExists')
    expect(clientErrorOf(await fx.iam.createGroup({ name: 'g'.repeat(65) })).issues?.[0]?.path).toBe('input.name')
    expect(
      clientErrorOf(await fx.iam.createGroup({ name: 'ok', description: 'd'.repeat(129) })).issues?.[0]?.path,
    ).toBe('input.description')
    expect((await fx.iam.createGroup({ name: 'g'.repeat(64), description: 'd'.repeat(128) })).isOk()).toBe(true)
  })

  it('manages membership as edges: idempotent add, NotFound remove, lists on both sides', async () => {
    await fx.iam.createGroup({ name: 'ops' })
    await fx.iam.createUser({ name: 'ann' })
    expect((await fx.iam.addUserToGroup({ groupName: 'ops', userName: 'ann' })).isOk()).toBe(true)
    expect((await fx.iam.addUserToGroup({ groupName: 'ops', userName: 'ann' })).isOk()).toBe(true)
    const members = (await fx.iam.listUsersInGroup({ groupName: 'ops' }))._unsafeUnwrap()
    expect(members.map((u) => u.name)).toEqual(['ann'])
    expect(members[0]?.joinTime).toBeInstanceOf(Date)
    expect((await fx.iam.listGroupsForUser({ userName: 'ann' }))._unsafeUnwrap().map((g) => g.name)).toEqual(['ops'])
    expect((await fx.iam.removeUserFromGroup({ groupName: 'ops', userName: 'ann' })).isOk()).toBe(true)
    expect(serviceErrorOf(await fx.iam.removeUserFromGroup({ groupName: 'ops', userName: 'ann' })).kind).toBe(
      'NotFound',
    )
    expect(serviceErrorOf(await fx.iam.addUserToGroup({ groupName: 'ops', userName: 'ghost' })).kind).toBe('NotFound')
    expect(serviceErrorOf(await fx.iam.addUserToGroup({ groupName: 'ghost', userName: 'ann' })).kind).toBe('NotFound')
  })

  it('enforces users-per-group and groups-per-account limits', async () => {
    await fx.iam.createGroup({ name: 'ops' })
    for (const name of ['a', 'b', 'c']) await fx.iam.createUser({ name })
    await fx.iam.addUserToGroup({ groupName: 'ops', userName: 'a' })
    await fx.iam.addUserToGroup({ groupName: 'ops', userName: 'b' })
    expect(serviceErrorOf(await fx.iam.addUserToGroup({ groupName: 'ops', userName: 'c' })).kind).toBe('LimitExceeded')
    await fx.iam.createGroup({ name: 'g2' })
    await fx.iam.createGroup({ name: 'g3' })
    expect(serviceErrorOf(await fx.iam.createGroup({ name: 'g4' })).kind).toBe('LimitExceeded')
  })

  it('refuses to delete a group with members, and a user in a group (no silent cascade)', async () => {
    await fx.iam.createGroup({ name: 'ops' })
    await fx.iam.createUser({ name: 'ann' })
    await fx.iam.addUserToGroup({ groupName: 'ops', userName: 'ann' })
    expect(serviceErrorOf(await fx.iam.deleteGroup({ groupName: 'ops' }))).toMatchObject({
      kind: 'Conflict',
      code: 'DeleteConflict',
    })
    expect(serviceErrorOf(await fx.iam.deleteUser({ userName: 'ann' })).code).toBe('DeleteConflict')
    await fx.iam.removeUserFromGroup({ groupName: 'ops', userName: 'ann' })
    expect((await fx.iam.deleteGroup({ groupName: 'ops' })).isOk()).toBe(true)
    expect((await fx.iam.deleteUser({ userName: 'ann' })).isOk()).toBe(true)
  })
})
