import { IamClient } from 'bce-iam'
import { apply, describeStep, ensureUser, exportState, plan, readDesiredState, type DesiredState } from 'bce-iam/iac'
import type { ExampleContext } from './context'

/** The account as code: a group with a read-only policy, two developers in it, one disabled. */
const DOCUMENT = `
policies:
  read-logs:
    description: read the log bucket
    document:
      accessControlList:
        - service: bce:bos
          region: bj
          resource: [logs-bucket/*]
          permission: [READ, LIST]
          effect: Allow
groups:
  developers:
    description: application developers
    policies: [read-logs]
users:
  alice:
    description: backend
    groups: [developers]
  bob:
    description: on leave
    enabled: false
    groups: [developers]
`

/** Plans the document against the live account and applies it; answers the number of steps. */
async function converge(iam: IamClient, desired: DesiredState, log: (line: string) => void): Promise<number> {
  const live = await exportState(iam)
  if (live.isErr()) {
    log(`✗ export failed: ${live.error.message}`)
    return -1
  }
  const steps = plan(desired, live.value)
  const result = await apply(iam, steps, {
    concurrency: 4,
    onStep: (event) => {
      if (event.status !== 'started') log(`  ${event.status} ${describeStep(event.step)}`)
    },
  })
  return result.match(
    (report) => report.applied.length,
    (failure) => {
      log(`✗ ${failure.message}`)
      return -1
    },
  )
}

/**
 * IAM as code: read a YAML document, plan it against the live account, apply it, and apply it
 * again (nothing to do); then an ensure combinator on its own.
 */
export async function iamAsCode({ endpoint, credentials, log }: ExampleContext): Promise<boolean> {
  const iam = new IamClient({ endpoint, credentials, allowInsecureHttp: true })
  const desired = readDesiredState(DOCUMENT, 'yaml')
  if (desired.isErr()) {
    log(`✗ the document is invalid: ${desired.error.message}`)
    await iam.close()
    return false
  }
  const first = await converge(iam, desired.value, log)
  log(`${first > 0 ? '✓' : '✗'} first apply: ${first} step(s)`)
  const second = await converge(iam, desired.value, log)
  log(`${second === 0 ? '✓' : '✗'} second apply: ${second} step(s), the account already matches`)
  const carol = await ensureUser(iam, { name: 'carol', description: 'contractor' })
  const again = await ensureUser(iam, { name: 'carol', description: 'contractor' })
  const actions = carol.andThen((c) => again.map((a) => `${c.action}, then ${a.action}`))
  log(
    `${actions.isOk() && actions.value === 'created, then existing' ? '✓' : '✗'} ensureUser carol: ${actions.match(String, String)}`,
  )
  const bob = await iam.getUser({ userName: 'bob' })
  log(`${bob.isOk() && bob.value.enabled === false ? '✓' : '✗'} bob is disabled, as the document says`)
  await iam.close()
  return first > 0 && second === 0 && actions.isOk() && bob.isOk() && bob.value.enabled === false
}
