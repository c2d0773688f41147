import { acl, allow, trustPolicy } from '../../lib/acl'
import {
  ensureAttachment,
  ensureGroup,
  ensureMembership,
  ensurePolicy,
  ensureRole,
  ensureUser,
} from '../../lib/iac/index'
import { withEmulator, type EmulatorFixture } from '../support/emulator'

/**
 * The ensure combinators over sockets against the emulator: each answers created, then existing,
 * then updated when a field differs; a create whose answer is lost is confirmed by reading back
 * (recovered), never sent twice; one that provably did not apply is sent again.
 */

let fx: EmulatorFixture
beforeEach(async () => {
  fx = await withEmulator({}, { retry: { baseDelayMs: 1, maxDelayMs: 5 } })
})
afterEach(async () => {
  await fx.close()
})

const readBcc = acl(allow({ service: 'bcc', region: '*', resource: '*', permission: 'READ' }))
const writeBcc = acl(allow({ service: 'bcc', region: '*', resource: '*', permission: ['READ', 'WRITE'] }))

const consumed = (operation: string): number =>
  fx.emulator.faultReport().consumed.filter((c) => c.operation === operation).length
const requests = (operation: string): number =>
  fx.emulator.requestLog().filter((entry) => entry.operation === operation).length

describe('ensureUser', () => {
  it('created, existing, updated; disables a new user the create cannot', async () => {
    const first = (await ensureUser(fx.iam, { name: 'alice', description: 'dev', enabled: false }))._unsafeUnwrap()
    expect(first.action).toBe('created')
    expect((await fx.iam.getUser({ userName: 'alice' }))._unsafeUnwrap().enabled).toBe(false)
    const again = await ensureUser(fx.iam, { name: 'alice', description: 'dev', enabled: false })
    expect(again._unsafeUnwrap().action).toBe('existing')
    const changed = (await ensureUser(fx.iam, { name: 'alice', description: 'lead' }))._unsafeUnwrap()
    expect(changed).toMatchObject({ action: 'updated', value: { description: 'lead', enabled: false } })
    expect((await ensureUser(fx.iam, { name: 'alice' }))._unsafeUnwrap().action).toBe('existing')
  })

  it('a create whose answer is lost is read back (recovered), and sent once', async () => {
    fx.emulator.injectFaults([{ operation: 'createUser', fault: { type: 'applyThenReset' } }])._unsafeUnwrap()
    const result = (await ensureUser(fx.iam, { name: 'bob', description: 'ops' }))._unsafeUnwrap()
    expect(result).toMatchObject({ action: 'recovered', value: { name: 'bob', description: 'ops' } })
    expect(consumed('createUser')).toBe(1)
    expect(requests('createUser')).toBe(1)
    expect((await fx.iam.listUsers())._unsafeUnwrap().map((u) => u.name)).toEqual(['bob'])
  })

  it('a create cut off before it applied is confirmed absent by reading back, then sent again', async () => {
    fx.emulator.injectFaults([{ operation: 'createUser', fault: { type: 'reset' } }])._unsafeUnwrap()
    const result = (await ensureUser(fx.iam, { name: 'carol' }))._unsafeUnwrap()
    expect(result.action).toBe('created')
    expect(consumed('createUser')).toBe(1)
    expect(requests('getUser')).toBe(1)
    expect(requests('createUser')).toBe(2)
    expect((await fx.iam.listUsers())._unsafeUnwrap().map((u) => u.name)).toEqual(['carol'])
  })
})

describe('ensureGroup, ensureMembership, ensureAttachment', () => {
  it('created, then existing; a differing description is updated', async () => {
    expect((await ensureGroup(fx.iam, { name: 'devs' }))._unsafeUnwrap().action).toBe('created')
    expect((await ensureGroup(fx.iam, { name: 'devs' }))._unsafeUnwrap().action).toBe('existing')
    const updated = (await ensureGroup(fx.iam, { name: 'devs', description: 'developers' }))._unsafeUnwrap()
    expect(updated).toMatchObject({ action: 'updated', value: { description: 'developers' } })

    await ensureUser(fx.iam, { name: 'alice' })
    expect((await ensureMembership(fx.iam, { user: 'alice', group: 'devs' }))._unsafeUnwrap().action).toBe('created')
    expect((await ensureMembership(fx.iam, { user: 'alice', group: 'devs' }))._unsafeUnwrap().action).toBe('existing')

    const custom = { principal: 'group', name: 'devs', policy: 'read-bcc' } as const
    await ensurePolicy(fx.iam, { name: 'read-bcc', document: readBcc })
    expect((await ensureAttachment(fx.iam, custom))._unsafeUnwrap().action).toBe('created')
    expect((await ensureAttachment(fx.iam, custom))._unsafeUnwrap().action).toBe('existing')
    const names = (await fx.iam.listGroupAttachedPolicies({ groupName: 'devs' }))._unsafeUnwrap().map((p) => p.name)
    expect(names.filter((n) => n === 'read-bcc')).toHaveLength(1)
  })

  it('a missing principal is the typed NotFound of the call', async () => {
    const result = await ensureMembership(fx.iam, { user: 'nobody', group: 'devs' })
    expect(result._unsafeUnwrapErr()).toMatchObject({ _tag: 'BceServiceError', kind: 'NotFound' })
  })
})

describe('ensurePolicy and ensureRole', () => {
  it('formatting and the service-set id are not a difference; a differing document is updated', async () => {
    expect((await ensurePolicy(fx.iam, { name: 'p', document: readBcc }))._unsafeUnwrap().action).toBe('created')
    const reordered = {
      accessControlList: [
        { effect: 'Allow' as const, permission: ['READ'], resource: ['*'], region: '*', service: 'bcc' },
      ],
    }
    expect((await ensurePolicy(fx.iam, { name: 'p', document: reordered }))._unsafeUnwrap().action).toBe('existing')
    const updated = (await ensurePolicy(fx.iam, { name: 'p', document: writeBcc }))._unsafeUnwrap()
    expect(updated.action).toBe('updated')
    expect(updated.value.document).toContain('WRITE')
  })

  it('an update (a POST) whose answer is lost is read back: recovered, sent once', async () => {
    await ensurePolicy(fx.iam, { name: 'p', document: readBcc })
    fx.emulator.injectFaults([{ operation: 'updatePolicy', fault: { type: 'applyThenReset' } }])._unsafeUnwrap()
    const result = (await ensurePolicy(fx.iam, { name: 'p', document: writeBcc }))._unsafeUnwrap()
    expect(result.action).toBe('recovered')
    expect(requests('updatePolicy')).toBe(1)
    expect((await fx.iam.getPolicy({ policyName: 'p' }))._unsafeUnwrap().document).toContain('WRITE')
  })

  it('a role whose stored trust carries the service eid and resource is existing, not drift', async () => {
    const trust = trustPolicy({ accountIds: '*' })
    fx.emulator.injectFaults([{ operation: 'createRole', fault: { type: 'applyThenReset' } }])._unsafeUnwrap()
    expect((await ensureRole(fx.iam, { name: 'ops', trust }))._unsafeUnwrap().action).toBe('recovered')
    expect((await ensureRole(fx.iam, { name: 'ops', trust }))._unsafeUnwrap().action).toBe('existing')
    const other = trustPolicy({ accountIds: ['0123456789abcdef0123456789abcdef'] })
    expect((await ensureRole(fx.iam, { name: 'ops', trust: other, description: 'x' }))._unsafeUnwrap().action).toBe(
      'updated',
    )
    expect((await fx.iam.listRoles())._unsafeUnwrap()).toHaveLength(1)
  })
})
