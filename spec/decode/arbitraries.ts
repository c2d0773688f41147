/**
 * Test-side arbitraries for decoding properties: DateTime-like strings, and JSON values "around"
 * an io-ts codec (mostly of its shape, with nulls, extra fields, wrong types and missing fields).
 * The codec walk here is written independently of lib/decode/derive.ts.
 */
import fc from 'fast-check'
import type * as t from 'io-ts'
import { bceDate } from '../../lib/decode/codecs'

/** DateTime strings: the BCE shape, its near misses, and the other ISO forms the codec accepts. */
export const dateLike: fc.Arbitrary<string> = fc.oneof(
  fc
    .date({ min: new Date(-62_000_000_000_000), max: new Date(253_402_300_799_000), noInvalidDate: true })
    .map((d) => `${d.toISOString().slice(0, 19)}Z`),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.integer({ min: 0, max: 61 }),
    )
    .map(([y, mo, d, h, mi, s]) => {
      const p = (n: number, w = 2): string => String(n).padStart(w, '0')
      return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}Z`
    }),
  fc
    .tuple(
      fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4_000_000_000_000) }),
      fc.constantFrom('.5Z', '.250+08:00', '+0800', '-03:30', 'z', 'Z ', ''),
    )
    .map(([d, tail]) => `${d.toISOString().slice(0, 19)}${tail}`),
  fc
    .tuple(
      fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4_000_000_000_000) }),
      fc.nat(19),
      fc.string({ minLength: 1, maxLength: 1 }),
    )
    .map(([d, at, c]) => {
      const text = `${d.toISOString().slice(0, 19)}Z`
      return `${text.slice(0, at)}${c}${text.slice(at + 1)}`
    }),
  fc.string(),
)

/** The parts of io-ts (and lib/decode) codecs this walk reads. */
interface Anatomy {
  readonly _tag?: string
  readonly type?: t.Mixed
  readonly types?: readonly t.Mixed[]
  readonly props?: t.Props
  readonly value?: unknown
  readonly keys?: Record<string, unknown>
  readonly required?: t.Props
  readonly optional?: t.Props
  readonly from?: t.Mixed
  readonly to?: t.Mixed
}

const extras = fc.dictionary(fc.constantFrom('extra', 'x', 'id2', 'note'), fc.jsonValue({ maxDepth: 1 }), {
  maxKeys: 2,
})

function record(props: t.Props): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {}
  for (const key of Object.keys(props)) fields[key] = near(props[key] as t.Mixed)
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), extras).map(([shape, extra]) => ({ ...extra, ...shape }))
}

/** Values of the codec's shape, without noise at this level. */
function shaped(codec: t.Mixed): fc.Arbitrary<unknown> {
  if (codec === bceDate) return dateLike
  const a = codec as unknown as Anatomy
  switch (a._tag) {
    case 'StringType':
      return fc.string({ maxLength: 6 })
    case 'NumberType':
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
    case 'BooleanType':
      return fc.boolean()
    case 'NullType':
      return fc.constant(null)
    case 'LiteralType':
      return fc.constant(a.value)
    case 'KeyofType':
      return fc.constantFrom(...Object.keys(a.keys ?? {}), 'not-a-key')
    case 'UnionType':
      return fc.oneof(...(a.types ?? []).map(near))
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return fc.array(near(a.type as t.Mixed), { maxLength: 4 })
    case 'ReadonlyType':
    case 'ExactType':
      return shaped(a.type as t.Mixed)
    case 'InterfaceType':
    case 'PartialType':
      return record(a.props ?? {})
    case 'StructType':
      return record({ ...a.required, ...a.optional })
    case 'IntersectionType':
      return fc
        .tuple(...(a.types ?? []).map(shaped))
        .map((parts) => Object.assign({}, ...parts.map((p) => (typeof p === 'object' && p !== null ? p : {}))))
    case 'MappedType':
      return shaped(a.from as t.Mixed)
    case 'MappedInputType':
      return fc.oneof(
        shaped(a.to as t.Mixed),
        shaped(a.to as t.Mixed).map((inner) => ({ wrap: inner })),
      )
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** JSON values around `codec`: mostly its shape, sometimes null or any JSON value instead. */
export function near(codec: t.Mixed): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: shaped(codec) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
  )
}

/** `value` as JSON.parse would give it back (what readers are handed). */
export function asJson(value: unknown): unknown {
  const text = JSON.stringify(value)
  return text === undefined ? undefined : (JSON.parse(text) as unknown)
}
