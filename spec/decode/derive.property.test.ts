import fc from 'fast-check'
import { isLeft } from 'fp-ts/Either'
import * as t from 'io-ts'
import { bceDate } from '../../lib/decode/codecs'
import { fastPathOf } from '../../lib/decode/derive'
import { REJECTED } from '../../lib/decode/fast-path'
import { MapIssue, mapped, mappedInput } from '../../lib/decode/mapped'
import { codecReader } from '../../lib/decode/reader'
import { struct } from '../../lib/decode/struct'
import { asJson, near } from './arbitraries'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

const item = struct('Item', { k: t.string }, { at: bceDate, n: t.number })

/** Codecs of every kind the deriver knows, with one value each that the codec accepts. */
const SAMPLES: ReadonlyArray<{ name: string; codec: t.Mixed; valid: unknown }> = [
  {
    name: 'type of leaves',
    codec: t.type({
      s: t.string,
      n: t.number,
      b: t.boolean,
      z: t.null,
      l: t.literal('x'),
      k: t.keyof({ red: null, green: null }),
      u: t.union([t.literal(1), t.literal('one'), t.null]),
    }),
    valid: { s: 'a', n: 1.5, b: false, z: null, l: 'x', k: 'red', u: 'one' },
  },
  {
    name: 'partial with a date and an array',
    codec: t.partial({ s: t.string, d: bceDate, a: t.array(t.string) }),
    valid: { d: '2020-01-02T03:04:05Z', a: ['x'] },
  },
  {
    name: 'exact intersection',
    codec: t.exact(t.intersection([t.type({ id: t.string }), t.partial({ at: bceDate })])),
    valid: { id: 'i', at: '2020-01-02T03:04:05Z', dropped: 1 },
  },
  {
    name: 'intersection with dates on both sides',
    codec: t.intersection([t.type({ id: t.string, at: bceDate }), t.partial({ note: t.string, at2: bceDate })]),
    valid: { id: 'i', at: '2020-01-02T03:04:05Z', at2: '2021-01-02T03:04:05Z', other: true },
  },
  {
    name: 'readonly type of a readonly array of dates',
    codec: t.readonly(t.type({ xs: t.readonlyArray(bceDate) })),
    valid: { xs: ['2020-01-02T03:04:05Z'] },
  },
  { name: 'array of dates', codec: t.array(bceDate), valid: ['2020-01-02T03:04:05Z', '2021-01-02T03:04:05Z'] },
  {
    name: 'nested structs',
    codec: struct(
      'Outer',
      { id: t.string },
      { inner: struct('Inner', { n: t.number }, { at: bceDate, tag: t.string }), list: t.array(item) },
    ),
    valid: { id: 'o', inner: { n: 1, at: null, tag: 'x' }, list: [{ k: 'a', at: '2020-01-02T03:04:05Z', n: null }] },
  },
  {
    name: 'mapped struct',
    codec: mapped('Tagged', item, (decoded) => (decoded.k === 'bad' ? new MapIssue('k', 'not bad') : { ...decoded })),
    valid: { k: 'good', at: '2020-01-02T03:04:05Z' },
  },
  {
    name: 'mappedInput struct',
    codec: mappedInput('Wrapped', (value) => (isObject(value) && isObject(value.wrap) ? value.wrap : value), item),
    valid: { wrap: { k: 'a' } },
  },
  { name: 'exact partial', codec: t.exact(t.partial({ a: t.string })), valid: { a: 'x', b: 'y' } },
]

/** Key order and types, recursively (toStrictEqual does not compare key order). */
function layout(value: unknown): unknown {
  if (value instanceof Date) return 'Date'
  if (Array.isArray(value)) return value.map(layout)
  if (isObject(value)) return Object.keys(value).map((key) => [key, layout(value[key])])
  return typeof value
}

function hasOwnProtoDeep(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasOwnProtoDeep)
  if (!isObject(value)) return false
  return Object.prototype.hasOwnProperty.call(value, '__proto__') || Object.values(value).some(hasOwnProtoDeep)
}

function expectAgreement(codec: t.Mixed, input: unknown): void {
  const fast = fastPathOf(codec)
  if (fast === undefined) throw new Error(`${codec.name}: no derived fast path`)
  const fastResult = fast(input)
  const reference = codec.decode(input)
  if (fastResult === REJECTED) {
    // Deferring is always allowed; for these kinds it happens only when io-ts rejects (or copies
    // a record with an own __proto__ key in its own way).
    if (!hasOwnProtoDeep(input)) expect(isLeft(reference)).toBe(true)
    return
  }
  if (isLeft(reference))
    throw new Error(`${codec.name}: fast path accepted what io-ts rejects: ${JSON.stringify(input)}`)
  expect(fastResult).toStrictEqual(reference.right)
  expect(layout(fastResult)).toEqual(layout(reference.right))
}

describe('the fast path derived from a codec agrees with the codec', () => {
  it.each(SAMPLES.map((s) => [s.name, s] as const))('%s: on JSON values around its shape', (_name, sample) => {
    fc.assert(
      fc.property(near(sample.codec), (value) => expectAgreement(sample.codec, asJson(value))),
      { numRuns: 400 },
    )
  })

  it.each(SAMPLES.map((s) => [s.name, s] as const))('%s: vouches for a valid value', (_name, sample) => {
    expect(isLeft(sample.codec.decode(sample.valid))).toBe(false)
    expect(fastPathOf(sample.codec)?.(sample.valid)).not.toBe(REJECTED)
    expectAgreement(sample.codec, sample.valid)
  })

  it('reads null in a nested struct optional as absent, and fails a mapping issue at its key', () => {
    const outer = SAMPLES.find((s) => s.name === 'nested structs')?.codec as t.Mixed
    const decoded = fastPathOf(outer)?.({ id: 'o', inner: { n: 1, at: null }, list: null })
    expect(decoded).toStrictEqual({ id: 'o', inner: { n: 1 } })
    const tagged = SAMPLES.find((s) => s.name === 'mapped struct')?.codec as t.Mixed
    expect(fastPathOf(tagged)?.({ k: 'bad' })).toBe(REJECTED)
    const reader = codecReader(tagged)
    if (reader.kind !== 'json') throw new Error('json reader expected')
    expect(reader.read({ k: 'bad' })._unsafeUnwrapErr()).toEqual([
      { path: 'k', expected: 'not bad', actual: 'string(3 chars)' },
    ])
  })

  it('a wrong field inside nested structs fails with its full path', () => {
    const outer = SAMPLES.find((s) => s.name === 'nested structs')?.codec as t.Mixed
    const reader = codecReader(outer)
    if (reader.kind !== 'json') throw new Error('json reader expected')
    expect(reader.read({ id: 'o', inner: { n: 'x' }, list: [{ k: 'a' }, { k: 1 }] })._unsafeUnwrapErr()).toEqual([
      { path: 'inner.n', expected: 'number', actual: 'string(1 chars)' },
      { path: 'list.1.k', expected: 'string', actual: 'number' },
    ])
  })

  it('is derived once per codec (cached, no registration)', () => {
    const codec = struct('Once', { id: t.string }, {})
    expect(fastPathOf(codec)).toBe(fastPathOf(codec))
  })
})

describe('codecs of kinds the deriver does not know have no fast path, and readers still decode them', () => {
  const unknownKinds: ReadonlyArray<[string, t.Mixed, unknown]> = [
    ['a refinement (t.Int)', t.Int, 3],
    ['a recursive codec', t.recursion('Tree', () => t.type({ children: t.array(t.unknown) })), { children: [] }],
    ['a union of records', t.union([t.type({ a: t.string }), t.type({ b: t.string })]), { b: 'x' }],
    ['a struct holding a refinement', struct('WithInt', { n: t.Int }, {}), { n: 2 }],
    ['a partial of an input mapping', t.partial({ m: mappedInput('M', (v) => v ?? 'default', t.string) }), {}],
    ['a key both required and optional', struct('Twice', { at: bceDate }, { at: bceDate }), undefined],
    ['a field every object inherits', t.partial({ constructor: t.string }), {}],
    ['a struct field every object inherits', struct('Inherits', {}, { toString: t.string }), { toString: 'x' }],
  ]

  it.each(unknownKinds)('%s', (_name, codec, value) => {
    expect(fastPathOf(codec)).toBeUndefined()
    const reader = codecReader(codec)
    if (reader.kind !== 'json') throw new Error('json reader expected')
    const decoded = codec.decode(value)
    const read = reader.read(value)
    expect(read.isOk()).toBe(!isLeft(decoded))
    if (!isLeft(decoded)) expect(read._unsafeUnwrap()).toStrictEqual(decoded.right)
  })
})

describe('the record walk remembers key positions between records, never their values', () => {
  const codec = struct('Keyed', { id: t.string, name: t.string }, { at: bceDate, note: t.string, on: t.boolean })
  const entries = fc
    .tuple(
      fc.string({ maxLength: 3 }),
      fc.string({ maxLength: 3 }),
      fc.option(fc.constantFrom('2020-01-02T03:04:05Z', 'nope', null), { nil: undefined }),
      fc.option(fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null), fc.integer()), { nil: undefined }),
      fc.option(fc.oneof(fc.boolean(), fc.constant(null)), { nil: undefined }),
      fc.dictionary(fc.constantFrom('x', 'y', 'id2'), fc.jsonValue({ maxDepth: 0 }), { maxKeys: 2 }),
    )
    .chain(([id, name, at, note, on, extra]) => {
      const pairs = Object.entries({ ...extra, id, name, at, note, on }).filter(([, v]) => v !== undefined)
      return fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length })
    })
    .map((pairs) => asJson(Object.fromEntries(pairs)))

  it('records of one list in different key orders decode as io-ts decodes each', () => {
    const fast = fastPathOf(codec)
    if (fast === undefined) throw new Error('no fast path')
    fc.assert(
      fc.property(fc.array(entries, { minLength: 2, maxLength: 6 }), (records) => {
        for (const record of records) expectAgreement(codec, record)
      }),
      { numRuns: 300 },
    )
  })

  it('a record with many keys decodes, and so does the next one', () => {
    const wide: Record<string, unknown> = {}
    for (let i = 0; i < 100; i += 1) wide[`k${i}`] = i
    expectAgreement(codec, { ...wide, id: 'a', name: 'b', at: '2020-01-02T03:04:05Z' })
    expectAgreement(codec, { name: 'b', at: '2020-01-02T03:04:05Z', id: 'a', ...wide })
    expectAgreement(codec, { at: null, id: 'a', name: 'b' })
  })
})
