/**
 * ACL wildcard patterns, matched without regular expressions: `*` stands for any run of
 * characters (possibly empty, `/` included); every other character is literal.
 */
export type Glob =
  | { readonly kind: 'any' }
  | { readonly kind: 'exact'; readonly text: string }
  | {
      readonly kind: 'wildcard'
      readonly head: string
      readonly middle: readonly string[]
      readonly tail: string
      readonly minLength: number
    }

const ANY: Glob = Object.freeze({ kind: 'any' })

/** Compiles a pattern: `*`-only patterns match anything; patterns without `*` match exactly. */
export function compileGlob(pattern: string): Glob {
  if (!pattern.includes('*')) return Object.freeze({ kind: 'exact', text: pattern })
  const parts = pattern.split('*')
  const head = parts[0] ?? ''
  const tail = parts[parts.length - 1] ?? ''
  const middle = parts.slice(1, -1).filter((part) => part.length > 0)
  if (head === '' && tail === '' && middle.length === 0) return ANY
  const minLength = head.length + tail.length + middle.reduce((sum, part) => sum + part.length, 0)
  return Object.freeze({ kind: 'wildcard', head, middle: Object.freeze(middle), tail, minLength })
}

/**
 * Whether `value` matches. The literal pieces between stars must appear in order; taking each
 * at its leftmost position is optimal, so the match is linear and never backtracks.
 */
export function matchGlob(glob: Glob, value: string): boolean {
  switch (glob.kind) {
    case 'any':
      return true
    case 'exact':
      return value === glob.text
    case 'wildcard': {
      if (value.length < glob.minLength || !value.startsWith(glob.head) || !value.endsWith(glob.tail)) return false
      const end = value.length - glob.tail.length
      let from = glob.head.length
      for (const part of glob.middle) {
        const at = value.indexOf(part, from)
        if (at < 0 || at + part.length > end) return false
        from = at + part.length
      }
      return true
    }
  }
}

/** Most distinct patterns kept compiled; the cache is emptied when it fills up. */
const CACHE_LIMIT = 4096

/**
 * A bounded cache of compiled patterns, so that evaluating the same documents again (the
 * emulator does on every request) compiles nothing. `normalise` is applied to patterns before
 * compiling (e.g. lower-casing for case-insensitive fields).
 */
export class GlobCache {
  private readonly compiled = new Map<string, Glob>()

  constructor(private readonly normalise: (pattern: string) => string = (pattern) => pattern) {}

  /** The compiled form of `pattern`. */
  get(pattern: string): Glob {
    let glob = this.compiled.get(pattern)
    if (glob === undefined) {
      if (this.compiled.size >= CACHE_LIMIT) this.compiled.clear()
      glob = compileGlob(this.normalise(pattern))
      this.compiled.set(pattern, glob)
    }
    return glob
  }
}
