/** Turns the results into console tables, bench/results.json and BENCHMARKS.md. */
import type { ColdStartResult } from './coldstart'
import type { DecodingResult } from './decoding'
import type { MemoryResult } from './memory'
import type { BuildInfo } from './sdk'
import type { SigningResult } from './signing'
import type { ThroughputResult } from './throughput'

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
  readonly gitCommit: string
  readonly serverInSeparateProcess: true
}

export interface Results {
  readonly machine: MachineCard
  readonly command: string
  readonly wallSeconds: number
  readonly build?: BuildInfo
  readonly throughput?: ThroughputResult
  readonly signing?: SigningResult
  readonly decoding?: DecodingResult
  readonly coldStart?: ColdStartResult
  readonly memory?: MemoryResult
  readonly targets: Target[]
}

export interface Target {
  readonly name: string
  readonly goal: string
  readonly measured: string
  readonly pass: boolean | undefined
}

type Table = { headers: string[]; rows: string[][]; align?: Array<'l' | 'r'> }

export function formatText(table: Table): string {
  const widths = table.headers.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? '').length)))
  const cell = (text: string, i: number): string =>
    (table.align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l'
      ? text.padEnd(widths[i] as number)
      : text.padStart(widths[i] as number)
  const line = (cells: string[]): string => cells.map(cell).join('  ')
  return [line(table.headers), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n')
}

export function formatMarkdown(table: Table): string {
  const sep = table.headers.map((_, i) => ((table.align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? '---' : '---:'))
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(table.headers), line(sep), ...table.rows.map(line)].join('\n')
}

const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a')
const fix = (n: number, d = 2): string => (Number.isFinite(n) ? n.toFixed(d) : 'n/a')
const ratio = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a')
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KiB`

export function throughputTables(t: ThroughputResult): Array<{ title: string; table: Table }> {
  return t.levels.map((level) => ({
    title: `getUser, concurrency ${level.concurrency} (connections ${level.concurrency})`,
    table: {
      headers: [
        'contender',
        'ops/s (median)',
        'ops/s min–max',
        'p50 ms',
        'p99 ms',
        'CPU µs/call',
        'vs raw',
        'SDK ÷ this',
        'server CPU',
        'other CPU',
        'new conns',
      ],
      rows: level.contenders.map((c) => [
        c.label,
        int(c.medianOpsPerSec),
        `${int(Math.min(...c.opsPerSec))}–${int(Math.max(...c.opsPerSec))}`,
        fix(c.p50Ms, 3),
        fix(c.p99Ms, 3),
        fix(c.cpuUsPerCall, 1),
        ratio(c.ratioToRaw),
        c.key === 'sdk' ? '—' : ratio(level.sdkOver[c.key] ?? Number.NaN),
        `${fix(c.serverCpuPct, 0)}%`,
        `${fix(c.otherCpuPct, 0)}%`,
        String(c.newConnections),
      ]),
    },
  }))
}

function quietLine(t: ThroughputResult): string {
  let ms = 0
  for (const level of t.levels) for (const c of level.contenders) ms += c.quietWaitMs
  return `Waited ${(ms / 1000).toFixed(1)} s in total for other processes to quieten before rounds (other CPU column = what remained during rounds).`
}

export function signingTable(s: SigningResult): Table {
  return {
    headers: ['signer', 'ops/s (median)', 'µs/op', 'ratio'],
    rows: [
      ['bce-iam signRequest', int(s.oursOpsPerSec), fix(1e6 / s.oursOpsPerSec, 2), ratio(s.ratio)],
      [
        '@baiducloud/sdk Auth.generateAuthorization',
        int(s.officialOpsPerSec),
        fix(1e6 / s.officialOpsPerSec, 2),
        '1.00×',
      ],
      ...(s.freshTimestamps === undefined
        ? []
        : [
            [
              'context: bce-iam signRequest, new second every call',
              int(s.freshTimestamps.oursOpsPerSec),
              fix(1e6 / s.freshTimestamps.oursOpsPerSec, 2),
              ratio(s.freshTimestamps.ratio),
            ],
            [
              'context: official Auth, new second every call',
              int(s.freshTimestamps.officialOpsPerSec),
              fix(1e6 / s.freshTimestamps.officialOpsPerSec, 2),
              '1.00×',
            ],
          ]),
    ],
  }
}

export function decodingTable(d: DecodingResult): Table {
  return {
    headers: ['decode 500 users', 'µs/op (median)', 'vs JSON.parse'],
    rows: [
      ['JSON.parse(text)', fix(d.jsonParseUs, 1), '1.00×'],
      ["listReader('users', userCodec) ∘ JSON.parse", fix(d.oursUs, 1), ratio(d.ratio)],
      ['JSON.parse(bytes.toString()) [from bytes]', fix(d.fromBytes.jsonParseUs, 1), '1.00×'],
      ['decodeResponse(bytes) [full SDK success path]', fix(d.fromBytes.decodeResponseUs, 1), ratio(d.fromBytes.ratio)],
    ],
  }
}

export function coldTable(c: ColdStartResult): Table {
  return {
    headers: ['cold import (fresh process)', 'require ms (median)', 'require ms min–max', 'process ms (median)'],
    rows: [
      [
        "require('bce-iam') (tsc build)",
        fix(c.ours.requireMs, 1),
        `${fix(Math.min(...c.ours.samples.map((s) => s.requireMs)), 1)}–${fix(Math.max(...c.ours.samples.map((s) => s.requireMs)), 1)}`,
        fix(c.ours.processMs, 1),
      ],
      [
        "require('@baiducloud/sdk')",
        fix(c.official.requireMs, 1),
        `${fix(Math.min(...c.official.samples.map((s) => s.requireMs)), 1)}–${fix(Math.max(...c.official.samples.map((s) => s.requireMs)), 1)}`,
        fix(c.official.processMs, 1),
      ],
      ["node -e '' (no require)", '—', '—', fix(c.emptyProcessMs, 1)],
    ],
  }
}

export function memoryTable(m: MemoryResult): Table {
  return {
    headers: [`per in-flight call (N=${m.inFlight})`, 'heapUsed', 'arrayBuffers', 'external'],
    rows: [
      ['bce-iam iam.getUser', kib(m.sdk.heapUsedBytes), kib(m.sdk.arrayBuffersBytes), kib(m.sdk.externalBytes)],
      ['raw undici Pool.request', kib(m.raw.heapUsedBytes), kib(m.raw.arrayBuffersBytes), kib(m.raw.externalBytes)],
      [
        'SDK − raw',
        kib(m.sdk.heapUsedBytes - m.raw.heapUsedBytes),
        kib(m.sdk.arrayBuffersBytes - m.raw.arrayBuffersBytes),
        kib(m.sdk.externalBytes - m.raw.externalBytes),
      ],
    ],
  }
}

export function targetsTable(targets: Target[]): Table {
  return {
    headers: ['target', 'goal', 'measured', 'result'],
    align: ['l', 'l', 'r', 'l'],
    rows: targets.map((t) => [
      t.name,
      t.goal,
      t.measured,
      t.pass === undefined ? 'not measured' : t.pass ? 'PASS' : 'FAIL',
    ]),
  }
}

export function evaluateTargets(r: Omit<Results, 'targets'>): Target[] {
  const level = (c: number) => r.throughput?.levels.find((l) => l.concurrency === c)
  const sdkAt = (c: number) => level(c)?.contenders.find((x) => x.key === 'sdk')
  const targets: Target[] = []
  const add = (
    name: string,
    goal: string,
    value: number | undefined,
    pass: (v: number) => boolean,
    show: (v: number) => string,
  ): void => {
    targets.push({
      name,
      goal,
      measured: value === undefined || !Number.isFinite(value) ? 'n/a' : show(value),
      pass: value === undefined || !Number.isFinite(value) ? undefined : pass(value),
    })
  }
  add('SDK vs raw undici, c=32', '≥ 0.85×', sdkAt(32)?.ratioToRaw, (v) => v >= 0.85, ratio)
  add('SDK vs raw undici, c=1', '≥ 0.75×', sdkAt(1)?.ratioToRaw, (v) => v >= 0.75, ratio)
  add('SDK vs official JS SDK, c=32', '≥ 6×', level(32)?.sdkOver.official, (v) => v >= 6, ratio)
  add('SDK vs official JS SDK, c=1', '≥ 1.8×', level(1)?.sdkOver.official, (v) => v >= 1.8, ratio)
  add('SDK vs naive undici+official signer, c=32', '> 1×', level(32)?.sdkOver.naive, (v) => v > 1, ratio)
  add('SDK vs naive undici+official signer, c=1', '> 1×', level(1)?.sdkOver.naive, (v) => v > 1, ratio)
  add('signRequest vs official Auth', '≥ 2×', r.signing?.ratio, (v) => v >= 2, ratio)
  add('decode 500 users vs JSON.parse', '≤ 1.5×', r.decoding?.ratio, (v) => v <= 1.5, ratio)
  add(
    'cold require of bce-iam',
    '≤ 150 ms',
    r.coldStart?.ours.requireMs,
    (v) => v <= 150,
    (v) => `${v.toFixed(1)} ms`,
  )
  return targets
}

/** Data-driven context for the targets: what the floor itself achieves against the other contenders. */
export function contextLines(r: Results): string[] {
  const out: string[] = []
  for (const level of r.throughput?.levels ?? []) {
    const of = (key: string) => level.contenders.find((c) => c.key === key)
    const official = of('official')
    const officialKeepAlive = of('officialKeepAlive')
    const sdk = of('sdk')
    const raw = of('raw')
    if (official !== undefined) {
      out.push(
        `c=${level.concurrency}: raw undici itself is ${(1 / official.ratioToRaw).toFixed(2)}× the official SDK as shipped — the ceiling for any "× official" ratio on this server.`,
      )
    }
    if (officialKeepAlive !== undefined && sdk !== undefined) {
      out.push(
        `c=${level.concurrency}: against the official SDK tuned to keep-alive (context, not a target) the SDK is ${(level.sdkOver.officialKeepAlive ?? Number.NaN).toFixed(2)}× (raw undici ${(1 / officialKeepAlive.ratioToRaw).toFixed(2)}×).`,
      )
    }
    if (sdk !== undefined && raw !== undefined) {
      const goal = level.concurrency === 1 ? 0.75 : 0.85
      out.push(
        `c=${level.concurrency}: client CPU per call: SDK ${sdk.cpuUsPerCall.toFixed(0)} µs vs raw undici ${raw.cpuUsPerCall.toFixed(0)} µs (${sdk.cpuUsPerCall >= raw.cpuUsPerCall ? '+' : '−'}${Math.abs(sdk.cpuUsPerCall - raw.cpuUsPerCall).toFixed(0)} µs); ≥ ${goal}× raw allows at most +${(raw.cpuUsPerCall / goal - raw.cpuUsPerCall).toFixed(0)} µs while CPU-bound.`,
      )
    }
  }
  return out
}

export function machineLines(m: MachineCard): string[] {
  return [
    `date ${m.date}; git ${m.gitCommit}`,
    `Node ${m.node}; undici ${m.undici} (Node's bundled undici for fetch: ${m.nodeBundledUndici}); @baiducloud/sdk ${m.baiducloudSdk}`,
    `${m.cpuCount} × ${m.cpuModel}; ${m.totalMemoryGiB} GiB RAM; ${m.platform}; load average (1/5/15 min) at start ${m.loadAverageAtStart.map((x) => x.toFixed(2)).join(' / ')}${m.loadAverageAtEnd === undefined ? '' : `, at end ${m.loadAverageAtEnd.map((x) => x.toFixed(2)).join(' / ')}`}`,
    'server: separate process (forked), same machine, not pinned (client and server share the cores)',
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

export function consoleReport(r: Results): string {
  const out: string[] = ['', '== bce-iam benchmarks ==', ...machineLines(r.machine), ...buildLines(r), '']
  if (r.throughput !== undefined) {
    out.push(
      `1. Call throughput and latency (${r.throughput.options.rounds} rounds × ${r.throughput.options.roundMs} ms, interleaved)`,
    )
    for (const t of throughputTables(r.throughput)) out.push('', t.title, formatText(t.table))
    out.push(quietLine(r.throughput), '')
  }
  if (r.signing !== undefined) {
    out.push('2. Signing (IAM GET, host + x-bce-date)', formatText(signingTable(r.signing)))
    for (const c of r.signing.checks)
      out.push(
        `   ${c.identical ? 'identical' : 'DIFFERENT'}: ${c.name}${c.identical ? '' : `\n     ours:     ${c.ours}\n     official: ${c.official}`}`,
      )
    out.push('')
  }
  if (r.decoding !== undefined)
    out.push(
      `3. Decoding (${r.decoding.users} users, ${r.decoding.bodyBytes} bytes)`,
      formatText(decodingTable(r.decoding)),
      '',
    )
  if (r.coldStart !== undefined) {
    out.push(`4. Cold start (${r.coldStart.runs} fresh processes each)`)
    out.push(formatText(coldTable(r.coldStart)), '')
  }
  if (r.memory !== undefined)
    out.push(`5. Memory per in-flight call (median of ${r.memory.repetitions})`, formatText(memoryTable(r.memory)), '')
  out.push(
    'Targets',
    formatText(targetsTable(r.targets)),
    ...contextLines(r).map((l) => `  ${l}`),
    '',
    `wall time ${r.wallSeconds.toFixed(1)} s`,
  )
  return out.join('\n')
}

export function markdownReport(r: Results): string {
  const t = r.throughput
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Generated by \`${r.command}\` (bench/run.ts) on ${r.machine.date}; wall time ${r.wallSeconds.toFixed(0)} s. Raw numbers: \`bench/results.json\`.`,
    'Numbers are only comparable with numbers from the same run on the same machine; ratios are the point.',
    '',
    '## Machine',
    '',
    ...machineLines(r.machine).map((l) => `- ${l}`),
    ...buildLines(r).map((l) => `- ${l}`),
    '',
    '## Method',
    '',
    '- **Server**: `bench/server.ts`, a minimal keep-alive HTTP/1.1 server on `net` in a forked process; fixed getUser JSON body, unique `x-bce-request-id`, no signature check, never fails (so retries are never involved). Its CPU share is reported per contender so server saturation is visible.',
    `- **Throughput**: per concurrency level (1 and 32; connections = concurrency) each contender gets its own pool, a warm-up (${t?.options.warmupMs ?? '?'} ms), then ${t?.options.rounds ?? '?'} rounds of ${t?.options.roundMs ?? '?'} ms, contender order rotated every round; before each round the harness waits (≤ 3 s) for other processes to drop below 30% of a core, then runs a full GC and a short re-prime. ops/s = median over rounds; p50/p99 over all calls; CPU = \`process.cpuUsage()\` delta ÷ calls (client process). Ratios are medians of per-round ratios (contenders paired within a round).`,
    '- **SDK under test**: the `tsc -p tsconfig.build.json` output, laid out as an installed package (bench/sdk.ts), sharing one undici instance with the raw contender; the harness itself runs under tsx.',
    '- **Contenders**: raw undici `Pool.request` with a precomputed Authorization (floor; body read to text); bce-iam `iam.getUser` (validate + sign + send + JSON.parse + io-ts + Result); the official `@baiducloud/sdk` **as shipped** through `BceBaseClient#sendRequest` (its real signer + node:http `HttpClient` + Q, Node\'s stock `http.globalAgent`, and its default `Connection: close` header, so a new TCP connection per call: what its users get) — the contender of the "× official" targets; naive undici + the official `Auth.generateAuthorization` per call + JSON.parse; for context only, raw undici `Pool.dispatch()` with a minimal body-collecting handler (the lower floor: bce-iam sends through `dispatch()` with its own handler, without the Readable stream `Pool.request` builds per response, which is why it can beat the `Pool.request` floor), global `fetch`, and the official SDK tuned beyond what it ships with (its `Connection` header overridden to keep-alive and a keep-alive `http.globalAgent`, maxSockets = connections).',
    "- **Signing**: tight loops on identical inputs (one timestamp, as in any burst of requests within one second, so bce-iam's per-second signing-key memo hits), interleaved rounds; both signers checked to produce identical `Authorization` strings first.",
    "- **Decoding**: 500-user listUsers body; `listReader('users', userCodec).read(JSON.parse(text))` vs `JSON.parse(text)`, interleaved rounds.",
    "- **Cold start**: that same build as `node_modules/bce-iam`, required by its absolute path (a bare `require('bce-iam')` inside this repository self-resolves to the repository's own `dist/`); `require()` timed inside fresh `node` processes (no flags), alternating with `require('@baiducloud/sdk')`; medians.",
    '- **Memory**: N calls pending against a stalling endpoint (pool of N connections), forced GC, `heapUsed`/`arrayBuffers` delta ÷ N; medians of alternating repetitions.',
    '',
    '## Targets',
    '',
    formatMarkdown(targetsTable(r.targets)),
    '',
    ...contextLines(r).map((l) => `- ${l}`),
    '',
  ]
  if (t !== undefined) {
    lines.push('## 1. Call throughput and latency', '')
    for (const x of throughputTables(t)) lines.push(`### ${x.title}`, '', formatMarkdown(x.table), '')
    lines.push(quietLine(t), '')
    lines.push(
      '"vs raw" = contender ÷ raw undici; "SDK ÷ this" = bce-iam ÷ contender (higher is better for the SDK); "server CPU" = canned server process, % of one core (well below 100% = server not the bottleneck); "other CPU" = other processes on the machine during the rounds (noise indicator); "new conns" = TCP connections the server accepted during measured rounds (0 = keep-alive held).',
      '',
    )
  }
  if (r.signing !== undefined) {
    lines.push('## 2. Signing', '', formatMarkdown(signingTable(r.signing)), '')
    for (const c of r.signing.checks)
      lines.push(`- ${c.identical ? 'Identical' : '**Different**'} Authorization for ${c.name}`)
    lines.push('')
  }
  if (r.decoding !== undefined)
    lines.push(
      `## 3. Decoding ${r.decoding.users} users (${r.decoding.bodyBytes} bytes)`,
      '',
      formatMarkdown(decodingTable(r.decoding)),
      '',
    )
  if (r.coldStart !== undefined)
    lines.push(
      `## 4. Cold start (${r.coldStart.runs} fresh processes each)`,
      '',
      formatMarkdown(coldTable(r.coldStart)),
      '',
    )
  if (r.memory !== undefined)
    lines.push(
      `## 5. Memory per in-flight call (N = ${r.memory.inFlight}, median of ${r.memory.repetitions})`,
      '',
      formatMarkdown(memoryTable(r.memory)),
      '',
    )
  lines.push(
    '## Reproduce',
    '',
    '```sh',
    'npm run bench                 # full run, rewrites bench/results.json and BENCHMARKS.md',
    'npm run bench -- --quick      # short smoke run, writes nothing',
    'npm run bench -- --render     # re-render BENCHMARKS.md from bench/results.json',
    '# CPU profiles of the compiled SDK (written to bench/.bench-tmp/profiles/, gitignored):',
    'node -r tsx/cjs bench/profile-getuser.ts --contender=sdk --concurrency=32 && node -r tsx/cjs bench/analyze-profile.ts bench/.bench-tmp/profiles/getuser-sdk.cpuprofile',
    'node -r tsx/cjs bench/profile-decode.ts && node -r tsx/cjs bench/analyze-profile.ts bench/.bench-tmp/profiles/decode.cpuprofile',
    '```',
    '',
  )
  return lines.join('\n')
}
