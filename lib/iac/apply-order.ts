import type { PlanStep } from './plan'

/** The entities a step needs to exist (reads) and the ones it changes (writes). */
interface Touches {
  readonly reads: readonly string[]
  readonly writes: readonly string[]
}

function touches(step: PlanStep): Touches {
  switch (step.target) {
    case 'membership':
      return {
        reads: [`user:${step.user}`, `group:${step.group}`],
        writes: [`membership:${step.user}:${step.group}`],
      }
    case 'attachment':
      return {
        reads: [`${step.principal}:${step.name}`, `policy:${step.policyType}:${step.policy}`],
        writes: [`attachment:${step.principal}:${step.name}:${step.policyType}:${step.policy}`],
      }
    default:
      return {
        reads: [],
        writes: [step.target === 'policy' ? `policy:Custom:${step.name}` : `${step.target}:${step.name}`],
      }
  }
}

/**
 * For each step, the earlier steps it must wait for: a step that needs an entity waits for the
 * last earlier step changing it (attach after creating the policy and the principal), and a step
 * changing an entity waits for every earlier step touching it (delete a policy after detaching
 * it everywhere). Steps on unrelated entities do not wait for each other, so the creates of a
 * thousand users, or their additions to one group, may run side by side.
 */
export function dependencies(changes: readonly PlanStep[]): readonly (readonly number[])[] {
  const lastWriter = new Map<string, number>()
  const readersSince = new Map<string, number[]>()
  return changes.map((step, index) => {
    const waits = new Set<number>()
    const { reads, writes } = touches(step)
    for (const key of reads) {
      const writer = lastWriter.get(key)
      if (writer !== undefined) waits.add(writer)
      const readers = readersSince.get(key)
      if (readers === undefined) readersSince.set(key, [index])
      else readers.push(index)
    }
    for (const key of writes) {
      const writer = lastWriter.get(key)
      if (writer !== undefined) waits.add(writer)
      for (const reader of readersSince.get(key) ?? []) if (reader !== index) waits.add(reader)
      lastWriter.set(key, index)
      readersSince.set(key, [])
    }
    return [...waits].sort((a, b) => a - b)
  })
}
