/** Turns the results into the console report, bench/results.json and BENCHMARKS.md. */
import { ABLATION_LADDER } from './ablation'
import type { ColdStartResult } from './coldstart'
import type { DecodingResult } from './decoding'
import type { EmulatorResult } from './emulator'
import type { HonestCheck } from './honest-check'
import type { IacResult } from './iac'
import type { MemoryResult } from './memory'
import type { ProfileBreakdown } from './profile-section'
import { formatMarkdown, formatText, ratio, type Table } from './report-format'
import { iacSection } from './report-iac'
import { methodLines } from './report-method'
import {
  ablationTable,
  clientCostTable,
  coldTable,
  decodingTable,
  emulatorTable,
  memoryTable,
  profileTable,
  signingTable,
  stateTable,
  targetsTable,
  throughputTables,
  type Target,
} from './report-tables'
import { contextLines } from './report-targets'
import type { BuildInfo } from './sdk'
import type { ClientCostResult } from './client-cost'
import type { SigningResult } from './signing'
import type { ThroughputResult } from './throughput'

export { evaluateTargets } from './report-targets'
export type { Target } from './report-tables'

export interface MachineCard {
  readonly date: string
  readonly node: string
  readonly undici: string
  readonly nodeBundledUndici: string
  readonly baiducloudSdk: string
  readonly cpuCount: number
  readonly cpuModel: string
  readonly platform: string
  readonly totalMemoryGiB: number
  readonly loadAverageAtStart: number[]
  loadAverageAtEnd?: number[]
  gitCommit: string
  readonly serverInSeparateProcess: true
}

export interface Results {
  readonly machine: MachineCard
  readonly command: string
  readonly wallSeconds: number
  /** Wall time of each section, seconds. */
  readonly sectionSeconds?: Readonly<Record<string, number>>
  /** Time spent waiting for other processes to quieten before rounds (bounded per run). */
  readonly quietWaitSeconds?: number
  /** The most the run was allowed to wait in total. */
  readonly quietBudgetSeconds?: number
  readonly build?: BuildInfo
  readonly throughput?: ThroughputResult
  /** The ablation ladder at c=32 and the CPU profile breakdown of the SDK's getUser. */
  readonly ablation?: {
    readonly ladder: ThroughputResult
    readonly profile?: ProfileBreakdown
    /** Client CPU per call without sockets (bench/client-cost.ts). */
    readonly clientCost?: ClientCostResult
  }
  readonly emulator?: EmulatorResult
  /** Why the emulator section did not complete, when it did not. */
  readonly emulatorError?: string
  /** The honest floor's User compared with the SDK's (bench/honest-check.ts). */
  readonly honestCheck?: HonestCheck
  readonly signing?: SigningResult
  readonly decoding?: DecodingResult
  readonly coldStart?: ColdStartResult
  readonly memory?: MemoryResult
  /** IAM as code at account scale (bench/iac.ts), or why it failed. */
  readonly iac?: IacResult
  readonly iacError?: string
  readonly targets: Target[]
}

export function machineLines(m: MachineCard): string[] {
  return [
    `date ${m.date}; git ${m.gitCommit}`,
    `Node ${m.node}; undici ${m.undici} (Node's bundled undici for fetch: ${m.nodeBundledUndici}); @baiducloud/sdk ${m.baiducloudSdk}`,
    `${m.cpuCount} × ${m.cpuModel}; ${m.totalMemoryGiB} GiB RAM; ${m.platform}; load average (1/5/15 min) at start ${m.loadAverageAtStart.map((x) => x.toFixed(2)).join(' / ')}${m.loadAverageAtEnd === undefined ? '' : `, at end ${m.loadAverageAtEnd.map((x) => x.toFixed(2)).join(' / ')}`}`,
    'servers (canned server, each emulator): separate processes (forked), same machine, not pinned (client and servers share the cores)',
  ]
}

function buildLines(r: Results): string[] {
  const b = r.build
  if (b === undefined) return []
  if (b.reused) return ['SDK under test: tsc build reused from a previous run (--reuse-build)']
  return [
    `SDK under test: tsc -p tsconfig.build.json output (${(b.ms / 1000).toFixed(1)} s, tsc exit ${b.exitCode}${b.exitCode === 0 ? '' : ': type errors in the working tree, JavaScript emitted anyway'})`,
  ]
}

function quietLine(r: Results): string {
  return `Waited ${(r.quietWaitSeconds ?? 0).toFixed(1)} s in total for other processes to quieten before rounds (at most 3 s per round, ${r.quietBudgetSeconds ?? 45} s per run; the "other CPU" columns show what remained during rounds).`
}

function sectionTimes(r: Results): string {
  const entries = Object.entries(r.sectionSeconds ?? {})
  return entries.length === 0 ? '' : ` (${entries.map(([name, sec]) => `${name} ${sec.toFixed(0)} s`).join(', ')})`
}

function honestLines(r: Results): string[] {
  const c = r.honestCheck
  if (c === undefined) return []
  return c.identical
    ? [
        `Honest floor check: the User it shapes equals the one iam.getUser returns from the same server (same keys and values): ${c.sdk}`,
      ]
    : [`**Honest floor check failed**: its User differs from the SDK's. SDK: ${c.sdk}; floor: ${c.floor}`]
}

/** One report section: a heading, tables with titles, and notes; rendered to text or Markdown. */
interface Section {
  readonly title: string
  readonly intro?: string[]
  readonly tables: Array<{ title?: string; table: Table }>
  readonly notes?: string[]
}

const THROUGHPUT_LEGEND =
  '"vs honest floor" / "vs text floor" = contender ÷ that floor (medians of per-round ratios); "SDK ÷ this" = bce-iam ÷ contender (higher is better for the SDK); "server CPU" = canned server process, % of one core (well below 100% = server not the bottleneck); "other CPU" = other processes on the machine during the rounds (noise indicator); "new conns" = TCP connections the server accepted during measured rounds (0 = keep-alive held).'

function sections(r: Results): Section[] {
  const out: Section[] = []
  const t = r.throughput
  if (t !== undefined) {
    out.push({
      title: '1. Call throughput and latency',
      intro: [`${t.options.rounds} rounds × ${t.options.roundMs} ms per contender and level, interleaved.`],
      tables: throughputTables(t),
      notes: [...honestLines(r), THROUGHPUT_LEGEND],
    })
  }
  const ab = r.ablation
  if (ab !== undefined) {
    const sdkCpu = ab.ladder.levels[0]?.contenders.find((c) => c.key === 'sdk')?.cpuUsPerCall ?? Number.NaN
    const tables: Section['tables'] = [{ title: 'Ablation ladder', table: ablationTable(ab.ladder, ABLATION_LADDER) }]
    if (ab.clientCost !== undefined) {
      tables.push({
        title: `Client CPU per call without sockets (c=${ab.clientCost.concurrency}, ${ab.clientCost.rounds} rounds × ${ab.clientCost.callsPerRound.toLocaleString('en-US')} calls, interleaved)`,
        table: clientCostTable(ab.clientCost),
      })
    }
    if (ab.profile !== undefined) {
      tables.push({
        title: `CPU profile of iam.getUser (${ab.profile.seconds} s, ${ab.profile.calls.toLocaleString('en-US')} calls, ${ab.profile.profiledCpuUsPerCall.toFixed(0)} µs CPU/call with the profiler on)`,
        table: profileTable(ab.profile, sdkCpu),
      })
    }
    out.push({
      title: '2. Where the SDK’s microseconds go (getUser, c=32)',
      intro: [
        `${ab.ladder.options.rounds} rounds × ${ab.ladder.options.roundMs} ms, interleaved, client CPU per call (median over rounds): each rung adds one piece of the SDK's work to the rung above, on the transport bce-iam uses (undici \`Pool.dispatch()\`); the last rung is the SDK itself, whose increment is its own pipeline. Differences of a few µs are within noise.`,
      ],
      tables,
      notes: [
        "Without sockets: every request goes to an in-process dispatcher that answers the canned getUser from memory on the next event-loop turn (bench/client-cost.ts); both floors still run undici's real request API (`Dispatcher.request`, what `Pool.request` runs) and the SDK its real transport. What remains is each client's own work, without TCP, the HTTP parser or a server sharing the cores, so these numbers are far steadier than the rounds over sockets.",
        'The profile charges Node/V8 internals to their nearest JavaScript caller (crypto under the signer counts as signing, JSON.parse under the decoder as decoding); "≈ µs/call" scales each share to the SDK\'s CPU per call without the profiler (ablation rounds above). Small functions the optimiser inlines (most neverthrow calls) are charged to their callers, so the profile undercounts Result allocation; rung 5 of the ladder measures it directly.',
      ],
    })
  }
  const e = r.emulator
  if (e !== undefined) {
    const tables: Section['tables'] = e.levels.map((level) => ({
      title: `Concurrency ${level.concurrency}: emulator ÷ canned: getUser ${ratio(level.getUserRatio)}, listUsers ${ratio(level.listUsersRatio)}; createUser's emulator held ${level.createdUsers.toLocaleString('en-US')} users by the end`,
      table: emulatorTable(level),
    }))
    if (e.state !== undefined) {
      tables.push({
        title: `State file: one change (createUser, c=1) with a small and a large state: large ÷ small ${ratio(e.state.ratio)}`,
        table: stateTable(e.state),
      })
    }
    out.push({
      title: '3. The emulator as a load target',
      intro: [
        `Through the SDK, each emulator in its own process; ${e.options.rounds} rounds × ${e.options.roundMs} ms, interleaved; the canned server is the ceiling (same client, a server doing no work). "server CPU" = the serving process, % of one core.`,
      ],
      tables,
      notes:
        e.stateSkipped === undefined
          ? [
              'State file: "start ms" is startEmulator loading that file; each change is appended to a journal and the journal is folded into the file once it outgrows it, so a fold may or may not fall inside the measured calls ("journal folded during calls"); the mean includes any fold that did.',
            ]
          : [`State-file comparison not run: ${e.stateSkipped}.`],
    })
  }
  if (r.emulatorError !== undefined) {
    out.push({
      title: '3. The emulator as a load target',
      tables: [],
      notes: [`Not measured: the section failed (${r.emulatorError}).`],
    })
  }
  if (r.signing !== undefined) {
    out.push({
      title: '4. Signing',
      tables: [{ table: signingTable(r.signing) }],
      notes: r.signing.checks.map(
        (c) =>
          `${c.identical ? 'Identical' : '**Different**'} Authorization for ${c.name}${c.identical ? '' : ` (ours ${c.ours}; official ${c.official})`}`,
      ),
    })
  }
  if (r.decoding !== undefined) {
    out.push({
      title: `5. Decoding ${r.decoding.users} users (${r.decoding.bodyBytes} bytes)`,
      tables: [{ table: decodingTable(r.decoding) }],
    })
  }
  if (r.coldStart !== undefined) {
    out.push({
      title: `6. Cold start (${r.coldStart.runs} fresh processes each)`,
      tables: [{ table: coldTable(r.coldStart) }],
    })
  }
  if (r.memory !== undefined) {
    out.push({
      title: `7. Memory per in-flight call (N = ${r.memory.inFlight}, median of ${r.memory.repetitions})`,
      tables: [{ table: memoryTable(r.memory) }],
    })
  }
  const iac = iacSection(r.iac, r.iacError)
  if (iac !== undefined) out.push(iac)
  return out
}

export function consoleReport(r: Results): string {
  const out: string[] = ['', '== bce-iam benchmarks ==', ...machineLines(r.machine), ...buildLines(r), '']
  for (const s of sections(r)) {
    out.push(s.title, ...(s.intro ?? []))
    for (const x of s.tables) out.push('', ...(x.title === undefined ? [] : [x.title]), formatText(x.table))
    out.push(...(s.notes ?? []).map((n) => `  ${n}`), '')
  }
  out.push(
    'Targets',
    formatText(targetsTable(r.targets)),
    ...contextLines(r).map((l) => `  ${l}`),
    '',
    quietLine(r),
    `wall time ${r.wallSeconds.toFixed(1)} s${sectionTimes(r)}`,
  )
  return out.join('\n')
}

export const REPRODUCE = [
  '```sh',
  'npm run bench                 # full run, rewrites bench/results.json and BENCHMARKS.md',
  'npm run bench -- --quick      # short smoke run, writes nothing',
  'npm run bench -- --only=emulator --no-write   # one section (throughput, ablation, emulator, signing, decoding, cold, memory, iac)',
  'npm run bench -- --render     # re-render BENCHMARKS.md from bench/results.json',
  '# CPU profiles of the compiled SDK (written to bench/.bench-tmp/profiles/, gitignored), summarised by category:',
  'node -r tsx/cjs bench/profile-getuser.ts --contender=sdk --concurrency=32 --analyze',
  'node -r tsx/cjs bench/profile-decode.ts && node -r tsx/cjs bench/analyze-profile.ts bench/.bench-tmp/profiles/decode.cpuprofile',
  '```',
]

export function markdownReport(r: Results): string {
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Generated by \`${r.command}\` (bench/run.ts) on ${r.machine.date}; wall time ${r.wallSeconds.toFixed(0)} s${sectionTimes(r)}. Raw numbers: \`bench/results.json\`.`,
    'Numbers are only comparable with numbers from the same run on the same machine; ratios are the point.',
    '',
    '## Machine',
    '',
    ...machineLines(r.machine).map((l) => `- ${l}`),
    ...buildLines(r).map((l) => `- ${l}`),
    `- ${quietLine(r)}`,
    '',
    '## Method',
    '',
    ...methodLines(r).map((l) => `- ${l}`),
    '',
    '## Targets',
    '',
    formatMarkdown(targetsTable(r.targets)),
    '',
    ...contextLines(r).map((l) => `- ${l}`),
    '',
  ]
  for (const s of sections(r)) {
    lines.push(`## ${s.title}`, '', ...(s.intro ?? []).flatMap((l) => [l, '']))
    for (const x of s.tables) {
      if (x.title !== undefined) lines.push(`### ${x.title}`, '')
      lines.push(formatMarkdown(x.table), '')
    }
    if ((s.notes ?? []).length > 0) lines.push(...(s.notes ?? []).map((n) => `- ${n}`), '')
  }
  lines.push('## Reproduce', '', ...REPRODUCE, '')
  return lines.join('\n')
}
