import fc from 'fast-check'
import type { Acl } from '../../lib/acl'
import { plan, validateDesiredState, type DesiredState, type PlanStep } from '../../lib/iac/index'

const acl = (permission: string): Acl => ({
  accessControlList: [{ service: 'bcc', region: '*', resource: ['*'], permission: [permission], effect: 'Allow' }],
})

const name = fc.constantFrom('a', 'b', 'c')
const permission = fc.constantFrom('READ', 'WRITE', 'LIST')

const state: fc.Arbitrary<DesiredState> = fc
  .record({
    policies: fc.dictionary(name, fc.record({ description: fc.constantFrom('x', 'y'), document: permission.map(acl) })),
    groups: fc.dictionary(name, fc.record({ description: fc.constantFrom('x', 'y') })),
    users: fc.dictionary(name, fc.record({ enabled: fc.boolean(), description: fc.constantFrom('x', 'y') })),
    roles: fc.dictionary(name, fc.record({ trust: permission.map(acl) })),
    seed: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
  })
  .map(({ seed, ...s }) => {
    // wire memberships and attachments among the declared names only
    const groups = Object.keys(s.groups)
    const policies = Object.keys(s.policies)
    const users = Object.fromEntries(
      Object.entries(s.users).map(([n, u], i) => [
        n,
        {
          ...u,
          groups: groups.filter((_, j) => seed.some(([x, y]) => x % 3 === i && y % 3 === j)),
          policies: policies.filter((_, j) => seed.some(([x, y]) => y % 3 === i && x % 3 === j)),
        },
      ]),
    )
    return validateDesiredState({ ...s, users })._unsafeUnwrap()
  })

/** Applies a plan to a plain state, as a perfect account would. */
function simulateApply(live: DesiredState, steps: readonly PlanStep[]): DesiredState {
  const s = JSON.parse(JSON.stringify(live)) as Record<string, Record<string, Record<string, unknown>>>
  const section = (t: string): Record<string, Record<string, unknown>> =>
    (s[{ user: 'users', group: 'groups', policy: 'policies', role: 'roles' }[t] ?? ''] ??= {})
  for (const step of steps) {
    if (step.action === 'create' || step.action === 'update') {
      const { action: _a, target, name: n, document, ...fields } = step
      const key = target === 'role' ? 'trust' : 'document'
      const entity = (section(target)[n] ??= {})
      Object.assign(entity, fields, document === undefined ? {} : { [key]: document })
    } else if (step.action === 'delete') Reflect.deleteProperty(section(step.target), step.name)
    else if (step.target === 'membership') {
      const user = section('user')[step.user] as { groups?: string[] }
      user.groups = (user.groups ?? []).filter((g) => g !== step.group)
      if (step.action === 'add') user.groups.push(step.group)
    } else {
      const owner = section(step.principal)[step.name] as { policies?: unknown[] }
      const ref = step.policyType === 'Custom' ? step.policy : { name: step.policy, type: 'System' }
      owner.policies = (owner.policies ?? []).filter((p) => JSON.stringify(p) !== JSON.stringify(ref))
      if (step.action === 'attach') owner.policies.push(ref)
    }
  }
  return s
}

describe('plan', () => {
  it('is empty for a state against itself', () => {
    fc.assert(fc.property(state, (x) => plan(x, x, { prune: true }).changes.length === 0))
  })

  it('is empty after a simulated apply of itself (with prune)', () => {
    fc.assert(
      fc.property(state, state, (desired, live) => {
        const applied = simulateApply(live, plan(desired, live, { prune: true }).changes)
        expect(plan(desired, applied, { prune: true }).changes).toEqual([])
      }),
    )
  })

  it('deletes nothing without prune', () => {
    fc.assert(
      fc.property(state, state, (desired, live) =>
        plan(desired, live).changes.every(
          (step) => step.action !== 'delete' && step.action !== 'detach' && step.action !== 'remove',
        ),
      ),
    )
  })

  it('does not treat formatting or key order of a document as drift', () => {
    const doc = acl('READ')
    const reordered = {
      accessControlList: [{ effect: 'Allow', permission: ['READ'], resource: ['*'], region: '*', service: 'bcc' }],
    } as Acl
    expect(plan({ policies: { p: { document: doc } } }, { policies: { p: { document: reordered } } }).changes).toEqual(
      [],
    )
    expect(
      plan({ policies: { p: { document: acl('WRITE') } } }, { policies: { p: { document: doc } } }).changes,
    ).toEqual([{ action: 'update', target: 'policy', name: 'p', document: acl('WRITE') }])
  })

  it('orders creates before attachments and detaches before deletes', () => {
    const desired: DesiredState = { policies: { p: { document: acl('READ') } }, users: { u: { policies: ['p'] } } }
    const live: DesiredState = { policies: { q: { document: acl('READ') } }, users: { v: { policies: ['q'] } } }
    const steps = plan(desired, live, { prune: true }).changes.map((s) => `${s.action} ${s.target}`)
    expect(steps).toEqual([
      'create policy',
      'create user',
      'attach attachment',
      'detach attachment',
      'delete user',
      'delete policy',
    ])
  })
})
