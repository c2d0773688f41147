import { POLICY_DOCUMENT, TRUST_DOCUMENT } from '../../lib/acl/document-field'
import { defineOperation, type FieldSpec } from '../../lib/operation/operation'
import { prepareRequest } from '../../lib/operation/prepare'

const ignore = { kind: 'ignore', value: undefined } as const

/** What these test operations declare beyond their wire shape (irrelevant to preparing a request). */
const meta = {
  service: 'iam',
  summary: 'a test operation',
  docs: 'https://example.invalid/docs',
  status: 200,
  access: { permission: 'none', resource: '*' },
  errors: [],
} as const

/** An operation with one field of each kind, placed everywhere a field can go. */
const everything = defineOperation<Record<string, unknown>, void>()({
  ...meta,
  name: 'everything',
  method: 'POST',
  path: '/v1/thing/{thing}/sub/{other}',
  fields: {
    thing: { type: 'name', in: 'path', required: true, maxLength: 8 },
    other: { type: 'enum', in: 'path', values: ['x', 'y z'] },
    label: { type: 'string', in: 'body', minLength: 2, maxLength: 4 },
    password: { type: 'string', in: 'body', secret: true, minLength: 3, maxLength: 5 },
    open: { type: 'string', in: 'query', minLength: 1 },
    flag: { type: 'boolean', in: 'body', wire: 'isFlag' },
    count: { type: 'integer', in: 'query', min: 1, max: 10, wire: 'max-items' },
    anyCount: { type: 'integer', in: 'body' },
    kind: { type: 'enum', in: 'query', values: ['Custom', 'System'] },
    owner: { type: 'name', in: 'query' },
  } satisfies Record<string, FieldSpec>,
  flags: ['do it', 'a'],
  idempotent: false,
  reader: ignore,
})

const issuesOf = (input: unknown): unknown => prepareRequest(everything, input)._unsafeUnwrapErr()

describe('prepareRequest: input checks', () => {
  it.each([
    [null, 'null'],
    ['x', 'string(1 chars)'],
    [[], 'array(0)'],
    [7, 'number'],
  ])('an input that is not an object (%p) is one issue', (input, actual) => {
    expect(issuesOf(input)).toEqual([{ path: 'input', expected: 'object', actual }])
  })

  it('a missing required field is reported; optional ones may be absent', () => {
    expect(issuesOf({})).toEqual([{ path: 'input.thing', expected: 'a value (required)', actual: 'undefined' }])
    expect(prepareRequest(everything, { thing: 'a' }).isOk()).toBe(true)
  })

  it('every bad field is reported, in declaration order, with its expectation and shape', () => {
    expect(
      issuesOf({
        thing: 'a/b',
        other: 'w',
        label: 'x',
        password: 'toolongsecret',
        open: '',
        flag: 'yes',
        count: 11,
        anyCount: 1.5,
        kind: 'custom',
        owner: 5,
      }),
    ).toEqual([
      { path: 'input.thing', expected: 'a name that must not contain "/"', actual: 'string(3 chars)' },
      { path: 'input.other', expected: 'one of x, y z', actual: 'string(1 chars)' },
      { path: 'input.label', expected: 'string of 2 to 4 characters', actual: 'string(1 chars)' },
      { path: 'input.password', expected: 'string of 3 to 5 characters', actual: '13 characters' },
      { path: 'input.open', expected: 'string of at least 1 characters', actual: 'string(0 chars)' },
      { path: 'input.flag', expected: 'boolean', actual: 'string(3 chars)' },
      { path: 'input.count', expected: 'integer from 1 to 10', actual: 'number' },
      {
        path: 'input.anyCount',
        expected: `integer from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`,
        actual: 'number',
      },
      { path: 'input.kind', expected: 'one of Custom, System', actual: 'string(6 chars)' },
      { path: 'input.owner', expected: 'string (a name)', actual: 'number' },
    ])
  })

  it('names: too long for the field, empty, dot segments', () => {
    expect(issuesOf({ thing: 'abcdefghi' })).toEqual([
      { path: 'input.thing', expected: 'a name that must be at most 8 characters (got 9)', actual: 'string(9 chars)' },
    ])
    expect(issuesOf({ thing: '..' })).toEqual([
      { path: 'input.thing', expected: 'a name that must not be "." or ".."', actual: 'string(2 chars)' },
    ])
    expect(prepareRequest(everything, { thing: 'abcdefgh' }).isOk()).toBe(true)
  })

  it('a secret of the wrong type is described by its type only', () => {
    expect(issuesOf({ thing: 'a', password: 12345 })).toEqual([
      { path: 'input.password', expected: 'string', actual: 'number' },
    ])
    expect(issuesOf({ thing: 'a', label: 12 })).toEqual([{ path: 'input.label', expected: 'string', actual: 'number' }])
  })

  it('range edges are inclusive', () => {
    const ok = { thing: 'a', label: 'abcd', password: 'abc', count: 1, anyCount: Number.MAX_SAFE_INTEGER }
    expect(prepareRequest(everything, ok).isOk()).toBe(true)
    expect(prepareRequest(everything, { ...ok, label: 'ab', password: 'abcde', count: 10 }).isOk()).toBe(true)
    expect(issuesOf({ ...ok, count: 0 })).toHaveLength(1)
    expect(issuesOf({ ...ok, anyCount: Number.MAX_SAFE_INTEGER + 1 })).toHaveLength(1)
    expect(issuesOf({ ...ok, count: '5' })).toHaveLength(1)
  })
})

describe('prepareRequest: the request parts', () => {
  it('path segments, query (flags bare on the wire, signed as flag=; sorted when signed) and JSON body', () => {
    const prepared = prepareRequest(everything, {
      thing: 'a b',
      other: 'y z',
      label: 'hé',
      open: 'v/w',
      flag: false,
      count: 3,
      anyCount: 0,
      kind: 'System',
      owner: '测',
    })._unsafeUnwrap()
    expect(prepared.method).toBe('POST')
    expect(prepared.path).toBe('/v1/thing/a%20b/sub/y%20z')
    expect(prepared.search).toBe('?do%20it&a&open=v%2Fw&max-items=3&kind=System&owner=%E6%B5%8B')
    expect(prepared.canonicalQuery).toBe('a=&do%20it=&kind=System&max-items=3&open=v%2Fw&owner=%E6%B5%8B')
    expect(prepared.target).toBe(`${prepared.path}${prepared.search}`)
    expect(prepared.body?.toString('utf8')).toBe('{"label":"hé","isFlag":false,"anyCount":0}')
  })

  it('an absent optional path field leaves its segment empty', () => {
    expect(prepareRequest(everything, { thing: 'a' })._unsafeUnwrap().path).toBe('/v1/thing/a/sub/')
  })

  it('an operation with body fields but none given sends {}', () => {
    expect(prepareRequest(everything, { thing: 'a' })._unsafeUnwrap().body?.toString()).toBe('{}')
  })

  it('no query and no body fields: empty search and query, no body, target = path', () => {
    const get = defineOperation<{ name: string }, void>()({
      ...meta,
      name: 'get',
      method: 'GET',
      path: '/v1/x/{name}',
      fields: { name: { type: 'name', in: 'path', required: true } },
      idempotent: true,
      reader: ignore,
    })
    const prepared = prepareRequest(get, { name: 'n' })._unsafeUnwrap()
    expect(prepared).toStrictEqual({
      method: 'GET',
      path: '/v1/x/n',
      search: '',
      canonicalQuery: '',
      target: '/v1/x/n',
    })
    expect(prepared).not.toHaveProperty('body')
  })

  it('a query field left unset sends no query at all', () => {
    const list = defineOperation<{ filter?: string }, void>()({
      ...meta,
      name: 'list',
      method: 'GET',
      path: '/v1/x',
      fields: { filter: { type: 'string', in: 'query' } },
      idempotent: true,
      reader: ignore,
    })
    expect(prepareRequest(list, {})._unsafeUnwrap()).toMatchObject({ search: '', canonicalQuery: '', target: '/v1/x' })
    expect(prepareRequest(list, { filter: '' })._unsafeUnwrap()).toMatchObject({
      search: '?filter=',
      canonicalQuery: 'filter=',
      target: '/v1/x?filter=',
    })
  })
})

describe('prepareRequest: secret inputs', () => {
  it('secret string inputs are listed for scrubbing; other fields never are', () => {
    const withSecret = prepareRequest(everything, { thing: 'a', password: 'hunt3', label: 'abc', open: 'xyzw' })
    expect(withSecret._unsafeUnwrap().secrets).toStrictEqual(['hunt3'])
    const without = prepareRequest(everything, { thing: 'a', label: 'abc', open: 'xyzw' })._unsafeUnwrap()
    expect(without).not.toHaveProperty('secrets')
    expect(Object.keys(without)).toEqual(['method', 'path', 'search', 'canonicalQuery', 'target', 'body'])
  })

  it('a secret of the wrong shape is described by typeof only; other strings by their shape', () => {
    expect(issuesOf({ thing: 'a', password: ['p', 'q'], label: ['a', 'b'] })).toEqual([
      { path: 'input.label', expected: 'string', actual: 'array(2)' },
      { path: 'input.password', expected: 'string', actual: 'object' },
    ])
  })
})

describe('prepareRequest: documents', () => {
  const statement = { service: 'bce:bos', region: 'bj', permission: ['READ'], effect: 'Allow' }
  const inBody = defineOperation<{ document: unknown }, void>()({
    ...meta,
    name: 'inBody',
    method: 'POST',
    path: '/v1/p',
    fields: { document: { type: 'codec', in: 'body', codec: POLICY_DOCUMENT, required: true } },
    idempotent: false,
    reader: ignore,
  })
  const raw = defineOperation<{ document: unknown }, void>()({
    ...meta,
    name: 'raw',
    method: 'POST',
    path: '/v1/p',
    fields: { document: { type: 'codec', in: 'rawBody', codec: TRUST_DOCUMENT, required: true } },
    idempotent: false,
    reader: ignore,
  })

  it('an object is checked and serialised canonically; a string is checked and sent unchanged', () => {
    const object = { accessControlList: [{ resource: ['*'], ...statement, extra: 1 }] }
    expect(JSON.parse(prepareRequest(inBody, { document: object })._unsafeUnwrap().body?.toString() ?? '')).toEqual({
      document:
        '{"accessControlList":[{"service":"bce:bos","region":"bj","resource":["*"],"permission":["READ"],"effect":"Allow"}]}',
    })
    const text = ` {"accessControlList":[${JSON.stringify(statement)}]} `
    expect(prepareRequest(raw, { document: text })._unsafeUnwrap().body?.toString()).toBe(text)
  })

  it('document issues are placed under the field; a root issue is the field itself', () => {
    expect(prepareRequest(inBody, { document: { accessControlList: [statement] } })._unsafeUnwrapErr()).toEqual([
      {
        path: 'input.document.accessControlList.0.resource',
        expected: 'non-empty array of non-empty strings',
        actual: 'undefined',
      },
    ])
    expect(prepareRequest(raw, { document: '{' })._unsafeUnwrapErr()).toEqual([
      { path: 'input.document', expected: 'JSON text of an ACL document', actual: 'string(1 chars)' },
    ])
    for (const document of [[statement], 7, true])
      expect(prepareRequest(raw, { document })._unsafeUnwrapErr()).toEqual([
        {
          path: 'input.document',
          expected: 'ACL document: an object or a JSON string',
          actual: Array.isArray(document) ? 'array(1)' : typeof document,
        },
      ])
  })

  it('requireResource follows the field: a trust document may omit resources', () => {
    expect(prepareRequest(raw, { document: { accessControlList: [statement] } }).isOk()).toBe(true)
  })
})
