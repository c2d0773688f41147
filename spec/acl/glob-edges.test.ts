import { compileGlob, GlobCache, matchGlob } from '../../lib/acl/glob'

describe('glob matching edges', () => {
  it.each([
    ['a*bb*b', 'axbb', false],
    ['a*bb*b', 'abbxb', true],
    ['a*z*b', 'axxb', false],
    ['*a*', 'a', true],
    ['*a*', 'b', false],
    ['*ab*ab*', 'xab', false],
    ['*ab*ab*', 'abab', true],
    ['a**b', 'ab', true],
    ['a*', 'a', true],
    ['*a', 'ba', true],
    ['*a', 'ab', false],
  ])('%s matches %s: %s', (pattern, value, expected) => {
    expect(matchGlob(compileGlob(pattern), value)).toBe(expected)
  })

  it('compiles star-only patterns to "any" and literal text to "exact"', () => {
    expect(compileGlob('***')).toEqual({ kind: 'any' })
    expect(compileGlob('abc')).toEqual({ kind: 'exact', text: 'abc' })
    expect(compileGlob('a**b*')).toEqual({ kind: 'wildcard', head: 'a', middle: ['b'], tail: '', minLength: 2 })
  })
})

describe('GlobCache', () => {
  it('compiles a pattern once (normalised), and again only after the cache was emptied', () => {
    const seen: string[] = []
    const cache = new GlobCache((pattern) => {
      seen.push(pattern)
      return pattern.toLowerCase()
    })
    const first = cache.get('A*')
    expect(cache.get('A*')).toBe(first)
    expect(seen).toEqual(['A*'])
    expect(matchGlob(first, 'abc')).toBe(true)
    for (let index = 0; index < 4095; index += 1) cache.get(`p${index}`)
    expect(cache.get('A*')).toBe(first)
    cache.get('one more')
    expect(cache.get('A*')).not.toBe(first)
    expect(seen.filter((p) => p === 'A*')).toHaveLength(2)
  })

  it('the default cache keeps patterns as they are (case-sensitive)', () => {
    const cache = new GlobCache()
    expect(matchGlob(cache.get('A*'), 'Ab')).toBe(true)
    expect(matchGlob(cache.get('A*'), 'ab')).toBe(false)
  })
})
