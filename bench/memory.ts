/**
 * Section 5: memory per in-flight call. N concurrent getUser calls against the stalling endpoint
 * (accepts, reads, never answers), each contender with a pool of N connections so every call is
 * on the wire. Full GC, read heapUsed/arrayBuffers/external before and while pending, divide by N.
 * Calls are then aborted through an AbortSignal and the pool closed.
 */
import { setMaxListeners } from 'node:events'
import { Pool } from 'undici'
import { precomputedHeaders } from './contenders'
import { CREDENTIALS, USER_NAME, USER_PATH } from './fixtures'
import { sdk as compiled } from './sdk'
import type { BenchServer } from './server-control'
import { fullGc, median, sleep } from './stats'

export interface MemorySample {
  readonly heapUsedBytes: number
  readonly arrayBuffersBytes: number
  readonly externalBytes: number
}

export interface MemoryResult {
  readonly inFlight: number
  readonly repetitions: number
  /** Median per-call bytes. */
  readonly sdk: MemorySample
  readonly raw: MemorySample
  readonly samples: { sdk: MemorySample[]; raw: MemorySample[] }
}

interface Pending {
  start(signal: AbortSignal): Promise<unknown>
  close(): Promise<void>
}

function rawPending(server: BenchServer, n: number): Pending {
  const pool = new Pool(server.stallOrigin, { connections: n, pipelining: 1 })
  const headers = precomputedHeaders(server.stallOrigin.replace('http://', ''))
  return {
    start: (signal) =>
      pool
        .request({ origin: server.stallOrigin, path: USER_PATH, method: 'GET', headers, signal })
        .then((res) => res.body.text())
        .catch(() => undefined),
    close: () => pool.destroy(),
  }
}

function sdkPending(server: BenchServer, n: number): Pending {
  const iam = new (compiled().index.IamClient)({
    endpoint: server.stallOrigin,
    credentials: CREDENTIALS,
    allowInsecureHttp: true,
    maxConnections: n,
  })
  return {
    start: async (signal) => iam.getUser({ userName: USER_NAME }, { signal }),
    close: async () => {
      await iam.close()
    },
  }
}

async function waitForStalled(server: BenchServer, target: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if ((await server.stats()).stalledRequests >= target) return true
    await sleep(20)
  }
  return false
}

async function measure(server: BenchServer, make: () => Pending, n: number): Promise<MemorySample> {
  const pending = make()
  const controller = new AbortController()
  setMaxListeners(0, controller.signal) // one signal shared by N calls on purpose
  const base = (await server.stats()).stalledRequests
  fullGc()
  await sleep(10)
  fullGc()
  const before = process.memoryUsage()
  const calls: Array<Promise<unknown>> = new Array(n)
  for (let i = 0; i < n; i += 1) calls[i] = pending.start(controller.signal)
  const allSent = await waitForStalled(server, base + n, 10_000)
  if (!allSent) throw new Error(`memory: only part of ${n} requests reached the stalling server`)
  await sleep(50)
  fullGc()
  await sleep(10)
  fullGc()
  const during = process.memoryUsage()
  controller.abort()
  await Promise.allSettled(calls)
  await pending.close()
  return {
    heapUsedBytes: (during.heapUsed - before.heapUsed) / n,
    arrayBuffersBytes: (during.arrayBuffers - before.arrayBuffers) / n,
    externalBytes: (during.external - before.external) / n,
  }
}

export async function runMemory(server: BenchServer, n: number, repetitions: number): Promise<MemoryResult> {
  const samples = { sdk: [] as MemorySample[], raw: [] as MemorySample[] }
  // Warm both paths once (JIT, lazily created module state) before measuring.
  await measure(server, () => rawPending(server, 20), 20)
  await measure(server, () => sdkPending(server, 20), 20)
  for (let i = 0; i < repetitions; i += 1) {
    const order = i % 2 === 0 ? (['sdk', 'raw'] as const) : (['raw', 'sdk'] as const)
    for (const key of order) {
      samples[key].push(await measure(server, () => (key === 'sdk' ? sdkPending(server, n) : rawPending(server, n)), n))
      // Let the stalling server see the closed sockets before the next repetition.
      await sleep(100)
    }
  }
  const med = (s: MemorySample[]): MemorySample => ({
    heapUsedBytes: median(s.map((x) => x.heapUsedBytes)),
    arrayBuffersBytes: median(s.map((x) => x.arrayBuffersBytes)),
    externalBytes: median(s.map((x) => x.externalBytes)),
  })
  return { inFlight: n, repetitions, sdk: med(samples.sdk), raw: med(samples.raw), samples }
}
