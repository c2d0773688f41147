/** Small statistics helpers and a GC hook. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Nearest-rank percentile of an already sorted array. */
export function percentileSorted(sorted: Float64Array | readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] as number
}

/** A growable Float64Array of samples. */
export class Samples {
  #data = new Float64Array(1 << 14)
  #length = 0
  push(value: number): void {
    if (this.#length === this.#data.length) {
      const bigger = new Float64Array(this.#data.length * 2)
      bigger.set(this.#data)
      this.#data = bigger
    }
    this.#data[this.#length] = value
    this.#length += 1
  }
  get length(): number {
    return this.#length
  }
  sorted(): Float64Array {
    return this.#data.slice(0, this.#length).sort()
  }
}

const maybeGc = (globalThis as { gc?: () => void }).gc

export const gcAvailable = typeof maybeGc === 'function'

/** Full GC (needs --expose-gc); a no-op otherwise. */
export function fullGc(): void {
  if (maybeGc !== undefined) {
    maybeGc()
    maybeGc()
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Rotates an array by `by` positions (to interleave contenders differently each round). */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const n = items.length
  return items.map((_, i) => items[(i + by) % n] as T)
}

export function cpuMicros(usage: NodeJS.CpuUsage): number {
  return usage.user + usage.system
}

/** Busy CPU time of the whole machine in µs (from /proc/stat; undefined where unavailable). */
export function machineBusyMicros(): number | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const text: string = require('node:fs').readFileSync('/proc/stat', 'utf8')
    const fields = text.slice(0, text.indexOf('\n')).trim().split(/\s+/).slice(1).map(Number)
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields
    return (user + nice + system + irq + softirq + steal) * 10_000 // USER_HZ = 100
  } catch {
    return undefined
  }
}
