/**
 * CPU profile of one getUser contender at concurrency 32 against the canned server.
 *   node -r tsx/cjs bench/profile-getuser.ts [--contender=sdk|raw|naive|official|officialKeepAlive|fetch] [--seconds=5] [--concurrency=32] [--reuse-build]
 * Profiles the compiled package (see bench/sdk.ts), not the .ts sources.
 * Writes bench/.bench-tmp/profiles/getuser-<contender>.cpuprofile (open in Chrome DevTools, or
 * summarise with bench/analyze-profile.ts).
 */
import { CONTENDERS, type ContenderKey } from './contenders'
import { startProfile } from './profiler'
import { buildPackage } from './sdk'
import { startServer } from './server-control'

const arg = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback

async function drive(call: () => Promise<void>, concurrency: number, ms: number): Promise<number> {
  const until = performance.now() + ms
  let ops = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await call()
        ops += 1
      }
    }),
  )
  return ops
}

async function main(): Promise<void> {
  const key = arg('contender', 'sdk') as ContenderKey
  const seconds = Number(arg('seconds', '5'))
  const concurrency = Number(arg('concurrency', '32'))
  const contender = CONTENDERS.find((c) => c.key === key)
  if (contender === undefined) throw new Error(`unknown contender ${key}`)
  const build = buildPackage(process.argv.includes('--reuse-build'))
  if (build.exitCode !== 0) console.warn(`warning: tsc exited ${build.exitCode} (JavaScript still emitted)`)
  const server = await startServer()
  const instance = contender.create(server, concurrency)
  try {
    await drive(() => instance.call(), concurrency, 1500) // warm-up, outside the profile
    const stop = await startProfile()
    const cpu0 = process.cpuUsage()
    const ops = await drive(() => instance.call(), concurrency, seconds * 1000)
    const cpu = process.cpuUsage(cpu0)
    const file = await stop(`getuser-${key}`)
    console.log(
      `${contender.label}: ${ops} calls in ${seconds} s (${Math.round(ops / seconds)}/s, ${((cpu.user + cpu.system) / ops).toFixed(1)} µs CPU/call, profiler on) -> ${file}`,
    )
  } finally {
    await instance.close()
    await server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
