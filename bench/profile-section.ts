/**
 * Section "ablation" (second half): a short V8 CPU profile of `iam.getUser` at concurrency 32
 * against the canned server, its busy time split by category (bench/analyze-profile.ts). The
 * profiler slows the calls down, so the shares are what count; the report turns them into µs per
 * call with the SDK's unprofiled CPU per call from the ablation rounds.
 */
import fs from 'node:fs'
import { byCategory, type Category, type Profile } from './analyze-profile'
import { CONTENDERS } from './contenders'
import { startProfile } from './profiler'
import { driveFor } from './rounds'
import type { BenchServer } from './server-control'
import { cpuMicros } from './stats'

export interface ProfileBreakdown {
  readonly concurrency: number
  readonly seconds: number
  readonly calls: number
  /** Client CPU per call with the profiler on (inflated by it). */
  readonly profiledCpuUsPerCall: number
  readonly categories: Array<{ category: Category; ms: number; pct: number }>
  /** Where the .cpuprofile was written (gitignored scratch directory). */
  readonly file: string
}

export async function runProfileBreakdown(
  server: BenchServer,
  concurrency: number,
  seconds: number,
): Promise<ProfileBreakdown> {
  const contender = CONTENDERS.find((c) => c.key === 'sdk')
  if (contender === undefined) throw new Error('no sdk contender')
  const instance = contender.create(server, concurrency)
  try {
    const call = (): Promise<void> => instance.call()
    await driveFor(call, concurrency, performance.now() + 800) // warm-up, outside the profile
    const stop = await startProfile()
    const cpu0 = process.cpuUsage()
    const calls = await driveFor(call, concurrency, performance.now() + seconds * 1000)
    const cpu = cpuMicros(process.cpuUsage(cpu0))
    const file = await stop(`getuser-sdk-c${concurrency}`)
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
    return {
      concurrency,
      seconds,
      calls,
      profiledCpuUsPerCall: cpu / calls,
      categories: byCategory(profile),
      file,
    }
  } finally {
    await instance.close()
  }
}
