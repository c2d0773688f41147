import fc from 'fast-check'
import { uriEncode, uriEncodeBytes, uriEncodeExceptSlash } from '../../lib/auth/uri-encode'

/**
 * RFC 3986 encoding as BCE defines it, from the platform's encodeURIComponent (which leaves
 * `!'()*` alone, so those are encoded here): an implementation independent of lib/auth.
 */
const reference = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~'

describe('uriEncodeBytes', () => {
  it('maps every byte value: unreserved to itself, the rest to %XX with two upper-case hex digits', () => {
    for (let byte = 0; byte < 256; byte += 1) {
      const char = String.fromCharCode(byte)
      const expected = UNRESERVED.includes(char)
        ? char
        : `%${'0123456789ABCDEF'[byte >> 4] ?? ''}${'0123456789ABCDEF'[byte & 15] ?? ''}`
      expect(uriEncodeBytes(Uint8Array.of(byte), false)).toBe(expected)
    }
  })

  it('encodes bytes below 0x10 with a leading zero', () => {
    expect(uriEncodeBytes(Uint8Array.of(0x00, 0x01, 0x09, 0x0a, 0x0f, 0x10), false)).toBe('%00%01%09%0A%0F%10')
  })

  it('keeps / only when asked', () => {
    expect(uriEncodeBytes(Buffer.from('/a/ b'), true)).toBe('/a/%20b')
    expect(uriEncodeBytes(Buffer.from('/a/ b'), false)).toBe('%2Fa%2F%20b')
  })

  it('is empty for no bytes', () => {
    expect(uriEncodeBytes(new Uint8Array(0), true)).toBe('')
  })
})

describe('uriEncode', () => {
  it('returns unreserved text unchanged', () => {
    expect(uriEncode(UNRESERVED)).toBe(UNRESERVED)
    expect(uriEncode('')).toBe('')
  })

  it.each([
    [' ', '%20'],
    ['*', '%2A'],
    ['/', '%2F'],
    ['%', '%25'],
    ['+', '%2B'],
    ['\n', '%0A'],
    ['\u0000', '%00'],
    ['a b', 'a%20b'],
    ['a/b', 'a%2Fb'],
    ['~user_name-1.0', '~user_name-1.0'],
    ['测试', '%E6%B5%8B%E8%AF%95'],
    ['😀', '%F0%9F%98%80'],
  ])('%j → %s', (value, expected) => {
    expect(uriEncode(value)).toBe(expected)
  })

  it('encodes a lone surrogate as U+FFFD, as it would go on the wire', () => {
    expect(uriEncode('a\uD800b')).toBe('a%EF%BF%BDb')
    expect(uriEncodeExceptSlash('/\uDC00')).toBe('/%EF%BF%BD')
  })

  it('equals the RFC 3986 reference for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (value) => {
        expect(uriEncode(value)).toBe(reference(value))
      }),
      { numRuns: 500 },
    )
  })

  it('equals the reference for any text mixing unreserved characters with one reserved one', () => {
    const unreserved = fc.string({ unit: fc.constantFrom(...UNRESERVED.split('')), maxLength: 6 })
    fc.assert(
      fc.property(
        unreserved,
        fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
        unreserved,
        (a, c, b) => {
          expect(uriEncode(a + c + b)).toBe(reference(a + c + b))
        },
      ),
    )
  })
})

describe('uriEncodeExceptSlash', () => {
  it.each([
    ['/v1/user', '/v1/user'],
    ['/', '/'],
    ['', ''],
    ['/a b/c', '/a%20b/c'],
    ['a/b*c', 'a/b%2Ac'],
    ['/用户/', '/%E7%94%A8%E6%88%B7/'],
    ['*', '%2A'],
    [' ', '%20'],
    ['é', '%C3%A9'],
  ])('%j → %s', (value, expected) => {
    expect(uriEncodeExceptSlash(value)).toBe(expected)
  })

  it('is uriEncode of each /-separated segment, for any text', () => {
    const segment = fc.string({ unit: 'binary', maxLength: 8 }).filter((s) => !s.includes('/'))
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), (segments) => {
        expect(uriEncodeExceptSlash(segments.join('/'))).toBe(segments.map(reference).join('/'))
      }),
      { numRuns: 300 },
    )
  })
})
