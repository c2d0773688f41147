import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '..', '..')
const run = (cmd: string, args: string[], cwd: string): string =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' },
  })

/** The installed version of a dev dependency, so the consumer uses the same one offline. */
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version

const consumerScript = (importLine: string) => `${importLine}
const started = await startEmulator()
const emulator = started._unsafeUnwrap()
const iam = new IamClient({ endpoint: emulator.endpoint, credentials: emulator.credentials, allowInsecureHttp: true })
const created = await iam.createUser({ name: 'packaged' })
const again = await iam.createUser({ name: 'packaged' })
const kind = again.isErr() && again.error._tag === 'BceServiceError' ? again.error.kind : 'none'
console.log(JSON.stringify({ ok: created.isOk(), kind, isResult: typeof again.match === 'function' && typeof Result.fromThrowable === 'function' }))
await iam.close()
await emulator.close()
`

/** A strict TypeScript consumer of the main entry and two subpaths. */
const TS_CONSUMER = `import { IamClient, type BceError, type ServiceErrorKind, type User } from 'bce-iam'
import { startEmulator } from 'bce-iam/emulator'
import { bceMatchers } from 'bce-iam/jest'

export const matcherNames: string[] = Object.keys(bceMatchers)

function describe(e: BceError): string {
  switch (e._tag) {
    case 'BceServiceError': {
      const kind: ServiceErrorKind = e.kind
      return kind
    }
    case 'BceClientError':
      return e.reason
    default: {
      const never: never = e
      return never
    }
  }
}

export async function main(): Promise<string> {
  const emulator = (await startEmulator())._unsafeUnwrap()
  const iam = new IamClient({ endpoint: emulator.endpoint, credentials: emulator.credentials, allowInsecureHttp: true })
  const user = await iam.getUser({ userName: 'x' }).map((u: User) => u.name).mapErr(describe)
  return user.unwrapOr('none')
}
`

describe('the packed tarball works for ESM, CommonJS and TypeScript consumers', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bce-iam-pack-'))
    const packed = run('npm', ['pack', '--silent', '--pack-destination', dir], root).trim().split('\n').pop() as string
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }))
    run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        join(dir, packed),
        `typescript@${versionOf('typescript')}`,
        `@types/node@${versionOf('@types/node')}`,
      ],
      dir,
    )
  }, 240_000)
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('an ESM script imports the package and its emulator', () => {
    writeFileSync(
      join(dir, 'esm.mjs'),
      consumerScript("import { IamClient, Result } from 'bce-iam'\nimport { startEmulator } from 'bce-iam/emulator'"),
    )
    expect(JSON.parse(run('node', ['esm.mjs'], dir))).toEqual({ ok: true, kind: 'AlreadyExists', isResult: true })
  }, 60_000)

  it('a CommonJS script requires the package and its emulator', () => {
    writeFileSync(
      join(dir, 'cjs.cjs'),
      `const { IamClient, Result } = require('bce-iam')\nconst { startEmulator } = require('bce-iam/emulator')\n;(async () => {\n${consumerScript('')}\n})()`,
    )
    expect(JSON.parse(run('node', ['cjs.cjs'], dir))).toEqual({ ok: true, kind: 'AlreadyExists', isResult: true })
  }, 60_000)

  it('bce-iam/jest loads from ESM and CommonJS without jest installed', () => {
    writeFileSync(
      join(dir, 'matchers.mjs'),
      "import { bceMatchers } from 'bce-iam/jest'\nimport { createRequire } from 'node:module'\nconst cjs = createRequire(import.meta.url)('bce-iam/jest')\nconsole.log(JSON.stringify([Object.keys(bceMatchers).sort(), cjs.bceMatchers === bceMatchers]))\n",
    )
    expect(JSON.parse(run('node', ['matchers.mjs'], dir))).toEqual([['toBeErr', 'toBeErrKind', 'toBeOk'], true])
  }, 60_000)

  it('bce-iam/fp-ts loads from ESM and CommonJS; the main entry needs neither effect nor a test runner', () => {
    writeFileSync(
      join(dir, 'fp.mjs'),
      "import { taskEitherClient, orElseKind } from 'bce-iam/fp-ts'\nimport { IamClient } from 'bce-iam'\nimport { createRequire } from 'node:module'\nconst require = createRequire(import.meta.url)\nconst cjs = require('bce-iam/fp-ts')\nlet effect = 'installed'\ntry { require.resolve('effect') } catch { effect = 'absent' }\nconst client = taskEitherClient(new IamClient({ credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }))\nconsole.log(JSON.stringify([typeof client.getUser, typeof orElseKind, cjs.taskEitherClient === taskEitherClient, effect]))\n",
    )
    expect(JSON.parse(run('node', ['fp.mjs'], dir))).toEqual(['function', 'function', true, 'absent'])
  }, 60_000)

  it('the main entry works without @opentelemetry/api; with it, bce-iam/otel loads from ESM and CommonJS', () => {
    writeFileSync(
      join(dir, 'no-otel.mjs'),
      "import { IamClient } from 'bce-iam'\nimport { createRequire } from 'node:module'\nconst require = createRequire(import.meta.url)\nlet otel = 'installed'\ntry { require.resolve('@opentelemetry/api') } catch { otel = 'absent' }\nconst iam = new IamClient({ credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })\nconsole.log(JSON.stringify([typeof iam.getUser, otel]))\n",
    )
    expect(JSON.parse(run('node', ['no-otel.mjs'], dir))).toEqual(['function', 'absent'])
    run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        `@opentelemetry/api@${versionOf('@opentelemetry/api')}`,
      ],
      dir,
    )
    writeFileSync(
      join(dir, 'otel.mjs'),
      "import { tracedClient } from 'bce-iam/otel'\nimport { IamClient } from 'bce-iam'\nimport { createRequire } from 'node:module'\nconst cjs = createRequire(import.meta.url)('bce-iam/otel')\nconst traced = tracedClient(new IamClient({ credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }))\nconsole.log(JSON.stringify([typeof traced.getUser, cjs.tracedClient === tracedClient]))\n",
    )
    expect(JSON.parse(run('node', ['otel.mjs'], dir))).toEqual(['function', true])
  }, 120_000)

  it('a TypeScript consumer type-checks, with exhaustive matching on the error union', () => {
    writeFileSync(join(dir, 'consumer.ts'), TS_CONSUMER)
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'node16',
          moduleResolution: 'node16',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['consumer.ts'],
      }),
    )
    expect(() => run('npx', ['tsc', '-p', 'tsconfig.json'], dir)).not.toThrow()
  }, 120_000)

  it('the same consumer type-checks under moduleResolution node10 (subpaths through typesVersions)', () => {
    writeFileSync(join(dir, 'consumer.ts'), TS_CONSUMER)
    writeFileSync(
      join(dir, 'tsconfig.node10.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'commonjs',
          moduleResolution: 'node10',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['consumer.ts'],
      }),
    )
    expect(() => run('npx', ['tsc', '-p', 'tsconfig.node10.json'], dir)).not.toThrow()
  }, 120_000)
})
