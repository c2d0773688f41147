import { acl, allow } from '../../lib/acl'
import { apply, exportState, plan, type ApplyEvent, type Plan, type PlanStep } from '../../lib/iac/index'
import { dependencies } from '../../lib/iac/apply-order'
import { withEmulator, type EmulatorFixture } from '../support/emulator'

const document = acl(allow({ service: 'bcc', region: '*', resource: '*', permission: 'READ' }))

describe('apply order (dependencies)', () => {
  it('attachments wait for their policy and principal, deletes for their detaches; unrelated steps wait for nothing', () => {
    const steps: PlanStep[] = [
      { action: 'create', target: 'policy', name: 'p', document },
      { action: 'create', target: 'user', name: 'a' },
      { action: 'create', target: 'user', name: 'b' },
      { action: 'add', target: 'membership', user: 'a', group: 'g' },
      { action: 'add', target: 'membership', user: 'b', group: 'g' },
      { action: 'attach', target: 'attachment', principal: 'user', name: 'a', policy: 'p', policyType: 'Custom' },
      { action: 'detach', target: 'attachment', principal: 'user', name: 'b', policy: 'q', policyType: 'Custom' },
      { action: 'delete', target: 'policy', name: 'q' },
    ]
    expect(dependencies(steps)).toEqual([[], [], [], [1], [2], [0, 1], [2], [6]])
  })
})

describe('apply (over sockets, against the emulator)', () => {
  let fx: EmulatorFixture
  beforeEach(async () => {
    fx = await withEmulator({}, { retry: { baseDelayMs: 1, maxDelayMs: 5 } })
  })
  afterEach(async () => {
    await fx.close()
  })

  it('reports every step started then applied, with index and total', async () => {
    const desired = {
      users: { alice: { groups: ['devs'], policies: ['p'] } },
      groups: { devs: {} },
      policies: { p: { document } },
    }
    const steps = plan(desired, {})
    const events: ApplyEvent[] = []
    const report = (await apply(fx.iam, steps, { concurrency: 2, onStep: (e) => events.push(e) }))._unsafeUnwrap()
    expect(report.applied).toHaveLength(steps.changes.length)
    expect(report.failed).toEqual([])
    expect(report.pending).toEqual([])
    expect(events.filter((e) => e.status === 'started')).toHaveLength(steps.changes.length)
    expect(
      events
        .filter((e) => e.status === 'applied')
        .map((e) => e.index)
        .sort(),
    ).toEqual(steps.changes.map((_, i) => i))
    expect(events.every((e) => e.total === steps.changes.length)).toBe(true)
    expect(plan(desired, (await exportState(fx.iam))._unsafeUnwrap()).changes).toEqual([])
  })

  it('stops at the first failure: the failure carries the error and the applied, failed and pending steps', async () => {
    const steps: Plan = {
      changes: [
        { action: 'create', target: 'user', name: 'alice' },
        {
          action: 'attach',
          target: 'attachment',
          principal: 'user',
          name: 'alice',
          policy: 'missing',
          policyType: 'Custom',
        },
        { action: 'create', target: 'user', name: 'bob' },
        {
          action: 'attach',
          target: 'attachment',
          principal: 'user',
          name: 'bob',
          policy: 'missing',
          policyType: 'Custom',
        },
      ],
    }
    const failure = (
      await apply(fx.iam, steps, {
        concurrency: 1,
        onStep: () => {
          throw new Error('ignored')
        },
      })
    )._unsafeUnwrapErr()
    expect(failure).toMatchObject({ _tag: 'ApplyFailure', error: { _tag: 'BceServiceError', kind: 'NotFound' } })
    expect(failure.message).toContain('attach policy missing to user alice failed')
    expect(failure.report.applied).toEqual([steps.changes[0]])
    expect(failure.report.failed.map((f) => f.step)).toEqual([steps.changes[1]])
    expect(failure.report.pending).toEqual([steps.changes[2], steps.changes[3]])
    expect((await fx.iam.listUsers())._unsafeUnwrap().map((u) => u.name)).toEqual(['alice'])
  })

  it('refuses a concurrency that is not a positive integer, touching nothing', async () => {
    const steps = plan({ users: { alice: {} } }, {})
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      const failure = (await apply(fx.iam, steps, { concurrency }))._unsafeUnwrapErr()
      expect(failure.error).toMatchObject({ reason: 'InvalidInput' })
      expect(failure.report.pending).toEqual(steps.changes)
    }
    expect((await fx.iam.listUsers())._unsafeUnwrap()).toEqual([])
  })
})
