/**
 * CPU profile of one getUser contender against the canned server (`npm run bench:profile`).
 *   node -r tsx/cjs bench/profile-getuser.ts [--contender=sdk|raw|honest|naive|official|officialKeepAlive|fetch|rawDispatch|ablation-…]
 *     [--seconds=5] [--concurrency=32] [--reuse-build] [--src=DIR] [--analyze]
 * Profiles the compiled package (see bench/sdk.ts), not the .ts sources.
 * Writes <scratch>/profiles/getuser-<contender>.cpuprofile (open in Chrome DevTools, or summarise
 * with bench/analyze-profile.ts; `--analyze` prints that summary, by category first).
 */
import fs from 'node:fs'
import path from 'node:path'
import { ABLATION } from './ablation'
import { byCategory, summarise, type Profile } from './analyze-profile'
import { CONTENDERS } from './contenders'
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
  const key = arg('contender', 'sdk')
  const seconds = Number(arg('seconds', '5'))
  const concurrency = Number(arg('concurrency', '32'))
  const contender = [...CONTENDERS, ...ABLATION].find((c) => c.key === key)
  if (contender === undefined) throw new Error(`unknown contender ${key}`)
  const source = arg('src', '')
  const build = buildPackage(process.argv.includes('--reuse-build'), source === '' ? undefined : path.resolve(source))
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
    if (process.argv.includes('--analyze')) {
      const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
      console.log('\nBy category (percent of busy CPU):')
      for (const c of byCategory(profile))
        console.log(`${c.pct.toFixed(1).padStart(5)}% ${c.ms.toFixed(0).padStart(7)} ms  ${c.category}`)
      console.log('\nTop lib/ functions by self time + the Node/V8 internals they call directly:')
      for (const f of summarise(profile, 12).libSelfPlusInternals)
        console.log(`${f.pct.toFixed(1).padStart(5)}% ${f.ms.toFixed(0).padStart(7)} ms  ${f.fn}`)
    }
  } finally {
    await instance.close()
    await server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
