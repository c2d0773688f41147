import fc from 'fast-check'
import { compileGlob, GlobCache, matchGlob } from '../../lib/acl/glob'

/** Reference semantics: `*` is `.*`, everything else literal (escaped). */
function reference(pattern: string, value: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`, 's').test(value)
}

describe('glob patterns', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything/at/all', true],
    ['bucket/path/*', 'bucket/path/a/b', true],
    ['bucket/path/*', 'bucket/path/', true],
    ['bucket/path/*', 'bucket/path', false],
    ['bucket/*/log', 'bucket/x/y/log', true],
    ['a*c', 'ac', true],
    ['a*a', 'a', false],
    ['a*b*a', 'aba', true],
    ['a*b*a', 'aab', false],
    ['a.c', 'abc', false],
    ['(x)+', '(x)+', true],
    ['exact', 'exact', true],
    ['exact', 'Exact', false],
    ['**', 'x', true],
  ])('%s matches %s: %s', (pattern, value, expected) => {
    expect(matchGlob(compileGlob(pattern), value)).toBe(expected)
  })

  it('property: agrees with an escaped regular expression', () => {
    const piece = fc.constantFrom('a', 'b', '/', '.', '*', '(', '\\', '$')
    const word = fc.array(piece, { maxLength: 8 }).map((chars) => chars.join(''))
    fc.assert(
      fc.property(word, word, (pattern, value) => {
        expect(matchGlob(compileGlob(pattern), value)).toBe(reference(pattern, value))
      }),
      { numRuns: 300 },
    )
  })

  it('the cache compiles once, normalises, and stays bounded', () => {
    const cache = new GlobCache((pattern) => pattern.toLowerCase())
    expect(cache.get('BCE:*')).toBe(cache.get('BCE:*'))
    expect(matchGlob(cache.get('BCE:*'), 'bce:bos')).toBe(true)
    for (let index = 0; index < 5000; index += 1) cache.get(`p${index}`)
    expect(matchGlob(cache.get('p1'), 'p1')).toBe(true)
  })
})
