import { serviceErrorOf } from '../support/expect-error'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import type { Acl } from '../../lib'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
beforeEach(async () => {
  fx = await withEmulator({ seed: 9 }, { observe: declared.observe })
})
afterEach(async () => {
  await fx.close()
})

const trust = (accountId: string): Acl => ({
  version: 'v1',
  accessControlList: [
    { service: 'bce:iam', region: '*', permission: ['AssumeRole'], effect: 'Allow', grantee: [{ id: accountId }] },
  ],
})

describe('roles (R1–R5)', () => {
  it('creates a role and normalises its trust document like BCE', async () => {
    const role = (
      await fx.iam.createRole({
        name: 'deployer',
        description: 'ci',
        assumeRolePolicyDocument: trust(fx.emulator.accountId),
      })
    )._unsafeUnwrap()
    expect(role).toMatchObject({ name: 'deployer', description: 'ci' })
    const document = JSON.parse(role.assumeRolePolicyDocument ?? '{}') as Acl
    expect(document.id).toBe('sts role acl')
    expect(document.accessControlList[0]).toMatchObject({
      eid: 'role acl entry',
      resource: [`role/${role.id}`],
      grantee: [{ id: fx.emulator.accountId }],
    })
  })

  it('reads, updates, lists and deletes roles', async () => {
    await fx.iam.createRole({ name: 'deployer', assumeRolePolicyDocument: JSON.stringify(trust('*')) })
    expect((await fx.iam.getRole({ roleName: 'deployer' }))._unsafeUnwrap().name).toBe('deployer')
    expect((await fx.iam.updateRole({ roleName: 'deployer', description: 'new' }))._unsafeUnwrap().description).toBe(
      'new',
    )
    expect((await fx.iam.updateRole({ roleName: 'deployer', name: 'releaser' }))._unsafeUnwrap().name).toBe('releaser')
    expect((await fx.iam.listRoles())._unsafeUnwrap().map((r) => r.name)).toEqual(['releaser'])
    expect((await fx.iam.deleteRole({ roleName: 'releaser' })).isOk()).toBe(true)
    expect(serviceErrorOf(await fx.iam.getRole({ roleName: 'releaser' })).kind).toBe('NotFound')
  })

  it('rejects duplicates and missing roles', async () => {
    await fx.iam.createRole({ name: 'deployer', assumeRolePolicyDocument: trust('*') })
    expect(
      serviceErrorOf(await fx.iam.createRole({ name: 'deployer', assumeRolePolicyDocument: trust('*') })).kind,
    ).toBe('AlreadyExists')
    expect(serviceErrorOf(await fx.iam.updateRole({ roleName: 'ghost', description: 'x' })).kind).toBe('NotFound')
    expect(serviceErrorOf(await fx.iam.deleteRole({ roleName: 'ghost' })).kind).toBe('NotFound')
  })
})
