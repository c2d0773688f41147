import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import { DESIRED_ACCOUNT_YAML } from './desired-account'
import { spawnCli, type CliRun } from './harness'

let fixture: EmulatorFixture
let dir: string
const outputs: string[] = []

/** Spawns `bce-iam ARGS` with the emulator's endpoint and root key pair in its environment. */
async function cli(args: readonly string[]): Promise<CliRun> {
  const { emulator } = fixture
  const run = await spawnCli(args, dir, {
    BCE_IAM_ENDPOINT: emulator.endpoint,
    BCE_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    BCE_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
  })
  outputs.push(run.stdout, run.stderr)
  return run
}

beforeAll(async () => {
  fixture = await withEmulator({ seed: 16 })
  dir = await mkdtemp(join(tmpdir(), 'bce-iam-cli-iac-'))
  await writeFile(join(dir, 'desired.yaml'), DESIRED_ACCOUNT_YAML)
  await writeFile(join(dir, 'bad.yaml'), 'users:\n  alice:\n    groups: [7]\n')
  ;(await fixture.iam.createUser({ name: 'preexisting' }))._unsafeUnwrap()
})

afterAll(async () => {
  await fixture.close()
  await rm(dir, { recursive: true, force: true })
})

describe('bce-iam against the emulator (spawned)', () => {
  it('export, plan (2: changes), apply refused without a terminal, apply --yes, plan (0: no changes)', async () => {
    const file = join(dir, 'desired.yaml')
    const exported = await cli(['export', '--format', 'json', '--allow-insecure-http'])
    expect(exported.code).toBe(0)
    expect(Object.keys(JSON.parse(exported.stdout).users)).toEqual(['preexisting'])

    const before = await cli(['plan', '-f', file, '--detailed-exitcode', '--allow-insecure-http'])
    expect(before.code).toBe(2)
    expect(before.stdout).toMatch(/^\+ create user alice/m)
    expect(before.stdout).toMatch(/^\+ create policy readers/m)
    expect(before.stdout).not.toMatch(/^- /m) // without --prune, preexisting stays
    expect(before.stdout).not.toContain('\u001b[') // not a terminal: no colour

    const refused = await cli(['apply', '-f', file, '--allow-insecure-http'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('pass --yes')
    expect((await fixture.iam.getUser({ userName: 'alice' }))._unsafeUnwrapErr()).toMatchObject({ kind: 'NotFound' })

    const applied = await cli(['apply', '-f', file, '--yes', '--allow-insecure-http'])
    expect(applied.code).toBe(0)
    expect(applied.stderr).toMatch(/^\[\d\/7\] applied \+ create user alice description=on call$/m) // progress
    expect(applied.stdout).toMatch(/^Applied 7 changes, 0 failed, 0 not started\.$/m)
    expect((await fixture.iam.getUser({ userName: 'alice' }))._unsafeUnwrap().description).toBe('on call')

    const [after, live] = await Promise.all([
      cli(['plan', '-f', file, '--detailed-exitcode', '--json', '--allow-insecure-http']),
      cli([
        ...['policy', 'simulate', '--live', '--allow-insecure-http', '--user', 'alice'],
        ...['--permission', 'READ', '--resource', 'user/root-admin'],
      ]),
    ])
    expect(after.code).toBe(0)
    expect(JSON.parse(after.stdout)).toEqual({ changes: [] })
    // The applied account answers like the document: the group's Deny wins over the user's Allow.
    expect(live.code).toBe(0)
    expect(live.stdout).toContain('DENIED (ExplicitDeny)')
    expect(live.stdout).toContain('Deny by policy no-root, statement 0 (via group devs)')
  })

  it('a bad or missing document fails with 1 and one line per problem; plain http needs the flag', async () => {
    const [bad, missing, insecure] = await Promise.all([
      cli(['plan', '-f', join(dir, 'bad.yaml'), '--allow-insecure-http']),
      cli(['apply', '-f', join(dir, 'missing.yaml'), '--yes', '--allow-insecure-http']),
      cli(['export']), // BCE_IAM_ENDPOINT is http:// and --allow-insecure-http is missing
    ])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toContain('users.alice.groups.0')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(`error: cannot read ${join(dir, 'missing.yaml')} (ENOENT)\n`)
    expect(insecure.code).toBe(1)
    expect(insecure.stderr).toContain('--allow-insecure-http')
  })

  it('no output of any run above shows the secret access key', () => {
    expect(outputs.length).toBeGreaterThanOrEqual(18)
    for (const output of outputs) expect(output).not.toContain(fixture.emulator.credentials.secretAccessKey)
  })
})
