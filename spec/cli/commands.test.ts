import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { policySimulate } from '../../lib/cli/commands/policy-simulate'
import { policyValidate } from '../../lib/cli/commands/policy-validate'
import { fakeIo } from './harness'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bce-iam-cli-units-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const write = async (name: string, text: string): Promise<string> => {
  const file = join(dir, name)
  await writeFile(file, text)
  return file
}

describe('policy validate', () => {
  it('accepts a valid document and names what it holds', async () => {
    const file = await write('ok.json', JSON.stringify({ users: { a: {} }, groups: { g: {} } }))
    const run = fakeIo({ tty: false })
    expect(await policyValidate({ command: 'policy-validate', file, json: false }, run.io)).toBe(0)
    expect(run.out()).toContain('a valid desired state (1 users, 1 groups, 0 policies, 0 roles)')
  })

  it('checks a single ACL document with the ACL toolkit, every problem with its path', async () => {
    const file = await write('acl.json', JSON.stringify({ accessControlList: [{ service: 'bce:bos' }] }))
    const run = fakeIo({ tty: false })
    expect(await policyValidate({ command: 'policy-validate', file, json: false }, run.io)).toBe(1)
    expect(run.err()).toContain('accessControlList.0.region')
    expect(run.err()).toContain('accessControlList.0.effect')
  })

  it('reports an invalid document with the path of the problem, as JSON when asked', async () => {
    const file = await write('bad.yaml', 'users:\n  alice:\n    groups: [7]\n')
    const run = fakeIo({ tty: false })
    expect(await policyValidate({ command: 'policy-validate', file, json: true }, run.io)).toBe(1)
    const answer = JSON.parse(run.out())
    expect(answer).toMatchObject({ valid: false, kind: 'state' })
    expect(JSON.stringify(answer.error)).toContain('users.alice.groups.0')
  })

  it('an unreadable file is one line naming the file and the cause', async () => {
    const run = fakeIo({ tty: false })
    const file = join(dir, 'missing.yaml')
    expect(await policyValidate({ command: 'policy-validate', file, json: false }, run.io)).toBe(1)
    expect(run.err()).toBe(`error: cannot read ${file} (ENOENT)\n`)
  })
})

describe('policy simulate from a file', () => {
  it('fails with the path of a System policy it cannot know offline', async () => {
    const file = await write(
      'system.yaml',
      'users:\n  u:\n    policies: [{ name: AdministratorAccess, type: System }]\n',
    )
    const run = fakeIo({ tty: false })
    const command = {
      command: 'policy-simulate',
      source: { file },
      principal: { user: 'u' },
      permission: 'READ',
      resource: 'x',
      json: false,
    } as const
    expect(await policySimulate(command, run.io)).toBe(1)
    expect(run.err()).toContain('users.u.policies.0')
  })
})
