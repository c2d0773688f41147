import {
  DEADLINE_SWEEP_MS,
  DeadlineSweep,
  SWEPT_DEADLINE_MIN_MS,
  type SweptExchange,
} from '../../lib/http/deadline-sweep'

/** An exchange that records why it was cut short and leaves the set then, as a collector does. */
function exchange(set: Set<SweptExchange>, dueAt: number | undefined): SweptExchange & { cuts: string[] } {
  const cuts: string[] = []
  const self = {
    dueAt,
    cuts,
    cutShort(why: 'deadline') {
      cuts.push(why)
      set.delete(self)
    },
  }
  set.add(self)
  return self
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, DEADLINE_SWEEP_MS + 50))

describe('the transport deadline sweep', () => {
  it('takes only deadlines at least SWEPT_DEADLINE_MIN_MS away, and runs only once it has taken one', () => {
    const sweep = new DeadlineSweep(new Set())
    for (const remaining of [undefined, Number.NaN, -1, 0, SWEPT_DEADLINE_MIN_MS - 1]) {
      expect(sweep.takes(remaining)).toBe(false)
      expect(sweep.running).toBe(false)
    }
    expect(sweep.takes(SWEPT_DEADLINE_MIN_MS)).toBe(true)
    expect(sweep.running).toBe(true)
    expect(sweep.takes(Number.POSITIVE_INFINITY)).toBe(true)
    sweep.stop()
    expect(sweep.running).toBe(false)
    sweep.stop()
    expect(sweep.running).toBe(false)
  })

  it('cuts short exactly the exchanges whose deadline has passed, as timed out', () => {
    const set = new Set<SweptExchange>()
    const now = performance.now()
    const due = exchange(set, now - 1)
    const dueNow = exchange(set, now)
    const later = exchange(set, now + 60_000)
    const none = exchange(set, undefined)
    const sweep = new DeadlineSweep(set)
    sweep.sweep()
    expect([due.cuts, dueNow.cuts, later.cuts, none.cuts]).toEqual([['deadline'], ['deadline'], [], []])
    expect([...set]).toEqual([later, none])
  })

  it('sweeps on its own while exchanges are under way and stops when none is left', async () => {
    const set = new Set<SweptExchange>()
    const sweep = new DeadlineSweep(set)
    const first = exchange(set, performance.now())
    expect(sweep.takes(SWEPT_DEADLINE_MIN_MS)).toBe(true)
    await tick()
    expect(first.cuts).toEqual(['deadline'])
    expect(sweep.running).toBe(false)
    const second = exchange(set, performance.now() + 60_000)
    sweep.takes(SWEPT_DEADLINE_MIN_MS)
    await tick()
    expect(second.cuts).toEqual([])
    expect(sweep.running).toBe(true)
    set.delete(second)
    await tick()
    expect(sweep.running).toBe(false)
  })
})
