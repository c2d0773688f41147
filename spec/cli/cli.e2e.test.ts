import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DESIRED_ACCOUNT_YAML } from './desired-account'
import { spawnCli, type CliRun } from './harness'

let dir: string

/** Spawns `bce-iam ARGS`. */
const cli = (args: readonly string[]): Promise<CliRun> => spawnCli(args, dir)

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bce-iam-cli-'))
  await writeFile(join(dir, 'desired.yaml'), DESIRED_ACCOUNT_YAML)
  await writeFile(join(dir, 'bad.yaml'), 'users:\n  alice:\n    groups: [7]\n')
})

afterAll(() => rm(dir, { recursive: true, force: true }))

describe('bce-iam (spawned)', () => {
  it('simulates from a document, validates with paths, runs the emulator as a subcommand, refuses bad usage', async () => {
    const simulateArgs = [
      'policy',
      'simulate',
      '-f',
      join(dir, 'desired.yaml'),
      '--user',
      'alice',
      '--permission',
      'READ',
    ]
    const [denied, allowed, bad, emulator, usage] = await Promise.all([
      cli([...simulateArgs, '--resource', 'user/root-admin']),
      cli([...simulateArgs, '--resource', 'user/bob', '--json']),
      cli(['policy', 'validate', join(dir, 'bad.yaml')]),
      cli(['emulator', '--help']),
      cli(['plan']),
    ])
    expect(denied.code).toBe(0)
    expect(denied.stdout).toBe('DENIED (ExplicitDeny)\n  Deny by policy no-root, statement 0 (via group devs)\n')
    expect(allowed.code).toBe(0)
    expect(JSON.parse(allowed.stdout)).toMatchObject({
      allowed: true,
      deciding: [{ policy: 'readers', statementIndex: 0, effect: 'Allow', via: [{ kind: 'user', name: 'alice' }] }],
    })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('users.alice.groups.0')
    expect(emulator.code).toBe(0)
    expect(emulator.stdout).toContain('Usage: bce-iam-emulator')
    expect(usage.code).toBe(1)
    expect(usage.stderr).toContain('error: plan needs -f FILE')
  })
})
