/** The tables of the benchmark report, one builder per section. */
import type { ProfileBreakdown } from './profile-section'
import type { ClientCostResult } from './client-cost'
import type { ColdStartResult } from './coldstart'
import type { DecodingResult } from './decoding'
import type { EmulatorLevel, EmulatorResult } from './emulator'
import type { MemoryResult } from './memory'
import { delta, fix, int, kib, minMax, pct, ratio, type Table } from './report-format'
import type { SigningResult } from './signing'
import type { ThroughputResult } from './throughput'

export interface Target {
  readonly name: string
  readonly goal: string
  readonly measured: string
  readonly pass: boolean | undefined
}

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
        'vs honest floor',
        'vs text floor',
        'SDK ÷ this',
        'server CPU',
        'other CPU',
        'new conns',
      ],
      rows: level.contenders.map((c) => [
        c.label,
        int(c.medianOpsPerSec),
        minMax(c.opsPerSec),
        fix(c.p50Ms, 3),
        fix(c.p99Ms, 3),
        fix(c.cpuUsPerCall, 1),
        ratio(c.ratioToHonest),
        ratio(c.ratioToRaw),
        c.key === 'sdk' ? '—' : ratio(level.sdkOver[c.key] ?? Number.NaN),
        pct(c.serverCpuPct),
        pct(c.otherCpuPct),
        String(c.newConnections),
      ]),
    },
  }))
}

/**
 * The ablation ladder: each rung's client CPU per call, what it adds to the rung before, and its
 * share of the SDK's CPU per call; the SDK row's increment is its own pipeline.
 */
export function ablationTable(ladder: ThroughputResult, rungs: readonly string[]): Table {
  const level = ladder.levels[0]
  const rows: string[][] = []
  if (level !== undefined) {
    const of = (key: string) => level.contenders.find((c) => c.key === key)
    const sdkCpu = of('sdk')?.cpuUsPerCall ?? Number.NaN
    let previous: number | undefined
    for (const key of rungs) {
      const c = of(key)
      if (c === undefined) continue
      const added = previous === undefined ? c.cpuUsPerCall : c.cpuUsPerCall - previous
      rows.push([
        key === 'sdk' ? '6 full iam.getUser (+ validation, request building, pipeline)' : c.label,
        fix(c.cpuUsPerCall, 1),
        previous === undefined ? fix(added, 1) : delta(added),
        pct((100 * added) / sdkCpu),
        int(c.medianOpsPerSec),
        ratio(key === 'sdk' ? 1 : (level.sdkOver[key] ?? Number.NaN)),
      ])
      previous = c.cpuUsPerCall
    }
    for (const c of level.contenders) {
      if (rungs.includes(c.key)) continue
      rows.push([
        `reference: ${c.label}`,
        fix(c.cpuUsPerCall, 1),
        '—',
        '—',
        int(c.medianOpsPerSec),
        ratio(level.sdkOver[c.key] ?? Number.NaN),
      ])
    }
  }
  return {
    headers: ['rung (each adds to the one above)', 'CPU µs/call', 'adds µs', 'share of SDK CPU', 'ops/s', 'SDK ÷ this'],
    rows,
  }
}

/** The profile's busy time by category, in µs per call scaled to the SDK's unprofiled CPU per call. */
export function profileTable(p: ProfileBreakdown, sdkCpuUsPerCall: number): Table {
  return {
    headers: ['category', 'share of busy CPU', '≈ µs/call'],
    rows: p.categories.map((c) => [c.category, `${c.pct.toFixed(1)}%`, fix((c.pct / 100) * sdkCpuUsPerCall, 1)]),
  }
}

export function emulatorTable(level: EmulatorLevel): Table {
  return {
    headers: [
      'call (SDK client)',
      'ops/s (median)',
      'ops/s min–max',
      'p50 ms',
      'p99 ms',
      'client CPU µs/call',
      'server CPU',
      'other CPU',
    ],
    rows: level.subjects.map((s) => [
      s.label,
      int(s.medianOpsPerSec),
      minMax(s.opsPerSec),
      fix(s.p50Ms, 3),
      fix(s.p99Ms, 3),
      fix(s.cpuUsPerCall, 1),
      pct(s.serverCpuPct),
      pct(s.otherCpuPct),
    ]),
  }
}

export function stateTable(state: NonNullable<EmulatorResult['state']>): Table {
  return {
    headers: [
      'users in the state file',
      'seeded in s',
      'start ms',
      'file + journal',
      'createUser mean ms',
      'p50 ms',
      'p99 ms',
      'calls',
      'journal folded during calls',
    ],
    rows: state.sizes.map((s) => [
      int(s.entities),
      fix(s.seedMs / 1000, 1),
      fix(s.startMs, 0),
      `${(s.fileBytes / 1024).toFixed(0)} KiB`,
      fix(s.meanMs, 3),
      fix(s.p50Ms, 3),
      fix(s.p99Ms, 3),
      String(s.calls),
      s.snapshotRewritten ? 'yes' : 'no',
    ]),
  }
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
  const range = (values: number[]): string => `${fix(Math.min(...values), 1)}–${fix(Math.max(...values), 1)}`
  return {
    headers: ['cold import (fresh process)', 'require ms (median)', 'require ms min–max', 'process ms (median)'],
    rows: [
      [
        "require('bce-iam') (tsc build)",
        fix(c.ours.requireMs, 1),
        range(c.ours.samples.map((s) => s.requireMs)),
        fix(c.ours.processMs, 1),
      ],
      [
        "require('@baiducloud/sdk')",
        fix(c.official.requireMs, 1),
        range(c.official.samples.map((s) => s.requireMs)),
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

export function targetsTable(targets: readonly Target[]): Table {
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

/** Client CPU per call without sockets (bench/client-cost.ts). */
export function clientCostTable(result: ClientCostResult): Table {
  return {
    headers: ['contender (c=32, no sockets)', 'CPU µs/call', 'vs honest floor'],
    align: ['l', 'r', 'r'],
    rows: result.rows.map((row) => [row.label, fix(row.cpuUsPerCall, 1), ratio(row.ratioToHonest)]),
  }
}
