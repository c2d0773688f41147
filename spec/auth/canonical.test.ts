import fc from 'fast-check'
import { canonicalHeaders, canonicalQuery, canonicalUri, DEFAULT_HEADERS_TO_SIGN } from '../../lib/auth/canonical'

describe('canonicalUri', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['v1/user', '/v1/user'],
    ['/v1/user', '/v1/user'],
    ['/v1/user/a b', '/v1/user/a%20b'],
    ['v1/用户', '/v1/%E7%94%A8%E6%88%B7'],
    ['//double//', '//double//'],
    ['/a:b@c', '/a%3Ab%40c'],
  ])('%j → %j', (path, expected) => {
    expect(canonicalUri(path)).toBe(expected)
  })
})

describe('canonicalQuery', () => {
  it('is empty without a query and for an empty query', () => {
    expect(canonicalQuery(undefined)).toBe('')
    expect(canonicalQuery({})).toBe('')
  })

  it('signs null and undefined values as flags (key=), never as the text "null" or "undefined"', () => {
    expect(canonicalQuery({ marker: null })).toBe('marker=')
    expect(canonicalQuery({ marker: undefined })).toBe('marker=')
    expect(canonicalQuery({ b: undefined, a: null, c: '' })).toBe('a=&b=&c=')
  })

  it('signs numbers and booleans as their text', () => {
    expect(canonicalQuery({ maxItems: 0, flag: false, on: true })).toBe('flag=false&maxItems=0&on=true')
  })

  it('leaves out the authorization parameter in any case, and only that one', () => {
    expect(canonicalQuery({ authorization: 'x', Authorization: 'y', AUTHORIZATION: 'z', a: '1' })).toBe('a=1')
    expect(canonicalQuery({ authorizations: 'x', xauthorization: 'y' })).toBe('authorizations=x&xauthorization=y')
  })

  it('encodes keys and values and sorts the encoded pairs by code unit', () => {
    expect(canonicalQuery({ 'b c': 'd/e', a: 'x y', B: '1', _: '~' })).toBe('B=1&_=~&a=x%20y&b%20c=d%2Fe')
    // `%` (0x25) sorts before letters: the sort is on the encoded text, not the raw key.
    expect(canonicalQuery({ a: '1', é: '2' })).toBe('%C3%A9=2&a=1')
  })

  it('sorts by the whole pair, so a key that prefixes another comes first', () => {
    expect(canonicalQuery({ ab: '1', a: '2' })).toBe('a=2&ab=1')
  })
})

describe('canonicalHeaders', () => {
  it('signs the default headers and every x-bce-* header, lower-cased and sorted', () => {
    const { canonical, signedHeaders } = canonicalHeaders({
      'X-Bce-Date': '2024-05-01T10:20:30Z',
      Host: 'iam.bj.baidubce.com',
      'Content-Type': 'application/json',
      'Content-Length': 12,
      'Content-MD5': 'abc==',
      'User-Agent': 'sdk',
      Date: 'Wed, 01 May 2024 10:20:30 GMT',
      'x-bce-security-token': 'tok',
    })
    expect(signedHeaders).toEqual([
      'content-length',
      'content-md5',
      'content-type',
      'host',
      'x-bce-date',
      'x-bce-security-token',
    ])
    expect(canonical).toBe(
      [
        'content-length:12',
        'content-md5:abc%3D%3D',
        'content-type:application%2Fjson',
        'host:iam.bj.baidubce.com',
        'x-bce-date:2024-05-01T10%3A20%3A30Z',
        'x-bce-security-token:tok',
      ].join('\n'),
    )
  })

  it('the default list is host, content-length, content-type, content-md5', () => {
    expect([...DEFAULT_HEADERS_TO_SIGN].sort()).toEqual(['content-length', 'content-md5', 'content-type', 'host'])
  })

  it('never signs x-bce-request-id automatically, in any case or padding', () => {
    for (const name of ['x-bce-request-id', 'X-Bce-Request-Id', ' x-bce-request-id ']) {
      const result = canonicalHeaders({ [name]: 'rid-1', host: 'h' })
      expect(result.signedHeaders).toEqual(['host'])
      expect(result.canonical).toBe('host:h')
    }
  })

  it('signs x-bce-request-id when the caller names it', () => {
    expect(canonicalHeaders({ 'x-bce-request-id': 'rid-1' }, ['x-bce-request-id'])).toEqual({
      canonical: 'x-bce-request-id:rid-1',
      signedHeaders: ['x-bce-request-id'],
    })
  })

  it('skips undefined and empty (after trimming) values instead of signing "undefined"', () => {
    const result = canonicalHeaders({ host: undefined, 'x-bce-date': '  ', 'content-type': '', 'x-bce-a': 'v' })
    expect(result).toEqual({ canonical: 'x-bce-a:v', signedHeaders: ['x-bce-a'] })
    expect(canonicalHeaders({ host: undefined })).toEqual({ canonical: '', signedHeaders: [] })
  })

  it('signs the number 0 (Content-Length: 0)', () => {
    expect(canonicalHeaders({ 'content-length': 0 })).toEqual({
      canonical: 'content-length:0',
      signedHeaders: ['content-length'],
    })
  })

  it('trims names and values and encodes both', () => {
    expect(canonicalHeaders({ ' Host ': '  a b  ', 'x-bce-ü': 'é' })).toEqual({
      canonical: 'host:a%20b\nx-bce-%C3%BC:%C3%A9',
      signedHeaders: ['host', 'x-bce-ü'],
    })
  })

  it('only the x-bce- prefix is automatic: x-bce, x-bcex- and bce- headers are not', () => {
    expect(canonicalHeaders({ 'x-bce': '1', 'x-bcex-a': '2', 'bce-a': '3', 'x-bce-': '4' })).toEqual({
      canonical: 'x-bce-:4',
      signedHeaders: ['x-bce-'],
    })
  })

  it('a custom list replaces the default one, its names trimmed and lower-cased', () => {
    const headers = { Host: 'h', 'Content-Type': 't', Date: 'd', 'x-bce-date': 'x' }
    expect(canonicalHeaders(headers, [' DATE ', 'Content-Type'])).toEqual({
      canonical: 'content-type:t\ndate:d\nx-bce-date:x',
      signedHeaders: ['content-type', 'date', 'x-bce-date'],
    })
    expect(canonicalHeaders(headers, [])).toEqual({ canonical: 'x-bce-date:x', signedHeaders: ['x-bce-date'] })
  })

  it('a copy of the default list signs exactly what the default does', () => {
    const headers = { Host: 'h', 'Content-Type': 't', Date: 'd', 'x-bce-date': 'x', 'content-length': '3' }
    expect(canonicalHeaders(headers, [...DEFAULT_HEADERS_TO_SIGN])).toEqual(canonicalHeaders(headers))
  })

  it('lines are sorted as encoded text and names are sorted, for any header set', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,8}$/)
    fc.assert(
      fc.property(fc.dictionary(name, fc.string({ minLength: 1, maxLength: 5 })), (raw) => {
        const headers: Record<string, string> = {}
        for (const [k, v] of Object.entries(raw)) headers[`x-bce-${k.toLowerCase()}`] = v
        const { canonical, signedHeaders } = canonicalHeaders(headers)
        const lines = canonical === '' ? [] : canonical.split('\n')
        expect(lines).toEqual([...lines].sort())
        expect(signedHeaders).toEqual([...signedHeaders].sort())
        const kept = Object.entries(headers).filter(([, v]) => v.trim().length > 0)
        expect(signedHeaders).toEqual(kept.map(([k]) => k).sort())
      }),
    )
  })
})
