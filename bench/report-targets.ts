/** The performance targets (issue 17 and the v0.1 ones kept), judged from one run's results. */
import { ratio } from './report-format'
import type { Target } from './report-tables'
import type { Results } from './report'

/** SDK ÷ honest floor, both concurrencies (issue 17). */
export const HONEST_FLOOR_GOAL = 0.9
/** SDK ÷ text-only floor (the v0.1 targets, kept). */
export const TEXT_FLOOR_GOALS: Readonly<Record<number, number>> = { 1: 0.75, 32: 0.85 }

export function evaluateTargets(r: Omit<Results, 'targets'>): Target[] {
  const level = (c: number) => r.throughput?.levels.find((l) => l.concurrency === c)
  const sdkAt = (c: number) => level(c)?.contenders.find((x) => x.key === 'sdk')
  const emulatorAt = (c: number) => r.emulator?.levels.find((l) => l.concurrency === c)
  const targets: Target[] = []
  const add = (
    name: string,
    goal: string,
    value: number | undefined,
    pass: (v: number) => boolean,
    show: (v: number) => string = ratio,
  ): void => {
    const measured = value !== undefined && Number.isFinite(value)
    targets.push({
      name,
      goal,
      measured: measured ? show(value) : 'n/a',
      pass: measured ? pass(value) : undefined,
    })
  }
  const atLeast = (goal: number) => (v: number) => v >= goal
  add(
    'SDK vs honest floor (undici + JSON + User shape), c=32',
    `≥ ${HONEST_FLOOR_GOAL}×`,
    sdkAt(32)?.ratioToHonest,
    atLeast(HONEST_FLOOR_GOAL),
  )
  add(
    'SDK vs honest floor (undici + JSON + User shape), c=1',
    `≥ ${HONEST_FLOOR_GOAL}×`,
    sdkAt(1)?.ratioToHonest,
    atLeast(HONEST_FLOOR_GOAL),
  )
  add(
    'SDK vs text-only floor, c=32 (v0.1 target)',
    `≥ ${TEXT_FLOOR_GOALS[32]}×`,
    sdkAt(32)?.ratioToRaw,
    atLeast(TEXT_FLOOR_GOALS[32] as number),
  )
  add(
    'SDK vs text-only floor, c=1 (v0.1 target)',
    `≥ ${TEXT_FLOOR_GOALS[1]}×`,
    sdkAt(1)?.ratioToRaw,
    atLeast(TEXT_FLOOR_GOALS[1] as number),
  )
  add('SDK vs official JS SDK, c=32', '≥ 6×', level(32)?.sdkOver.official, atLeast(6))
  add('SDK vs official JS SDK, c=1', '≥ 1.8×', level(1)?.sdkOver.official, atLeast(1.8))
  add('SDK vs naive undici+official signer, c=32', '> 1×', level(32)?.sdkOver.naive, (v) => v > 1)
  add('SDK vs naive undici+official signer, c=1', '> 1×', level(1)?.sdkOver.naive, (v) => v > 1)
  add('signRequest vs official Auth', '≥ 2×', r.signing?.ratio, atLeast(2))
  add('decode 500 users vs JSON.parse', '≤ 1.5×', r.decoding?.ratio, (v) => v <= 1.5)
  add(
    'cold require of bce-iam',
    '≤ 150 ms',
    r.coldStart?.ours.requireMs,
    (v) => v <= 150,
    (v) => `${v.toFixed(1)} ms`,
  )
  add('emulator getUser vs canned server, c=32', '≥ 0.5×', emulatorAt(32)?.getUserRatio, atLeast(0.5))
  const sizes = r.emulator?.state?.sizes
  add(
    `emulator createUser with ${sizes?.[sizes.length - 1]?.entities.toLocaleString('en-US') ?? '10,000'} vs ${sizes?.[0]?.entities.toLocaleString('en-US') ?? '10'} users (state file), mean latency`,
    '≤ 2×',
    r.emulator?.state?.ratio,
    (v) => v <= 2,
  )
  return targets
}

/** Data-driven context for the targets: what the floors achieve, and the CPU headroom they leave. */
export function contextLines(r: Results): string[] {
  const out: string[] = []
  for (const level of r.throughput?.levels ?? []) {
    const of = (key: string) => level.contenders.find((c) => c.key === key)
    const official = of('official')
    const officialKeepAlive = of('officialKeepAlive')
    const sdk = of('sdk')
    const raw = of('raw')
    const honest = of('honest')
    const c = level.concurrency
    if (official !== undefined && honest !== undefined) {
      out.push(
        `c=${c}: the honest floor itself is ${(1 / official.ratioToHonest).toFixed(2)}× the official SDK as shipped (text-only floor ${(1 / official.ratioToRaw).toFixed(2)}×) — the ceiling for any "× official" ratio on this server.`,
      )
    }
    if (officialKeepAlive !== undefined && sdk !== undefined && honest !== undefined) {
      out.push(
        `c=${c}: against the official SDK tuned to keep-alive (context, not a target) the SDK is ${(level.sdkOver.officialKeepAlive ?? Number.NaN).toFixed(2)}× (honest floor ${(1 / officialKeepAlive.ratioToHonest).toFixed(2)}×).`,
      )
    }
    const signed = of('signedFloor')
    if (signed !== undefined && sdk !== undefined) {
      out.push(
        `c=${c}: the signed floor (the honest floor plus one signature per call, nothing else) is ${ratio(signed.ratioToHonest)} the honest floor — the ceiling for any signing client's "× honest floor" — and the SDK is ${ratio(level.sdkOver.signedFloor ?? Number.NaN)} the signed floor.`,
      )
    }
    if (sdk !== undefined && honest !== undefined && raw !== undefined) {
      const sign = (d: number): string => `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(0)} µs`
      out.push(
        `c=${c}: client CPU per call: SDK ${sdk.cpuUsPerCall.toFixed(0)} µs, honest floor ${honest.cpuUsPerCall.toFixed(0)} µs (${sign(sdk.cpuUsPerCall - honest.cpuUsPerCall)}), text-only floor ${raw.cpuUsPerCall.toFixed(0)} µs (${sign(sdk.cpuUsPerCall - raw.cpuUsPerCall)}); ≥ ${HONEST_FLOOR_GOAL}× the honest floor allows at most +${(honest.cpuUsPerCall / HONEST_FLOOR_GOAL - honest.cpuUsPerCall).toFixed(0)} µs while CPU-bound.`,
      )
    }
  }
  for (const level of r.emulator?.levels ?? []) {
    out.push(
      `c=${level.concurrency}: emulator ÷ canned server through the SDK: getUser ${ratio(level.getUserRatio)}, listUsers of 500 ${ratio(level.listUsersRatio)}.`,
    )
  }
  if (r.emulator?.stateSkipped !== undefined) out.push(`state-file comparison not run: ${r.emulator.stateSkipped}.`)
  return out
}
