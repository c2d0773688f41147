/**
 * Section "iac": IAM as code at account scale. Against one emulator in its own process
 * (bench/emulator-host.ts, limits raised to hold the account), through the compiled package's
 * `bce-iam/iac` entry: apply a document of 1,000 users, 100 groups and 200 custom policies to an
 * empty account, export the full account, plan the document against it (no changes expected),
 * then drift the document (descriptions, policy documents, new users) and plan and apply that,
 * and check that a last plan is empty. Each phase reports its wall time and the HTTP calls it
 * made (counted by the client's observer, one per attempt, retries included).
 */
import path from 'node:path'
import type { Result } from 'neverthrow'
import type * as IacModule from '../lib/iac/index'
import type { DesiredState, DesiredUser, Plan } from '../lib/iac/index'
import { startHostedEmulator } from './emulator-control'
import { CREDENTIALS } from './fixtures'
import { PKG_DIR, sdk } from './sdk'

/** The account's size. */
export interface IacScale {
  readonly users: number
  readonly groups: number
  readonly policies: number
}

/** One measured phase. */
export interface IacPhase {
  readonly name: string
  readonly ms: number
  /** HTTP attempts the phase made (0 for the pure plan). */
  readonly calls: number
  /** Plan steps involved (planned, or applied), when the phase has a plan. */
  readonly steps?: number
}

/** The section's result. */
export interface IacResult {
  readonly scale: IacScale
  /** Concurrency of export and apply (the library's default). */
  readonly concurrency: number
  readonly phases: IacPhase[]
  /** Whether the plans that should be empty were (after the first apply, and after the drift apply). */
  readonly converged: boolean
  /** HTTP attempts by operation over the whole section (top ones). */
  readonly callsByOperation: Readonly<Record<string, number>>
}

/** The default size: the issue's 1,000 users, 100 groups and 200 custom policies. */
export const IAC_SCALE: IacScale = { users: 1000, groups: 100, policies: 200 }

const pad = (n: number): string => String(n).padStart(4, '0')

function policyDocument(i: number, variant: number): IacModule.DesiredPolicy['document'] {
  return {
    accessControlList: [
      {
        service: 'bce:bos',
        region: '*',
        resource: [`bucket-${pad(i)}/*`, ...(variant > 0 ? [`archive-${pad(i)}/*`] : [])],
        permission: ['READ'],
        effect: 'Allow',
      },
    ],
  }
}

/**
 * The account: policy i is attached to group ⌊i/2⌋ (two per group); user i is in group i mod
 * groups, every even user also in a second group (at most 15 users per group, BCE's limit being
 * 20); every fourth user has a policy of its own.
 */
export function iacDocument(scale: IacScale): DesiredState {
  const policies: Record<string, IacModule.DesiredPolicy> = {}
  for (let i = 0; i < scale.policies; i += 1)
    policies[`policy-${pad(i)}`] = { description: `policy ${i}`, document: policyDocument(i, 0) }
  const groups: Record<string, IacModule.DesiredGroup> = {}
  for (let g = 0; g < scale.groups; g += 1) {
    const held = [2 * g, 2 * g + 1].filter((i) => i < scale.policies).map((i) => `policy-${pad(i)}`)
    groups[`group-${pad(g)}`] = { description: `group ${g}`, policies: held }
  }
  const users: Record<string, DesiredUser> = {}
  for (let i = 0; i < scale.users; i += 1) {
    const memberOf = [i % scale.groups, ...(i % 2 === 0 ? [(i / 2 + 37) % scale.groups] : [])]
    users[`user-${pad(i)}`] = {
      description: `user ${i}`,
      groups: [...new Set(memberOf)].map((g) => `group-${pad(g)}`),
      policies: i % 4 === 0 ? [`policy-${pad(i % scale.policies)}`] : [],
    }
  }
  return { users, groups, policies }
}

/**
 * The drifted document: 100 users with a new description, 20 policies with a new document, 50
 * new users (each in one group).
 */
export function driftedDocument(base: DesiredState, scale: IacScale): DesiredState {
  const users: Record<string, DesiredUser> = { ...base.users }
  for (let i = 0; i < Math.min(100, scale.users); i += 1) {
    const name = `user-${pad(i * Math.floor(scale.users / 100))}`
    users[name] = { ...users[name], description: 'moved to on-call' }
  }
  for (let i = 0; i < 50; i += 1)
    users[`new-user-${pad(i)}`] = { description: 'joined', groups: [`group-${pad((i * 2) % scale.groups)}`] }
  const policies: Record<string, IacModule.DesiredPolicy> = { ...base.policies }
  for (let i = 0; i < Math.min(20, scale.policies); i += 1) {
    const name = `policy-${pad(i * 10)}`
    const policy = policies[name]
    if (policy !== undefined) policies[name] = { ...policy, document: policyDocument(i * 10, 1) }
  }
  return { ...base, users, policies }
}

/** Runs the section; `log` gets one line per phase. */
export async function runIac(scale: IacScale, log: (line: string) => void): Promise<IacResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const iac = require(path.join(PKG_DIR, 'dist', 'iac', 'index.js')) as typeof IacModule
  const { IamClient } = sdk().index
  const emulator = await startHostedEmulator({
    usersPerAccount: scale.users + 100,
    groupsPerAccount: scale.groups + 10,
  })
  const byOperation: Record<string, number> = {}
  let calls = 0
  const iam = new IamClient({
    endpoint: emulator.endpoint,
    credentials: CREDENTIALS,
    allowInsecureHttp: true,
    observe: (event) => {
      if (event.type !== 'attempt') return
      calls += 1
      const { operation } = event
      byOperation[operation] = (byOperation[operation] ?? 0) + 1
    },
  })
  const phases: IacPhase[] = []
  /** Times `work`, counting the calls it makes; a failure stops the section with its message. */
  const phase = async <T>(name: string, work: () => Promise<T>, steps?: (value: T) => number): Promise<T> => {
    const callsBefore = calls
    const started = performance.now()
    const value = await work()
    const measured: IacPhase = {
      name,
      ms: performance.now() - started,
      calls: calls - callsBefore,
      ...(steps === undefined ? {} : { steps: steps(value) }),
    }
    phases.push(measured)
    log(
      `  ${name}: ${measured.ms.toFixed(0)} ms, ${measured.calls} calls${measured.steps === undefined ? '' : `, ${measured.steps} steps`}`,
    )
    return value
  }
  /** The value of a Result, or an exception with the error's message (the harness reports it). */
  const unwrap = async <T, E extends { readonly message: string }>(result: PromiseLike<Result<T, E>>): Promise<T> => {
    const settled = await result
    if (settled.isErr()) throw new Error(settled.error.message)
    return settled.value
  }
  const countSteps = (p: Plan): number => p.changes.length
  try {
    const desired = iacDocument(scale)
    const empty = await phase('export (empty account)', () => unwrap(iac.exportState(iam)))
    const first = await phase('plan (empty account)', () => Promise.resolve(iac.plan(desired, empty)), countSteps)
    await phase(
      'apply (empty → full account)',
      () => unwrap(iac.apply(iam, first)),
      (r) => r.applied.length,
    )
    const live = await phase('export (full account)', () => unwrap(iac.exportState(iam)))
    const again = await phase(
      'plan (full account, no changes)',
      () => Promise.resolve(iac.plan(desired, live)),
      countSteps,
    )
    const drifted = driftedDocument(desired, scale)
    const driftPlan = await phase('plan (drifted document)', () => Promise.resolve(iac.plan(drifted, live)), countSteps)
    await phase(
      'apply (drift)',
      () => unwrap(iac.apply(iam, driftPlan)),
      (r) => r.applied.length,
    )
    const after = await phase(
      'export + plan (converged?)',
      async () => iac.plan(drifted, await unwrap(iac.exportState(iam))),
      countSteps,
    )
    return {
      scale,
      concurrency: 8,
      phases,
      converged: again.changes.length === 0 && after.changes.length === 0,
      callsByOperation: Object.fromEntries(Object.entries(byOperation).sort(([, a], [, b]) => b - a)),
    }
  } finally {
    await iam.close()
    await emulator.stop()
  }
}
