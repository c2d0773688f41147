import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { IamClient } from '../../lib'
import {
  ENV_EMULATOR_ACCESS_KEY_ID,
  ENV_EMULATOR_SECRET_ACCESS_KEY,
  parseCliArgs,
  USAGE,
} from '../../lib/emulator/cli-args'

const AK = 'fixed-root-ak'
const SK = 'fixed-root-secret-0123456789'

describe('the emulator CLI can fix the root key pair', () => {
  it('reads it from flags, from the environment, and lets a flag win over the environment', () => {
    expect(parseCliArgs(['--access-key-id', AK, `--secret-access-key=${SK}`])._unsafeUnwrap()).toEqual({
      help: false,
      credentials: { accessKeyId: AK, secretAccessKey: SK },
    })
    const env = { [ENV_EMULATOR_ACCESS_KEY_ID]: 'env-ak', [ENV_EMULATOR_SECRET_ACCESS_KEY]: 'env-sk' }
    expect(parseCliArgs(['--seed', '7'], env)._unsafeUnwrap()).toEqual({
      help: false,
      seed: 7,
      credentials: { accessKeyId: 'env-ak', secretAccessKey: 'env-sk' },
    })
    expect(parseCliArgs(['--access-key-id', AK], env)._unsafeUnwrap()).toEqual({
      help: false,
      credentials: { accessKeyId: AK, secretAccessKey: 'env-sk' },
    })
    expect(parseCliArgs([], { PATH: '/bin' })._unsafeUnwrap()).toEqual({ help: false })
  })

  it.each([
    [['--access-key-id', AK], {}, `--access-key-id (or ${ENV_EMULATOR_ACCESS_KEY_ID}) needs --secret-access-key`],
    [[], { [ENV_EMULATOR_SECRET_ACCESS_KEY]: SK }, `--secret-access-key (or ${ENV_EMULATOR_SECRET_ACCESS_KEY}) needs`],
    [['--access-key-id', 'a/b', '--secret-access-key', SK], {}, 'the access key id must be visible ASCII'],
    [['--access-key-id=', '--secret-access-key', SK], {}, 'the access key id must be visible ASCII'],
    [['--access-key-id', AK, '--secret-access-key', 'has space'], {}, 'the secret access key must be visible ASCII'],
    [
      ['--access-key-id', AK, '--secret-access-key', 'l\u00e4ndisch'],
      {},
      'the secret access key must be visible ASCII',
    ],
    [['--access-key-id'], {}, '--access-key-id needs a value'],
  ])('rejects %j with env %j', (argv, env, message) => {
    const problem = parseCliArgs(argv, env)._unsafeUnwrapErr()
    expect(problem).toContain(message)
    expect(problem).not.toContain(SK)
  })

  it('documents the flags and the environment variables', () => {
    for (const text of [
      '--access-key-id',
      '--secret-access-key',
      ENV_EMULATOR_ACCESS_KEY_ID,
      ENV_EMULATOR_SECRET_ACCESS_KEY,
    ])
      expect(USAGE).toContain(text)
  })

  it('a spawned CLI serves with the key pair from its environment', async () => {
    const root = join(__dirname, '..', '..')
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'lib', 'emulator', 'cli.ts'), '--seed', '5'], {
      cwd: root,
      env: { ...process.env, [ENV_EMULATOR_ACCESS_KEY_ID]: AK, [ENV_EMULATOR_SECRET_ACCESS_KEY]: SK },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = once(child, 'exit')
    try {
      let output = ''
      child.stdout.setEncoding('utf8')
      for await (const chunk of child.stdout) {
        output += chunk as string
        if (output.includes('BCE_SECRET_ACCESS_KEY=') && output.endsWith('\n')) break
      }
      const lines = Object.fromEntries(
        output
          .split('\n')
          .filter((line) => line.includes('='))
          .map((line) => line.split('=', 2) as [string, string]),
      )
      expect(lines.BCE_ACCESS_KEY_ID).toBe(AK)
      expect(lines.BCE_SECRET_ACCESS_KEY).toBe(SK)
      const endpoint = lines.BCE_IAM_ENDPOINT ?? ''
      const iam = new IamClient({
        endpoint,
        credentials: { accessKeyId: AK, secretAccessKey: SK },
        allowInsecureHttp: true,
      })
      expect((await iam.createUser({ name: 'scripted' })).isOk()).toBe(true)
      const wrong = new IamClient({
        endpoint,
        credentials: { accessKeyId: AK, secretAccessKey: 'not-the-secret' },
        allowInsecureHttp: true,
        retry: false,
      })
      const refused = await wrong.listUsers()
      expect(refused.isErr() && refused.error._tag === 'BceServiceError' ? refused.error.kind : 'none').toBe(
        'AuthFailure',
      )
      await iam.close()
      await wrong.close()
    } finally {
      child.kill('SIGTERM')
      await exited
    }
  }, 30_000)
})
