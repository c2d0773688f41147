/**
 * CPU profile of decoding the 500-user listUsers body with the SDK's reader (plus JSON.parse).
 *   node -r tsx/cjs bench/profile-decode.ts [--seconds=4] [--reuse-build]
 * Profiles the compiled package (see bench/sdk.ts), not the .ts sources.
 */
import { LIST_USERS_BODY } from './fixtures'
import { startProfile } from './profiler'
import { buildPackage, sdk } from './sdk'

async function main(): Promise<void> {
  const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? '4')
  const build = buildPackage(process.argv.includes('--reuse-build'))
  if (build.exitCode !== 0) console.warn(`warning: tsc exited ${build.exitCode} (JavaScript still emitted)`)
  const reader = sdk().reader.listReader('users', sdk().userModel.userCodec)
  if (reader.kind !== 'json') throw new Error('not a json reader')
  const once = (): number => {
    const r = reader.read(JSON.parse(LIST_USERS_BODY))
    if (r.isErr()) throw new Error('decode failed')
    return r.value.length
  }
  const until = (ms: number): number => {
    let n = 0
    const end = performance.now() + ms
    while (performance.now() < end) n += once() > 0 ? 1 : 0
    return n
  }
  until(1000)
  const stop = await startProfile()
  const n = until(seconds * 1000)
  const file = await stop('decode')
  console.log(
    `decoded ${n} × 500 users in ${seconds} s (${((seconds * 1e6) / n).toFixed(1)} µs each, profiler on) -> ${file}`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
