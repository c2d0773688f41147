import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { applyCommand, progressLine, reportLine } from '../../lib/cli/commands/apply'
import { exportCommand } from '../../lib/cli/commands/export'
import { planCommand } from '../../lib/cli/commands/plan'
import type { PlanStep } from '../../lib/iac'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import { fakeIo } from './harness'

let fixture: EmulatorFixture
let dir: string
let env: Record<string, string>
const printed: string[] = []

/** A fake io with the emulator's root key pair; everything it prints is kept for the secret check. */
function run(options: { tty: boolean; answer?: boolean; env?: Record<string, string> }) {
  const made = fakeIo({ ...options, env: options.env ?? env })
  const { io } = made
  const keep = (write: (text: string) => void) => (text: string) => {
    printed.push(text)
    write(text)
  }
  return { ...made, io: { ...io, out: keep(io.out), err: keep(io.err) } }
}

beforeAll(async () => {
  fixture = await withEmulator({ seed: 16 })
  dir = await mkdtemp(join(tmpdir(), 'bce-iam-cli-iac-'))
  env = {
    BCE_ACCESS_KEY_ID: fixture.emulator.credentials.accessKeyId,
    BCE_SECRET_ACCESS_KEY: fixture.emulator.credentials.secretAccessKey,
    HOME: dir, // no profile file of the machine running the tests
  }
  ;(await fixture.iam.createGroup({ name: 'devs', description: 'developers' }))._unsafeUnwrap()
})

afterAll(async () => {
  await fixture.close()
  await rm(dir, { recursive: true, force: true })
})

const connection = () => ({ endpoint: fixture.emulator.endpoint, allowInsecureHttp: true })
const write = async (name: string, text: string): Promise<string> => {
  const file = join(dir, name)
  await writeFile(file, text)
  return file
}

describe('bce-iam export (in process, against the emulator)', () => {
  it('prints the document on standard output, or writes it to -o FILE with a summary', async () => {
    const printedYaml = run({ tty: false })
    expect(await exportCommand({ command: 'export', format: 'yaml', connection: connection() }, printedYaml.io)).toBe(0)
    expect(printedYaml.out()).toContain('groups:\n  devs:\n    description: developers\n')

    const output = join(dir, 'live.json')
    const toFile = run({ tty: false })
    const command = { command: 'export', format: 'json', output, connection: connection() } as const
    expect(await exportCommand(command, toFile.io)).toBe(0)
    expect(toFile.out()).toBe('')
    expect(JSON.parse(await readFile(output, 'utf8'))).toMatchObject({
      groups: { devs: { description: 'developers' } },
    })
    expect(toFile.err()).toBe(`Exported 0 users, 1 groups, 0 policies, 0 roles to ${output}.\n`)

    const unwritable = run({ tty: false })
    const badPath = join(dir, 'no-such-dir', 'live.yaml')
    expect(await exportCommand({ ...command, output: badPath }, unwritable.io)).toBe(1)
    expect(unwritable.err()).toBe(`error: cannot write ${badPath} (ENOENT)\n`)
  })

  it('a wrong secret key fails with the one-line summary, and neither key is ever printed', async () => {
    const wrongSecret = 'wrong-secret-key-do-not-print-0123456789'
    const rejected = run({ tty: false, env: { ...env, BCE_SECRET_ACCESS_KEY: wrongSecret } })
    expect(await exportCommand({ command: 'export', format: 'yaml', connection: connection() }, rejected.io)).toBe(1)
    expect(rejected.out()).toBe('')
    expect(rejected.err()).toMatch(/^error: .+\n$/) // one line
    expect(rejected.err()).not.toContain(wrongSecret)
    for (const text of printed) expect(text).not.toContain(fixture.emulator.credentials.secretAccessKey)
  })
})

describe('bce-iam plan (in process, against the emulator)', () => {
  it('shows the diff, the JSON changes, and exits 2 with --detailed-exitcode when there are changes', async () => {
    const file = await write('plan.yaml', 'groups:\n  devs: { description: developers }\n  ops: {}\n')
    const base = { command: 'plan', file, prune: false, json: false, connection: connection() } as const

    const human = run({ tty: false })
    expect(await planCommand({ ...base, detailedExitcode: false }, human.io)).toBe(0)
    expect(human.out()).toBe('+ create group ops\n\nPlan: 1 to add, 0 to change, 0 to remove.\n')

    const detailed = run({ tty: true })
    expect(await planCommand({ ...base, detailedExitcode: true, json: true }, detailed.io)).toBe(2)
    expect(JSON.parse(detailed.out())).toEqual({ changes: [{ action: 'create', target: 'group', name: 'ops' }] })

    const coloured = run({ tty: true })
    expect(await planCommand({ ...base, detailedExitcode: false }, coloured.io)).toBe(0)
    expect(coloured.out()).toContain('\u001b[32m+ create group ops\u001b[0m')
  })

  it('without changes: the no-changes line and exit 0 even with --detailed-exitcode; --prune plans deletions', async () => {
    const file = await write('same.yaml', 'groups:\n  devs: { description: developers }\n')
    const base = { command: 'plan', file, json: false, detailedExitcode: true, connection: connection() } as const
    const same = run({ tty: false })
    expect(await planCommand({ ...base, prune: false }, same.io)).toBe(0)
    expect(same.out()).toBe('No changes: the account matches the document.\n')

    const empty = await write('empty.yaml', '{}\n')
    const pruned = run({ tty: false })
    expect(await planCommand({ ...base, file: empty, prune: true }, pruned.io)).toBe(2)
    expect(pruned.out()).toContain('- delete group devs')
  })

  it('a bad document fails with 1 and the path of each problem, before any change', async () => {
    const file = await write('bad.yaml', 'users:\n  alice:\n    groups: [7]\n')
    const bad = run({ tty: false })
    const command = {
      command: 'plan',
      file,
      prune: false,
      json: false,
      detailedExitcode: true,
      connection: connection(),
    } as const
    expect(await planCommand(command, bad.io)).toBe(1)
    expect(bad.out()).toBe('')
    expect(bad.err()).toContain('users.alice.groups.0')
  })
})

describe('bce-iam apply (in process, against the emulator)', () => {
  const exists = async (name: string) => (await fixture.iam.getGroup({ groupName: name })).isOk()

  it('refuses without a terminal unless --yes, and a no on a terminal changes nothing', async () => {
    const file = await write('one.yaml', 'groups:\n  devs: { description: developers }\n  qa: {}\n')
    const command = { command: 'apply', file, prune: false, yes: false, json: false, connection: connection() } as const

    const refused = run({ tty: false })
    expect(await applyCommand(command, refused.io)).toBe(1)
    expect(refused.questions).toEqual([])
    expect(refused.out()).toContain('+ create group qa') // the plan is shown first
    expect(refused.err()).toBe('error: refusing to apply without confirmation: not a terminal; pass --yes\n')

    const declined = run({ tty: true, answer: false })
    expect(await applyCommand(command, declined.io)).toBe(1)
    expect(declined.questions).toEqual(['Apply these 1 changes? [y/N] '])
    expect(declined.out()).toContain('\u001b[32m+ create group qa') // a terminal: coloured
    expect(declined.err()).toBe('Cancelled: nothing applied.\n')
    expect(await exists('qa')).toBe(false)
  })

  it('a yes on a terminal applies, with one progress line per step on standard error', async () => {
    const file = await write('yes.yaml', 'groups:\n  devs: { description: developers }\n  ops: {}\n')
    const command = { command: 'apply', file, prune: false, yes: false, json: false, connection: connection() } as const
    const accepted = run({ tty: true, answer: true })
    expect(await applyCommand(command, accepted.io)).toBe(0)
    expect(accepted.questions).toEqual(['Apply these 1 changes? [y/N] '])
    expect(accepted.err()).toBe('[1/1] applied + create group ops\n')
    expect(accepted.out()).toContain('Applied 1 changes, 0 failed, 0 not started.\n')
    expect(await exists('ops')).toBe(true)
  })

  it('a failing step stops the apply with exit 1, the step and the error on one line each, the report as JSON', async () => {
    const file = await write('limit.yaml', 'users:\n  zed: {}\n  yan: {}\n')
    const limits = fixture.emulator.limits()
    fixture.emulator.setLimits({ usersPerAccount: 0 })._unsafeUnwrap()
    try {
      const command = { command: 'apply', file, prune: false, yes: true, json: true, connection: connection() } as const
      const failed = run({ tty: false })
      expect(await applyCommand(command, failed.io)).toBe(1)
      const report = JSON.parse(failed.out())
      expect(report).toMatchObject({ _tag: 'ApplyFailure', report: { applied: [] } })
      expect(report.report.failed.length).toBeGreaterThanOrEqual(1)
      const lines = failed.err().split('\n')
      expect(lines).toContainEqual(expect.stringMatching(/^error: \+ create user (zed|yan) failed$/))
      expect(lines).toContainEqual(expect.stringMatching(/^error: .*LimitExceeded/))
    } finally {
      fixture.emulator.setLimits(limits)._unsafeUnwrap()
    }
  })

  it('with nothing to do it neither asks nor refuses', async () => {
    const file = await write('nothing.yaml', 'groups:\n  devs: { description: developers }\n')
    const command = { command: 'apply', file, prune: false, yes: false, json: true, connection: connection() } as const
    const nothing = run({ tty: false })
    expect(await applyCommand(command, nothing.io)).toBe(0)
    expect(JSON.parse(nothing.out())).toEqual({ applied: [], failed: [], pending: [] })
  })
})

describe('apply progress and report lines', () => {
  const step: PlanStep = { action: 'create', target: 'user', name: 'alice' }

  it('one line per finished step, none when a step starts', () => {
    expect(progressLine({ step, status: 'started', index: 0, total: 12 }, 0)).toBeUndefined()
    expect(progressLine({ step, status: 'applied', index: 0, total: 12 }, 3)).toBe(
      '[3/12] applied + create user alice\n',
    )
    expect(progressLine({ step, status: 'recovered', index: 0, total: 12 }, 4)).toBe(
      '[4/12] recovered + create user alice\n',
    )
  })

  it('counts applied, failed and pending steps', () => {
    expect(reportLine({ applied: [step, step], failed: [], pending: [step] })).toBe(
      'Applied 2 changes, 0 failed, 1 not started.\n',
    )
  })
})
