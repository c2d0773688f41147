/**
 * bce-iam benchmark harness: `npm run bench` (= node --expose-gc -r tsx/cjs bench/run.ts).
 *
 * Options:
 *   --quick              short smoke configuration; writes nothing
 *   --only=a,b           sections: throughput, ablation, emulator, signing, decoding, cold, memory, iac (writes nothing)
 *   --no-iac             skip the IAM-as-code section (1,000 users: export, plan, apply)
 *   --contenders=a,b     throughput contenders (the three floors always run): sdk, official, naive, fetch, officialKeepAlive, rawDispatch (writes nothing)
 *   --rounds=N           throughput rounds (default 9, one per contender)
 *   --round-ms=N         throughput round length (default 600)
 *   --no-write           print only; do not touch bench/results.json or BENCHMARKS.md
 *   --reuse-build        reuse the package built by a previous run instead of running tsc
 *   --src=DIR            build the SDK from another checkout's lib/ (writes nothing)
 *   --render             only re-render BENCHMARKS.md (or --md-out) from bench/results.json (no measuring)
 *   --state-sizes=a,b    users in the emulator's state-file comparison (default 10,10000; --quick 10,1000)
 *   --md-out=FILE        also write the Markdown report to FILE (a preview; works with --quick)
 *
 * The SDK under test is its tsc build (bench/sdk.ts), built first on every run. `BENCH_TMP=DIR`
 * moves the scratch directory (default bench/.bench-tmp).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ABLATION } from './ablation'
import { runClientCost } from './client-cost'
import { runColdStart } from './coldstart'
import type { ContenderKey } from './contenders'
import { runDecoding } from './decoding'
import { runEmulator } from './emulator'
import { IAC_SCALE, runIac } from './iac'
import { checkHonestFloor } from './honest-check'
import { runMemory } from './memory'
import { runProfileBreakdown } from './profile-section'
import { consoleReport, evaluateTargets, markdownReport, type MachineCard, type Results } from './report'
import { QuietBudget } from './rounds'
import { buildPackage } from './sdk'
import { startServer, type BenchServer } from './server-control'
import { runSigning } from './signing'
import { gcAvailable } from './stats'
import { runThroughput } from './throughput'

const REPO = path.resolve(__dirname, '..')
const SECTIONS = ['throughput', 'ablation', 'emulator', 'signing', 'decoding', 'cold', 'memory', 'iac'] as const
type Section = (typeof SECTIONS)[number]

function arg(name: string): string | undefined {
  const prefix = `--${name}=`
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length)
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`)

function machineCard(): MachineCard {
  const readVersion = (pkg: string): string =>
    (JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version
  let gitCommit = 'unknown'
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim()
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--', 'lib'], { cwd: REPO, encoding: 'utf8' }).trim().length > 0
    gitCommit = `${head}${dirty ? ' (lib/ has uncommitted changes)' : ''}`
  } catch {
    // not a git checkout
  }
  const cpus = os.cpus()
  return {
    date: new Date().toISOString(),
    node: process.version,
    undici: readVersion('undici'),
    nodeBundledUndici: process.versions.undici ?? 'unknown',
    baiducloudSdk: readVersion('@baiducloud/sdk'),
    cpuCount: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: os.loadavg(),
    gitCommit,
    serverInSeparateProcess: true,
  }
}

async function main(): Promise<void> {
  if (flag('render')) {
    const saved = JSON.parse(fs.readFileSync(path.join(__dirname, 'results.json'), 'utf8')) as Results
    const out = arg('md-out') ?? path.join(REPO, 'BENCHMARKS.md')
    fs.writeFileSync(out, markdownReport(saved))
    console.log(`rendered ${out} from bench/results.json`)
    return
  }
  const started = performance.now()
  const quick = flag('quick')
  const onlyArg = arg('only')
  const only = onlyArg === undefined ? undefined : (onlyArg.split(',') as Section[])
  const bad = only?.filter((s) => !SECTIONS.includes(s))
  if (bad !== undefined && bad.length > 0)
    throw new Error(`unknown section(s): ${bad.join(', ')}; known: ${SECTIONS.join(', ')}`)
  const want = (s: Section): boolean => only === undefined || only.includes(s)
  const contendersArg = arg('contenders')
  const source = arg('src')
  const write = !flag('no-write') && !quick && only === undefined && contendersArg === undefined && source === undefined
  if (!gcAvailable)
    console.warn('warning: run with --expose-gc (npm run bench does) for forced GC between rounds and the memory test')

  // As many rounds as contenders (9): the order rotates by one each round, so every contender
  // runs once in every position, including right after the official SDK's thousands of
  // short-lived connections, and no contender is favoured by where it sits.
  const rounds = Number(arg('rounds') ?? (quick ? 2 : 9))
  const roundMs = Number(arg('round-ms') ?? (quick ? 300 : 600))
  // At most this long in total waiting for other processes to quieten before rounds.
  const quietBudgetMs = quick ? 1_000 : 45_000
  const quiet = new QuietBudget(quietBudgetMs)
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`)
  }
  const machine = machineCard()
  const partial: Omit<Results, 'targets' | 'wallSeconds'> & { wallSeconds?: number } = {
    machine,
    command: 'npm run bench',
  }
  const results: { -readonly [K in keyof Results]?: Results[K] } = { ...partial }

  log('building bce-iam with tsc -p tsconfig.build.json…')
  const build = buildPackage(flag('reuse-build') && !write, source === undefined ? undefined : path.resolve(source))
  if (source !== undefined) machine.gitCommit = `${machine.gitCommit}; SDK built from ${path.resolve(source)}`
  results.build = build
  if (build.exitCode !== 0)
    log(`warning: tsc exited ${build.exitCode}; the emitted JavaScript is measured anyway:\n${build.output}`)
  const sectionSeconds: Record<string, number> = {}
  results.sectionSeconds = sectionSeconds
  let server: BenchServer | undefined
  try {
    if (want('throughput') || want('ablation') || want('emulator') || want('memory')) {
      server = await startServer()
      log(`server pid ${server.pid} at ${server.origin}, stalling endpoint ${server.stallOrigin}`)
    }
    if ((want('throughput') || want('ablation')) && server !== undefined) {
      results.honestCheck = await checkHonestFloor(server)
      if (!results.honestCheck.identical)
        log(
          `warning: the honest floor's User differs from the SDK's:\n  sdk   ${results.honestCheck.sdk}\n  floor ${results.honestCheck.floor}`,
        )
    }
    if (want('throughput') && server !== undefined) {
      log('1/7 throughput…')
      const throughputStarted = performance.now()
      results.throughput = await runThroughput(
        server,
        {
          concurrencies: [1, 32],
          rounds,
          roundMs,
          warmupMs: quick ? 200 : 700,
          ...(contendersArg === undefined ? {} : { only: contendersArg.split(',') as ContenderKey[] }),
        },
        quiet,
        log,
      )
      sectionSeconds.throughput = (performance.now() - throughputStarted) / 1000
    }
    if (want('ablation') && server !== undefined) {
      log('2/7 ablation and profile of getUser at c=32…')
      const ablationStarted = performance.now()
      const ladder = await runThroughput(
        server,
        // 7 rounds for the 7 contenders of the ladder: each runs once in every position.
        { concurrencies: [32], rounds: quick ? 2 : 7, roundMs: quick ? 250 : 400, warmupMs: quick ? 150 : 500 },
        quiet,
        log,
        ABLATION,
      )
      const profile = await runProfileBreakdown(server, 32, quick ? 0.7 : 2)
      const clientCost = await runClientCost(32, quick ? 2 : 7, quick ? 3_000 : 20_000)
      results.ablation = { ladder, profile, clientCost }
      sectionSeconds.ablation = (performance.now() - ablationStarted) / 1000
    }
    if (want('emulator') && server !== undefined) {
      log('3/7 emulator as a load target…')
      const emulatorStarted = performance.now()
      try {
        results.emulator = await runEmulator(
          server,
          {
            concurrencies: [1, 32],
            rounds: quick ? 2 : 3,
            roundMs: quick ? 250 : 800,
            warmupMs: quick ? 150 : 500,
            stateSizes: arg('state-sizes')?.split(',').map(Number) ?? (quick ? [10, 1000] : [10, 10_000]),
            stateRounds: quick ? 2 : 4,
            createsPerRound: quick ? 30 : 100,
            seedTimeoutMs: 30_000,
          },
          quiet,
          log,
        )
      } catch (error) {
        // One broken section must not waste the run: the report says why, its targets show "not measured".
        results.emulatorError = error instanceof Error ? error.message : String(error)
        log(`emulator section failed: ${results.emulatorError}`)
      }
      sectionSeconds.emulator = (performance.now() - emulatorStarted) / 1000
    }
    if (want('signing')) {
      log('4/7 signing…')
      const signingStarted = performance.now()
      results.signing = runSigning(quick ? 2 : 5, quick ? 200 : 600)
      sectionSeconds.signing = (performance.now() - signingStarted) / 1000
    }
    if (want('decoding')) {
      log('5/7 decoding…')
      const decodingStarted = performance.now()
      results.decoding = runDecoding(quick ? 2 : 5, quick ? 200 : 600)
      sectionSeconds.decoding = (performance.now() - decodingStarted) / 1000
    }
    if (want('cold')) {
      log('6/7 cold start…')
      const coldStarted = performance.now()
      results.coldStart = runColdStart(quick ? 3 : 11)
      sectionSeconds.cold = (performance.now() - coldStarted) / 1000
    }
    if (want('memory') && server !== undefined) {
      log('7/7 memory per in-flight call…')
      const memoryStarted = performance.now()
      results.memory = await runMemory(server, quick ? 100 : 500, quick ? 1 : 3)
      sectionSeconds.memory = (performance.now() - memoryStarted) / 1000
    }
    if (want('iac') && !flag('no-iac')) {
      log('8/8 IAM as code at account scale…')
      const iacStarted = performance.now()
      try {
        results.iac = await runIac(IAC_SCALE, log)
      } catch (error) {
        results.iacError = error instanceof Error ? error.message : String(error)
        log(`iac section failed: ${results.iacError}`)
      }
      sectionSeconds.iac = (performance.now() - iacStarted) / 1000
    }
  } finally {
    await server?.stop()
  }
  results.wallSeconds = (performance.now() - started) / 1000
  results.quietWaitSeconds = quiet.waitedMs / 1000
  results.quietBudgetSeconds = quietBudgetMs / 1000
  machine.loadAverageAtEnd = os.loadavg()
  const withoutTargets = results as Omit<Results, 'targets'>
  const final: Results = { ...withoutTargets, targets: evaluateTargets(withoutTargets) }
  console.log(consoleReport(final))
  const mdOut = arg('md-out')
  if (mdOut !== undefined) {
    fs.writeFileSync(mdOut, markdownReport(final))
    console.log(`\nwrote the Markdown report to ${mdOut}`)
  }
  if (write) {
    fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(final, null, 2)}\n`)
    fs.writeFileSync(path.join(REPO, 'BENCHMARKS.md'), markdownReport(final))
    console.log('\nwrote bench/results.json and BENCHMARKS.md')
  } else {
    console.log('\n(nothing written: --quick, --only, --contenders or --no-write)')
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
