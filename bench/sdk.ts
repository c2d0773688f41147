/**
 * The SDK under test is the package as users run it: `tsc -p tsconfig.build.json` output, laid
 * out as an installed dependency in bench/.bench-tmp/pkg/node_modules/bce-iam (gitignored), with
 * its runtime dependencies (and @baiducloud/sdk) symlinked next to it, so it shares the exact
 * undici module instance with the raw-undici contender. Loading lib/*.ts through tsx instead
 * would add esbuild's `__name` keep-names wrappers to every closure the SDK creates per call.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type * as IndexModule from '../lib/index'
import type * as ReaderModule from '../lib/decode/reader'
import type * as ResponseModule from '../lib/decode/response'
import type * as UserModelModule from '../lib/iam/user-model'
import type * as SigningKeyModule from '../lib/auth/signing-key'
import type * as TimestampModule from '../lib/auth/timestamp'

const REPO = path.resolve(__dirname, '..')
/**
 * Scratch directory (gitignored): bench/.bench-tmp, or `$BENCH_TMP` so that two harness runs on
 * one checkout (each rebuilds the package) do not pull the build from under each other.
 */
export const BENCH_TMP = process.env.BENCH_TMP ?? path.join(__dirname, '.bench-tmp')
/** Directory holding `node_modules/bce-iam`; cold-start children run with this as cwd. */
export const PKG_ROOT = path.join(BENCH_TMP, 'pkg')
export const PKG_DIR = path.join(PKG_ROOT, 'node_modules', 'bce-iam')
const DIST = path.join(PKG_DIR, 'dist')
const LINKED = ['undici', 'neverthrow', 'io-ts', 'fp-ts', 'yaml', '@baiducloud/sdk']

export interface BuildInfo {
  readonly ms: number
  readonly exitCode: number
  /** tsc diagnostics (type errors still emit JavaScript; they are reported, not fatal). */
  readonly output: string
  readonly reused: boolean
}

/**
 * Builds the SDK with tsc into {@link PKG_DIR}. `source` is the checkout whose `lib/` and
 * `tsconfig.build.json` are compiled (default: this repository); another checkout (for example
 * `git archive <ref> lib tsconfig.build.json tsconfig.json package.json` unpacked elsewhere, with
 * a `node_modules` link) measures that code with this harness.
 */
export function buildPackage(reuse = false, source: string = REPO): BuildInfo {
  if (reuse && fs.existsSync(path.join(DIST, 'index.js'))) return { ms: 0, exitCode: 0, output: '', reused: true }
  fs.rmSync(PKG_ROOT, { recursive: true, force: true })
  fs.mkdirSync(path.join(PKG_ROOT, 'node_modules', '@baiducloud'), { recursive: true })
  const started = performance.now()
  const build = spawnSync(
    process.execPath,
    [
      path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      path.join(source, 'tsconfig.build.json'),
      '--outDir',
      DIST,
    ],
    { cwd: source, encoding: 'utf8' },
  )
  const ms = performance.now() - started
  if (!fs.existsSync(path.join(DIST, 'index.js')))
    throw new Error(`tsc produced no dist/index.js:\n${build.stdout}${build.stderr}`)
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }
  fs.writeFileSync(
    path.join(PKG_DIR, 'package.json'),
    JSON.stringify({ name: 'bce-iam', version: pkg.version, main: 'dist/index.js' }),
  )
  for (const dep of LINKED)
    fs.symlinkSync(path.join(REPO, 'node_modules', dep), path.join(PKG_ROOT, 'node_modules', dep), 'dir')
  return {
    ms,
    exitCode: build.status ?? -1,
    output: `${build.stdout}${build.stderr}`.trim().slice(0, 4000),
    reused: false,
  }
}

export interface Sdk {
  readonly index: typeof IndexModule
  readonly reader: typeof ReaderModule
  readonly response: typeof ResponseModule
  readonly userModel: typeof UserModelModule
  /** The SDK's signing key and its memo (not exported by the package; the signed floor uses them). */
  readonly signingKey: typeof SigningKeyModule
  /** The SDK's `x-bce-date` formatting, memoised per second (the signed floor and the ablation use it). */
  readonly timestamp: typeof TimestampModule
}

let loaded: Sdk | undefined

/** The compiled SDK (call {@link buildPackage} first). */
export function sdk(): Sdk {
  if (loaded === undefined) {
    if (!fs.existsSync(path.join(DIST, 'index.js')))
      throw new Error('bce-iam is not built yet: call buildPackage() first')
    /* eslint-disable @typescript-eslint/no-require-imports */
    loaded = {
      index: require(path.join(DIST, 'index.js')) as typeof IndexModule,
      reader: require(path.join(DIST, 'decode', 'reader.js')) as typeof ReaderModule,
      response: require(path.join(DIST, 'decode', 'response.js')) as typeof ResponseModule,
      userModel: require(path.join(DIST, 'iam', 'user-model.js')) as typeof UserModelModule,
      signingKey: require(path.join(DIST, 'auth', 'signing-key.js')) as typeof SigningKeyModule,
      timestamp: require(path.join(DIST, 'auth', 'timestamp.js')) as typeof TimestampModule,
    }
    /* eslint-enable @typescript-eslint/no-require-imports */
  }
  return loaded
}
