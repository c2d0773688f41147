import { randomBytes } from 'node:crypto'

/** How many taken ids in a row {@link IdGenerator.next} skips before it switches to random ids. */
export const MAX_SKIPPED = 1024

const neverTaken = (): boolean => false

/** The internal position of a seeded generator (four 32-bit words), to persist and resume. */
export type IdGeneratorPosition = readonly [number, number, number, number]

/** Produces 32-hex-character ids; deterministic when seeded (for reproducible tests). */
export class IdGenerator {
  #state: [number, number, number, number] | undefined

  /** `seed` makes the sequence reproducible; without one, ids come from the OS CSPRNG. */
  constructor(seed?: number) {
    this.reseed(seed)
  }

  /** A generator that continues from a {@link position} (undefined: random ids). */
  static resume(position: IdGeneratorPosition | undefined): IdGenerator {
    const generator = new IdGenerator()
    generator.#state =
      position === undefined ? undefined : [position[0] >>> 0, position[1] >>> 0, position[2] >>> 0, position[3] >>> 0]
    return generator
  }

  /** Where a seeded sequence stands (undefined when ids are random). */
  position(): IdGeneratorPosition | undefined {
    return this.#state === undefined ? undefined : [...this.#state]
  }

  /** Restarts the sequence from `seed` (or switches to random ids when undefined). */
  reseed(seed?: number): void {
    if (seed === undefined) {
      this.#state = undefined
      return
    }
    let s = seed >>> 0
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
      return (z ^ (z >>> 16)) >>> 0
    }
    this.#state = [next(), next(), next(), next()]
    // xorshift128 never leaves the all-zero state: step away from it.
    if (this.#state.every((word) => word === 0)) this.#state[0] = 1
  }

  /**
   * The next id that `isTaken` does not reject: ids already in use are skipped, so a `reseed`
   * that restarts a sequence never hands out an id that something already has (a seeded run
   * stays deterministic: it skips the same ids given the same state). Never loops forever: after
   * {@link MAX_SKIPPED} taken ids in a row it falls back on random ids.
   */
  next(isTaken: (id: string) => boolean = neverTaken): string {
    for (let attempt = 0; attempt < MAX_SKIPPED; attempt += 1) {
      const id = this.#draw()
      if (!isTaken(id)) return id
    }
    let id = randomBytes(16).toString('hex')
    while (isTaken(id)) id = randomBytes(16).toString('hex')
    return id
  }

  #draw(): string {
    if (this.#state === undefined) return randomBytes(16).toString('hex')
    let out = ''
    for (let word = 0; word < 4; word += 1) out += this.#xorshift().toString(16).padStart(8, '0')
    return out
  }

  #xorshift(): number {
    const state = this.#state as [number, number, number, number]
    let t = state[3]
    const s = state[0]
    state[3] = state[2]
    state[2] = state[1]
    state[1] = s
    t ^= t << 11
    t ^= t >>> 8
    state[0] = (t ^ s ^ (s >>> 19)) >>> 0
    return state[0]
  }
}
