import { acl, allow, trustPolicy } from '../../lib/acl'
import { exportState, plan, readDesiredState, validateDesiredState, writeDesiredState } from '../../lib/iac/index'
import { withEmulator, type EmulatorFixture } from '../support/emulator'

let fixture: EmulatorFixture

beforeAll(async () => {
  fixture = await withEmulator()
  const { iam } = fixture
  const document = acl(allow({ service: 'bcc', region: '*', resource: '*', permission: 'READ' }))
  ;(await iam.createPolicy({ name: 'read-bcc', description: 'read', document }))._unsafeUnwrap()
  ;(await iam.createGroup({ name: 'devs', description: 'developers' }))._unsafeUnwrap()
  ;(await iam.createUser({ name: 'alice', description: 'dev' }))._unsafeUnwrap()
  ;(await iam.addUserToGroup({ userName: 'alice', groupName: 'devs' }))._unsafeUnwrap()
  ;(await iam.attachPolicyToUser({ userName: 'alice', policyName: 'read-bcc' }))._unsafeUnwrap()
  ;(await iam.attachPolicyToGroup({ groupName: 'devs', policyName: 'read-bcc' }))._unsafeUnwrap()
  ;(await iam.createRole({ name: 'ops', assumeRolePolicyDocument: trustPolicy({ accountIds: '*' }) }))._unsafeUnwrap()
})

afterAll(async () => {
  await fixture.close()
})

describe('exportState (over sockets, against the emulator)', () => {
  it('reads users, groups, memberships, attachments and policy documents', async () => {
    const state = (await exportState(fixture.iam, { concurrency: 2 }))._unsafeUnwrap()
    expect(state.users?.alice).toMatchObject({ description: 'dev', groups: ['devs'], policies: ['read-bcc'] })
    expect(state.groups?.devs).toMatchObject({ description: 'developers', policies: ['read-bcc'] })
    expect(state.policies?.['read-bcc']?.document.accessControlList[0]).toMatchObject({ permission: ['READ'] })
  })

  it('is a valid document; plan against itself is empty; write then read is the identity', async () => {
    const state = (await exportState(fixture.iam))._unsafeUnwrap()
    expect(validateDesiredState(state).isOk()).toBe(true)
    expect(plan(state, state, { prune: true }).changes).toEqual([])
    for (const format of ['json', 'yaml'] as const) {
      const text = writeDesiredState(state, format)
      const again = readDesiredState(text, format)._unsafeUnwrap()
      expect(writeDesiredState(again, format)).toBe(text)
      expect(plan(again, state, { prune: true }).changes).toEqual([])
    }
  })

  it('shows documents as authored: no service-set id, and no eid or resource in trust documents', async () => {
    const stored = (await fixture.iam.getRole({ roleName: 'ops' }))._unsafeUnwrap().assumeRolePolicyDocument ?? ''
    expect(stored).toContain('role/')
    const state = (await exportState(fixture.iam))._unsafeUnwrap()
    expect(state.roles?.ops?.trust).toEqual(trustPolicy({ accountIds: '*' }))
    expect(state.policies?.['read-bcc']?.document).not.toHaveProperty('id')
    const desired = {
      policies: {
        'read-bcc': { document: acl(allow({ service: 'bcc', region: '*', resource: '*', permission: 'READ' })) },
      },
      roles: { ops: { trust: trustPolicy({ accountIds: '*' }) } },
    }
    expect(plan(desired, state).changes).toEqual([])
    const withServerFields = {
      roles: { ops: { trust: { ...trustPolicy({ accountIds: '*' }), id: 'sts role acl' } } },
    }
    expect(plan(withServerFields, state).changes).toEqual([])
  })
})
