import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { checkStrictConsumer } from './strict-consumer-check'

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

/**
 * A strict TypeScript consumer (ESM syntax, `.mts`) of the main entry and two subpaths that mixes
 * its own neverthrow Results with the SDK's, forwards possibly-undefined optional values and
 * matches the error union exhaustively.
 */
const TS_CONSUMER = `import { IamClient, type BceError, type ServiceErrorKind, type User } from 'bce-iam'
import { startEmulator } from 'bce-iam/emulator'
import { bceMatchers } from 'bce-iam/jest'
import { ResultAsync, err, ok, okAsync, safeTry, type Result } from 'neverthrow'

export const matcherNames: string[] = Object.keys(bceMatchers)
export const firstMatcher: string | undefined = matcherNames[0]

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

const mine = (name: string): Result<string, BceError | 'empty'> => (name === '' ? err('empty') : ok(name))

export function pair(iam: IamClient): ResultAsync<[User, User], BceError> {
  const alice: ResultAsync<User, BceError> = iam.getUser({ userName: 'alice' })
  return ResultAsync.combine([alice, iam.getUser({ userName: 'bob' })])
}

export function both(iam: IamClient, description: string | undefined): ResultAsync<string, BceError | 'empty'> {
  return safeTry(async function* () {
    const user = yield* iam.createUser({ name: 'carol', description })
    const name = yield* mine(user.name)
    const count = yield* okAsync<number, BceError>(name.length)
    return ok(\`\${name}:\${count}\`)
  })
}

export async function main(endpoint: string | undefined): Promise<string> {
  const emulator = (await startEmulator())._unsafeUnwrap()
  const iam = new IamClient({ endpoint: endpoint ?? emulator.endpoint, credentials: emulator.credentials, allowInsecureHttp: true })
  const fallback = new IamClient({ endpoint, credentials: emulator.credentials })
  await fallback.close()
  const user = await iam.getUser({ userName: 'x' }).map((u: User) => u.name).mapErr(describe)
  return user.unwrapOr('none')
}
`

/**
 * The consumer's compiler options: as strict as a consumer gets, one module resolution each.
 * `skipLibCheck: false` as a consumer may set it; checkStrictConsumer checks the package's
 * declarations under every resolution and the third-party ones under FULL_CHECK (see there).
 */
const STRICT = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  target: 'es2022',
  noEmit: true,
  skipLibCheck: false,
  types: ['node'],
}
const RESOLUTIONS = {
  node10: { module: 'esnext', moduleResolution: 'node10' },
  node16: { module: 'node16', moduleResolution: 'node16' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
} as const
const FULL_CHECK: keyof typeof RESOLUTIONS = 'nodenext'

/**
 * The neverthrow versions the peer range `^8.2.0` allows, oldest and newest (`npm view
 * neverthrow versions --json` on 2026-11-30: 8.2.0 is both). A consumer is installed with each.
 */
const NEVERTHROW_VERSIONS = ['8.2.0'] as const

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
        `@types/node@${versionOf('@types/node')}`,
        `neverthrow@${NEVERTHROW_VERSIONS[0]}`,
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
    // @opentelemetry/api has no dependencies: its installed copy is what `npm install` of the same
    // version would unpack, without a second npm run.
    cpSync(join(root, 'node_modules', '@opentelemetry', 'api'), join(dir, 'node_modules', '@opentelemetry', 'api'), {
      recursive: true,
    })
    writeFileSync(
      join(dir, 'otel.mjs'),
      "import { tracedClient } from 'bce-iam/otel'\nimport { IamClient } from 'bce-iam'\nimport { createRequire } from 'node:module'\nconst cjs = createRequire(import.meta.url)('bce-iam/otel')\nconst traced = tracedClient(new IamClient({ credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }))\nconsole.log(JSON.stringify([typeof traced.getUser, cjs.tracedClient === tracedClient]))\n",
    )
    expect(JSON.parse(run('node', ['otel.mjs'], dir))).toEqual(['function', true])
  }, 120_000)

  it.each(NEVERTHROW_VERSIONS)(
    'a strict TypeScript consumer mixing its own neverthrow %s with the SDK type-checks under node10, node16, nodenext and bundler',
    (version) => {
      if (version !== NEVERTHROW_VERSIONS[0])
        run(
          'npm',
          ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', `neverthrow@${version}`],
          dir,
        )
      writeFileSync(join(dir, 'consumer.mts'), TS_CONSUMER)
      const configs = Object.fromEntries(
        Object.entries(RESOLUTIONS).map(([name, resolution]) => {
          const config = join(dir, `tsconfig.${name}.json`)
          writeFileSync(
            config,
            JSON.stringify({ compilerOptions: { ...STRICT, ...resolution }, files: ['consumer.mts'] }),
          )
          return [name, config]
        }),
      )
      // The four programs in this process (TypeScript loads once), as `tsc -p` of each config would.
      const output = checkStrictConsumer(configs, 'bce-iam', FULL_CHECK)
      expect(output).toBe('')
    },
    300_000,
  )
})
