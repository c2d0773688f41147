/**
 * Section 1: getUser throughput and latency against the canned server (separate process).
 * Per concurrency level every contender is built once (own pool, `connections = concurrency`),
 * warmed up, then measured for `rounds` fixed-duration rounds; the contender order rotates each
 * round so slow drift (other load, thermal, GC) hits every contender alike.
 */
import { CONTENDERS, type ContenderKey, type Instance } from './contenders'
import type { BenchServer } from './server-control'
import { cpuMicros, fullGc, machineBusyMicros, median, percentileSorted, rotate, Samples, sleep } from './stats'

export interface ThroughputOptions {
  readonly concurrencies: readonly number[]
  readonly rounds: number
  readonly roundMs: number
  readonly warmupMs: number
  readonly only?: readonly ContenderKey[]
}

export interface ContenderResult {
  readonly key: ContenderKey
  readonly label: string
  readonly concurrency: number
  /** Per round. */
  readonly opsPerSec: number[]
  readonly medianOpsPerSec: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly meanMs: number
  /** Client process CPU (user + system) per call, median over rounds. */
  readonly cpuUsPerCall: number
  /** Server process CPU as % of one core during this contender's rounds (median). */
  readonly serverCpuPct: number
  /**
   * CPU used by other processes on the machine during the rounds, % of one core (median):
   * machine busy time (/proc/stat) minus client and server. Noise indicator; NaN if unavailable.
   */
  readonly otherCpuPct: number
  /** New TCP connections accepted by the server during measured rounds (keep-alive check; total). */
  readonly newConnections: number
  /** Total ms spent before this contender's rounds waiting for other processes to quieten. */
  readonly quietWaitMs: number
  /** Median over rounds of (this contender's ops/s ÷ raw undici's ops/s in the same round). */
  readonly ratioToRaw: number
  readonly calls: number
}

export interface ThroughputResult {
  readonly options: ThroughputOptions
  readonly levels: Array<{
    readonly concurrency: number
    readonly contenders: ContenderResult[]
    /** Median per-round ratios of the SDK to the other contenders. */
    readonly sdkOver: Partial<Record<ContenderKey, number>>
  }>
}

type Call = () => Promise<void>

/**
 * On a shared machine, waits (up to `maxWaitMs`) until other processes use less than
 * `maxOtherPct` % of one core over a 100 ms probe. Returns the time spent waiting.
 */
async function waitForQuiet(maxOtherPct = 30, maxWaitMs = 3000): Promise<number> {
  const started = performance.now()
  for (;;) {
    const busy0 = machineBusyMicros()
    const own0 = process.cpuUsage()
    const t0 = performance.now()
    await sleep(100)
    const busy1 = machineBusyMicros()
    if (busy0 === undefined || busy1 === undefined) return 0
    const other = busy1 - busy0 - cpuMicros(process.cpuUsage(own0))
    const pct = (100 * other) / ((performance.now() - t0) * 1000)
    const waited = performance.now() - started
    if (pct < maxOtherPct || waited >= maxWaitMs) return waited - (performance.now() - t0)
    await sleep(150)
  }
}

async function driveFor(call: Call, concurrency: number, until: number, samples: Samples | undefined): Promise<number> {
  let ops = 0
  const worker = async (): Promise<void> => {
    for (;;) {
      const start = performance.now()
      if (start >= until) return
      await call()
      if (samples !== undefined) samples.push(performance.now() - start)
      ops += 1
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return ops
}

async function driveCount(call: Call, concurrency: number, total: number): Promise<void> {
  let left = total
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left -= 1
      await call()
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

interface Acc {
  ops: number[]
  cpuPerCall: number[]
  serverPct: number[]
  otherPct: number[]
  newConnections: number
  quietWaitMs: number
  samples: Samples
  calls: number
}

export async function runThroughput(
  server: BenchServer,
  options: ThroughputOptions,
  log: (line: string) => void,
): Promise<ThroughputResult> {
  const contenders = CONTENDERS.filter(
    (c) => options.only === undefined || options.only.includes(c.key) || c.key === 'raw',
  )
  const levels: ThroughputResult['levels'] = []
  for (const concurrency of options.concurrencies) {
    const instances = new Map<ContenderKey, Instance>()
    for (const contender of contenders) instances.set(contender.key, contender.create(server, concurrency))
    const acc = new Map<ContenderKey, Acc>()
    try {
      for (const contender of contenders) {
        const instance = instances.get(contender.key) as Instance
        await driveCount(() => instance.call(), concurrency, concurrency * 4) // correctness + connect
        await driveFor(() => instance.call(), concurrency, performance.now() + options.warmupMs, undefined)
        acc.set(contender.key, {
          ops: [],
          cpuPerCall: [],
          serverPct: [],
          otherPct: [],
          newConnections: 0,
          quietWaitMs: 0,
          samples: new Samples(),
          calls: 0,
        })
      }
      for (let round = 0; round < options.rounds; round += 1) {
        for (const contender of rotate(contenders, round)) {
          const instance = instances.get(contender.key) as Instance
          const a = acc.get(contender.key) as Acc
          const call = (): Promise<void> => instance.call()
          a.quietWaitMs += await waitForQuiet()
          fullGc()
          await driveCount(call, concurrency, concurrency * 8) // re-prime connections and ICs
          const server0 = await server.stats()
          const busy0 = machineBusyMicros()
          const cpu0 = process.cpuUsage()
          const t0 = performance.now()
          const ops = await driveFor(call, concurrency, t0 + options.roundMs, a.samples)
          const elapsedMs = performance.now() - t0
          const cpu = cpuMicros(process.cpuUsage(cpu0))
          const busy1 = machineBusyMicros()
          const server1 = await server.stats()
          const serverCpu = cpuMicros(server1.cpu) - cpuMicros(server0.cpu)
          a.otherPct.push(
            busy0 === undefined || busy1 === undefined
              ? Number.NaN
              : (100 * Math.max(0, busy1 - busy0 - cpu - serverCpu)) / (elapsedMs * 1000),
          )
          a.ops.push((ops * 1000) / elapsedMs)
          a.cpuPerCall.push(cpu / ops)
          a.serverPct.push((100 * serverCpu) / (elapsedMs * 1000))
          a.calls += ops
          a.newConnections += server1.cannedConnections - server0.cannedConnections
        }
        log(`  c=${concurrency} round ${round + 1}/${options.rounds} done`)
      }
    } finally {
      for (const instance of instances.values()) await instance.close()
    }
    const rawOps = (acc.get('raw') as Acc).ops
    const perRoundRatio = (a: number[], b: number[]): number => median(a.map((v, i) => v / (b[i] as number)))
    const results: ContenderResult[] = contenders.map((contender) => {
      const a = acc.get(contender.key) as Acc
      const sorted = a.samples.sorted()
      let sum = 0
      for (const v of sorted) sum += v
      return {
        key: contender.key,
        label: contender.label,
        concurrency,
        opsPerSec: a.ops,
        medianOpsPerSec: median(a.ops),
        p50Ms: percentileSorted(sorted, 50),
        p99Ms: percentileSorted(sorted, 99),
        meanMs: sum / sorted.length,
        cpuUsPerCall: median(a.cpuPerCall),
        serverCpuPct: median(a.serverPct),
        otherCpuPct: median(a.otherPct),
        newConnections: a.newConnections,
        quietWaitMs: a.quietWaitMs,
        ratioToRaw: perRoundRatio(a.ops, rawOps),
        calls: a.calls,
      }
    })
    const sdkOver: Partial<Record<ContenderKey, number>> = {}
    const sdkOps = acc.get('sdk')?.ops
    if (sdkOps !== undefined) {
      for (const contender of contenders) {
        if (contender.key !== 'sdk') sdkOver[contender.key] = perRoundRatio(sdkOps, (acc.get(contender.key) as Acc).ops)
      }
    }
    levels.push({ concurrency, contenders: results, sdkOver })
  }
  return { options, levels }
}
