/**
 * The measuring engine shared by every load section: a set of subjects (one call each, already
 * connected to their target) is warmed up, then measured in fixed-duration rounds at a fixed
 * concurrency, the subject order rotating each round so slow drift (other load, thermal, GC)
 * hits every subject alike. Per round it records ops/s, client CPU per call, the target
 * process's CPU and what other processes used.
 */
import { cpuMicros, fullGc, machineBusyMicros, median, percentileSorted, rotate, Samples, sleep } from './stats'

/** One complete call; throws on any unexpected answer (so a broken subject cannot look fast). */
export type Call = () => Promise<void>

/** CPU and connection counters of the process serving a subject. */
export interface TargetStats {
  /** Process CPU (user + system) in µs since it started. */
  readonly cpuMicros: number
  /** Connections accepted so far, where the target counts them. */
  readonly connections?: number
}

export interface Subject {
  readonly key: string
  readonly label: string
  readonly call: Call
  /** Counters of the serving process (read before and after every round). */
  readonly target?: (() => Promise<TargetStats>) | undefined
}

export interface RoundOptions {
  readonly concurrency: number
  readonly rounds: number
  readonly roundMs: number
  readonly warmupMs: number
  /** Calls made before the warm-up, to open connections and check answers (default 4 × concurrency). */
  readonly primeCalls?: number
}

/** Bounds the time spent waiting for other processes to quieten, over a whole harness run. */
export class QuietBudget {
  #leftMs: number
  #waitedMs = 0
  constructor(totalMs: number) {
    this.#leftMs = totalMs
  }
  get waitedMs(): number {
    return this.#waitedMs
  }
  /**
   * On a shared machine, waits (up to 3 s, and within what is left of the budget) until other
   * processes use less than `maxOtherPct` % of one core over a 100 ms probe. Returns the ms waited.
   */
  async wait(maxOtherPct = 30): Promise<number> {
    const started = performance.now()
    const maxWaitMs = Math.min(3000, this.#leftMs)
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
      if (pct < maxOtherPct || waited >= maxWaitMs) {
        const spent = Math.max(0, waited - (performance.now() - t0))
        this.#leftMs = Math.max(0, this.#leftMs - spent)
        this.#waitedMs += spent
        return spent
      }
      await sleep(150)
    }
  }
}

/** Runs `call` from `concurrency` workers until `until` (performance.now() ms); returns the calls made. */
export async function driveFor(call: Call, concurrency: number, until: number, samples?: Samples): Promise<number> {
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

/** Runs `total` calls from `concurrency` workers. */
export async function driveCount(call: Call, concurrency: number, total: number): Promise<void> {
  let left = total
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left -= 1
      await call()
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

/** What the rounds recorded for one subject. */
export interface SubjectRounds {
  readonly ops: number[]
  readonly cpuPerCall: number[]
  readonly targetPct: number[]
  readonly otherPct: number[]
  newConnections: number
  quietWaitMs: number
  readonly samples: Samples
  calls: number
}

/** Measures `subjects` in interleaved rounds; the map is keyed by subject key. */
export async function measureRounds(
  subjects: readonly Subject[],
  options: RoundOptions,
  quiet: QuietBudget,
  log: (line: string) => void,
  title: string,
): Promise<Map<string, SubjectRounds>> {
  const acc = new Map<string, SubjectRounds>()
  for (const subject of subjects) {
    await driveCount(subject.call, options.concurrency, options.primeCalls ?? options.concurrency * 4)
    await driveFor(subject.call, options.concurrency, performance.now() + options.warmupMs)
    acc.set(subject.key, {
      ops: [],
      cpuPerCall: [],
      targetPct: [],
      otherPct: [],
      newConnections: 0,
      quietWaitMs: 0,
      samples: new Samples(),
      calls: 0,
    })
  }
  for (let round = 0; round < options.rounds; round += 1) {
    for (const subject of rotate(subjects, round)) {
      const a = acc.get(subject.key) as SubjectRounds
      a.quietWaitMs += await quiet.wait()
      fullGc()
      await driveCount(subject.call, options.concurrency, options.concurrency * 8) // re-prime connections and ICs
      const target0 = await subject.target?.()
      const busy0 = machineBusyMicros()
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      const ops = await driveFor(subject.call, options.concurrency, t0 + options.roundMs, a.samples)
      const elapsedMs = performance.now() - t0
      const cpu = cpuMicros(process.cpuUsage(cpu0))
      const busy1 = machineBusyMicros()
      const target1 = await subject.target?.()
      const targetCpu =
        target0 === undefined || target1 === undefined ? Number.NaN : target1.cpuMicros - target0.cpuMicros
      a.otherPct.push(
        busy0 === undefined || busy1 === undefined
          ? Number.NaN
          : (100 * Math.max(0, busy1 - busy0 - cpu - (Number.isNaN(targetCpu) ? 0 : targetCpu))) / (elapsedMs * 1000),
      )
      a.ops.push((ops * 1000) / elapsedMs)
      a.cpuPerCall.push(cpu / ops)
      a.targetPct.push((100 * targetCpu) / (elapsedMs * 1000))
      a.calls += ops
      a.newConnections += (target1?.connections ?? 0) - (target0?.connections ?? 0)
    }
    log(`  ${title} round ${round + 1}/${options.rounds} done`)
  }
  return acc
}

/** Summary of one subject's rounds. */
export interface SubjectSummary {
  readonly key: string
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
  /** Serving process CPU as % of one core during this subject's rounds (median; NaN if unknown). */
  readonly serverCpuPct: number
  /**
   * CPU used by other processes on the machine during the rounds, % of one core (median):
   * machine busy time (/proc/stat) minus client and server. Noise indicator; NaN if unavailable.
   */
  readonly otherCpuPct: number
  /** New TCP connections accepted by the server during measured rounds (keep-alive check; total). */
  readonly newConnections: number
  /** Total ms spent before this subject's rounds waiting for other processes to quieten. */
  readonly quietWaitMs: number
  readonly calls: number
}

export function summariseRounds(subject: Subject, concurrency: number, a: SubjectRounds): SubjectSummary {
  const sorted = a.samples.sorted()
  let sum = 0
  for (const v of sorted) sum += v
  return {
    key: subject.key,
    label: subject.label,
    concurrency,
    opsPerSec: a.ops,
    medianOpsPerSec: median(a.ops),
    p50Ms: percentileSorted(sorted, 50),
    p99Ms: percentileSorted(sorted, 99),
    meanMs: sum / sorted.length,
    cpuUsPerCall: median(a.cpuPerCall),
    serverCpuPct: median(a.targetPct),
    otherCpuPct: median(a.otherPct),
    newConnections: a.newConnections,
    quietWaitMs: a.quietWaitMs,
    calls: a.calls,
  }
}

/** Median over rounds of a's ops/s ÷ b's ops/s in the same round (subjects paired within a round). */
export function pairedRatio(a: SubjectRounds | undefined, b: SubjectRounds | undefined): number {
  if (a === undefined || b === undefined) return Number.NaN
  return median(a.ops.map((v, i) => v / (b.ops[i] as number)))
}
