/**
 * Section 1 (and the ablation section): getUser throughput and latency against the canned server
 * (separate process). Per concurrency level every contender is built once (own pool,
 * `connections = concurrency`), warmed up, then measured in interleaved rounds (bench/rounds.ts).
 */
import { CONTENDERS, type Contender, type ContenderKey, type Instance } from './contenders'
import {
  measureRounds,
  pairedRatio,
  summariseRounds,
  type QuietBudget,
  type Subject,
  type SubjectRounds,
  type SubjectSummary,
} from './rounds'
import type { BenchServer } from './server-control'

export interface ThroughputOptions {
  readonly concurrencies: readonly number[]
  readonly rounds: number
  readonly roundMs: number
  readonly warmupMs: number
  readonly only?: readonly ContenderKey[]
}

export interface ContenderResult extends SubjectSummary {
  /** Median over rounds of (this contender's ops/s ÷ the text-only floor's ops/s in the same round). */
  readonly ratioToRaw: number
  /** The same against the honest floor (NaN when it did not run). */
  readonly ratioToHonest: number
}

export interface ThroughputResult {
  readonly options: ThroughputOptions
  readonly levels: Array<{
    readonly concurrency: number
    readonly contenders: ContenderResult[]
    /** Median per-round ratios of the SDK to the other contenders. */
    readonly sdkOver: Partial<Record<string, number>>
  }>
}

/** The floors always run, whatever `only` selects. */
const ALWAYS: readonly string[] = ['raw', 'honest', 'signedFloor']

export async function runThroughput(
  server: BenchServer,
  options: ThroughputOptions,
  quiet: QuietBudget,
  log: (line: string) => void,
  candidates: readonly Contender[] = CONTENDERS,
): Promise<ThroughputResult> {
  const contenders = candidates.filter(
    (c) => options.only === undefined || (options.only as readonly string[]).includes(c.key) || ALWAYS.includes(c.key),
  )
  const levels: ThroughputResult['levels'] = []
  for (const concurrency of options.concurrencies) {
    const instances = new Map<string, Instance>()
    for (const contender of contenders) instances.set(contender.key, contender.create(server, concurrency))
    const subjects: Subject[] = contenders.map((contender) => {
      const instance = instances.get(contender.key) as Instance
      return {
        key: contender.key,
        label: contender.label,
        call: () => instance.call(),
        target: async () => {
          const stats = await server.stats()
          return { cpuMicros: stats.cpu.user + stats.cpu.system, connections: stats.cannedConnections }
        },
      }
    })
    let acc
    try {
      acc = await measureRounds(
        subjects,
        { concurrency, rounds: options.rounds, roundMs: options.roundMs, warmupMs: options.warmupMs },
        quiet,
        log,
        `c=${concurrency}`,
      )
    } finally {
      for (const instance of instances.values()) await instance.close()
    }
    const results: ContenderResult[] = subjects.map((subject) => {
      const a = acc.get(subject.key)
      return {
        ...summariseRounds(subject, concurrency, a as SubjectRounds),
        ratioToRaw: pairedRatio(a, acc.get('raw')),
        ratioToHonest: pairedRatio(a, acc.get('honest')),
      }
    })
    const sdkOver: Partial<Record<string, number>> = {}
    if (acc.has('sdk')) {
      for (const subject of subjects) {
        if (subject.key !== 'sdk') sdkOver[subject.key] = pairedRatio(acc.get('sdk'), acc.get(subject.key))
      }
    }
    levels.push({ concurrency, contenders: results, sdkOver })
  }
  return { options, levels }
}
