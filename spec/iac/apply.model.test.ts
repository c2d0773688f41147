import fc from 'fast-check'
import { IamClient } from '../../lib'
import { acl, allow, trustPolicy, type Acl } from '../../lib/acl'
import { startEmulator, type Fault, type RunningEmulator } from '../../lib/emulator'
import { apply, exportState, plan, validateDesiredState, type DesiredState, type Plan } from '../../lib/iac/index'

/**
 * Model-based proof of apply on the emulator over real sockets: random desired documents against
 * random live states (small name pools so they overlap), with and without injected faults
 * (lost answers included). After apply, the plan from a fresh export is empty; applying the same
 * plan again changes nothing; without pruning nothing outside the document is deleted.
 */

let emulator: RunningEmulator
let iam: IamClient
beforeAll(async () => {
  emulator = (await startEmulator({ seed: 3 }))._unsafeUnwrap()
  iam = new IamClient({
    endpoint: emulator.endpoint,
    credentials: emulator.credentials,
    allowInsecureHttp: true,
    retry: { maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 5, budget: false },
  })
})
afterAll(async () => {
  await iam.close()
  await emulator.close()
})

const USERS = ['u1', 'u2', 'u3'] as const
const GROUPS = ['g1', 'g2'] as const
const POLICIES = ['p1', 'p2'] as const
const ROLES = ['r1'] as const
const DOCUMENTS: readonly Acl[] = [
  acl(allow({ service: 'bcc', region: '*', resource: '*', permission: 'READ' })),
  acl(allow({ service: 'bos', region: 'bj', resource: ['b1/*', 'b2/*'], permission: ['READ', 'WRITE'] })),
]
const TRUSTS: readonly Acl[] = [trustPolicy({ accountIds: '*' }), trustPolicy({ accountIds: 'a'.repeat(32) })]

const description = fc.option(fc.constantFrom('', 'one', 'two'), { nil: undefined })
const subset = <T>(items: readonly T[]): fc.Arbitrary<T[]> => fc.subarray([...items])

/** A valid desired document over the small name pools (references only to what it declares). */
const desiredState: fc.Arbitrary<DesiredState> = fc
  .record({ users: subset(USERS), groups: subset(GROUPS), policies: subset(POLICIES), roles: subset(ROLES) })
  .chain((names) =>
    fc.record({
      users: fc.record(
        Object.fromEntries(
          names.users.map((n) => [
            n,
            fc.record({
              description,
              enabled: fc.option(fc.boolean(), { nil: undefined }),
              groups: subset(names.groups),
              policies: subset(names.policies),
            }),
          ]),
        ),
      ),
      groups: fc.record(
        Object.fromEntries(names.groups.map((n) => [n, fc.record({ description, policies: subset(names.policies) })])),
      ),
      policies: fc.record(
        Object.fromEntries(
          names.policies.map((n) => [n, fc.record({ description, document: fc.constantFrom(...DOCUMENTS) })]),
        ),
      ),
      roles: fc.record(
        Object.fromEntries(
          names.roles.map((n) => [
            n,
            fc.record({ description, trust: fc.constantFrom(...TRUSTS), policies: subset(names.policies) }),
          ]),
        ),
      ),
    }),
  )
  .map((state) => JSON.parse(JSON.stringify(state)) as unknown)
  .map((value) => validateDesiredState(value)._unsafeUnwrap())

const CHANGING = [
  'createUser',
  'createGroup',
  'createPolicy',
  'createRole',
  'updateUser',
  'updateGroup',
  'updatePolicy',
  'updateRole',
  'addUserToGroup',
  'attachPolicyToUser',
  'attachPolicyToGroup',
  'attachPolicyToRole',
  'detachPolicyFromUser',
  'removeUserFromGroup',
  'deleteUser',
  'deletePolicy',
  'getUser',
  'getPolicy',
] as const
const FAULTS: readonly Fault[] = [
  { type: 'applyThenReset' },
  { type: 'truncate' },
  { type: 'reset' },
  { type: 'status', status: 503 },
]
/** One fault on each of a few operations (so no single call meets two in a row). */
const faults = fc.uniqueArray(
  fc.record({ operation: fc.constantFrom(...CHANGING), fault: fc.constantFrom(...FAULTS) }),
  {
    minLength: 1,
    maxLength: 4,
    selector: (f) => f.operation,
  },
)

async function live(): Promise<DesiredState> {
  return (await exportState(iam))._unsafeUnwrap()
}

const names = (state: DesiredState): string[] =>
  (['users', 'groups', 'policies', 'roles'] as const).flatMap((section) =>
    Object.keys(state[section] ?? {}).map((name) => `${section}.${name}`),
  )

/** Seeds the emulator with `state` (through apply itself, without faults). */
async function seed(state: DesiredState): Promise<void> {
  emulator.reset()._unsafeUnwrap()
  ;(await apply(iam, plan(state, {})))._unsafeUnwrap()
}

/** The three properties, once apply of `steps` has brought the account towards `desired`. */
async function expectConverged(
  desired: DesiredState,
  before: DesiredState,
  steps: Plan,
  prune: boolean,
): Promise<void> {
  const after = await live()
  expect(plan(desired, after, { prune }).changes).toEqual([])
  if (!prune) for (const name of names(before)) expect(names(after)).toContain(name)
  ;(await apply(iam, steps))._unsafeUnwrap()
  expect(await live()).toEqual(after)
}

describe('apply, model-based over sockets against the emulator', () => {
  it('without faults: converges, re-applying changes nothing, nothing outside the document is deleted unless pruning', async () => {
    await fc.assert(
      fc.asyncProperty(desiredState, desiredState, fc.boolean(), async (desired, current, prune) => {
        await seed(current)
        const before = await live()
        const steps = plan(desired, before, { prune })
        ;(await apply(iam, steps, { concurrency: 4 }))._unsafeUnwrap()
        await expectConverged(desired, before, steps, prune)
      }),
      { numRuns: 25 },
    )
  })

  it('with lost answers, resets, truncations and 503s on changing calls: apply succeeds and converges', async () => {
    let consumed = 0
    await fc.assert(
      fc.asyncProperty(desiredState, desiredState, fc.boolean(), faults, async (desired, current, prune, injected) => {
        await seed(current)
        const before = await live()
        const steps = plan(desired, before, { prune })
        emulator.injectFaults(injected)._unsafeUnwrap()
        const result = await apply(iam, steps, { concurrency: 4 })
        consumed += emulator.faultReport().consumed.length
        emulator.clearFaults()
        expect(result.isErr() ? result.error.message : 'ok').toBe('ok')
        await expectConverged(desired, before, steps, prune)
      }),
      { numRuns: 25 },
    )
    expect(consumed).toBeGreaterThan(0)
  })

  it('under random chaos apply may stop, with an honest report; applying a fresh plan then converges', async () => {
    await fc.assert(
      fc.asyncProperty(desiredState, desiredState, fc.nat(), async (desired, current, chaosSeed) => {
        await seed(current)
        const before = await live()
        const steps = plan(desired, before)
        emulator.setChaos({ rate: 0.3, faults: [...FAULTS], seed: chaosSeed })._unsafeUnwrap()
        const result = await apply(iam, steps, { concurrency: 3 })
        emulator.clearFaults()
        const report = result.isOk() ? result.value : result.error.report
        const accounted = report.applied.length + report.failed.length + report.pending.length
        expect(accounted).toBe(steps.changes.length)
        if (result.isErr()) expect(report.failed.map((f) => f.error)).toContain(result.error.error)
        const again = plan(desired, await live())
        ;(await apply(iam, again))._unsafeUnwrap()
        await expectConverged(desired, before, again, false)
      }),
      { numRuns: 10 },
    )
  })
})
