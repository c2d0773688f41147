import type * as t from 'io-ts'
import { bceDate } from './codecs'
import { BOOLEAN, DATE, DECODE, decoderOf, NUMBER, STRING, TEST, type Field, type Step } from './fast-field'
import { REJECTED, type FastDecode } from './fast-path'
import { arrayDecoder, exactDecoder, intersectionDecoder, recordDecoder } from './fast-record'
import { MapIssue, MappedInputType, MappedType } from './mapped'
import { StructType } from './struct'

/** The parts of an io-ts codec the deriver reads (io-ts's own classes carry them). */
interface Anatomy {
  readonly _tag?: unknown
  readonly is: (value: unknown) => boolean
  /** Inner codec of readonly, exact, array, readonlyArray. */
  readonly type?: t.Mixed
  /** Members of intersection, union. */
  readonly types?: readonly t.Mixed[]
  /** Fields of type, partial. */
  readonly props?: t.Props
}

const steps = new WeakMap<object, Step | null>()
const decoders = new WeakMap<object, FastDecode<unknown> | null>()

/**
 * The fast path of `codec`, derived from its structure and cached per codec; undefined when
 * some part of it is of a kind the deriver does not know (the codec alone then decodes).
 *
 * Understood: `t.string`, `t.number`, `t.boolean`, `t.null`, `t.literal`, `t.keyof`, unions of
 * those, {@link bceDate}, `t.type`, `t.partial`, `t.exact`, `t.intersection`, `t.array`,
 * `t.readonly`, `t.readonlyArray`, and this folder's {@link StructType}, {@link MappedType} and
 * {@link MappedInputType}. On a JSON value (what readers are given) the fast path returns exactly
 * what `codec.decode` would return on success, or REJECTED (the codec then decides, and builds
 * the issues); it never builds issues. Nothing is registered anywhere: a codec is walked the
 * first time a reader asks for it.
 */
export function fastPathOf<A>(codec: t.Decoder<unknown, A>): FastDecode<A> | undefined {
  let decoder = decoders.get(codec)
  if (decoder === undefined) {
    const step = stepOf(codec as unknown as t.Mixed)
    decoder = step === undefined ? null : decoderOf(step)
    decoders.set(codec, decoder)
  }
  return (decoder ?? undefined) as FastDecode<A> | undefined
}

function stepOf(codec: t.Mixed): Step | undefined {
  let step = steps.get(codec)
  if (step === undefined) {
    step = derive(codec) ?? null
    steps.set(codec, step)
  }
  return step ?? undefined
}

const noRun = (): unknown => REJECTED
const leaf = (op: typeof STRING | typeof BOOLEAN | typeof NUMBER | typeof DATE): Step => ({ op, run: noRun })
const test = (run: (value: unknown) => boolean): Step => ({ op: TEST, run })
const decode = (run: FastDecode<unknown>): Step => ({ op: DECODE, run })

function derive(codec: t.Mixed): Step | undefined {
  if (codec === bceDate) return leaf(DATE)
  if (codec instanceof StructType) return deriveStruct(codec as StructType<t.Props, t.Props>)
  if (codec instanceof MappedType) return deriveMapped(codec as MappedType<unknown, unknown>)
  if (codec instanceof MappedInputType) return deriveMappedInput(codec as MappedInputType<unknown>)
  const anatomy = codec as unknown as Anatomy
  switch (anatomy._tag) {
    case 'StringType':
      return leaf(STRING)
    case 'NumberType':
      return leaf(NUMBER)
    case 'BooleanType':
      return leaf(BOOLEAN)
    case 'NullType':
    case 'LiteralType':
    case 'KeyofType':
      return test(anatomy.is)
    case 'UnionType':
      return deriveUnion(anatomy.types ?? [])
    case 'ReadonlyType':
      return anatomy.type && stepOf(anatomy.type)
    case 'ArrayType':
    case 'ReadonlyArrayType': {
      const item = anatomy.type && stepOf(anatomy.type)
      return item && decode(arrayDecoder(item))
    }
    case 'InterfaceType':
      return deriveRecord(anatomy.props ?? {}, {}, false)
    case 'PartialType':
      return deriveRecord({}, anatomy.props ?? {}, false)
    case 'ExactType':
      return anatomy.type && deriveExact(anatomy.type)
    case 'IntersectionType':
      return deriveIntersection(anatomy.types ?? [])
    default:
      return undefined
  }
}

/** A union of leaves (strings, literals, …) accepts a value as itself when any member does. */
function deriveUnion(members: readonly t.Mixed[]): Step | undefined {
  for (const member of members) {
    const step = stepOf(member)
    if (step === undefined || step.op === DATE || step.op === DECODE) return undefined
  }
  return test((value) => members.some((member) => member.is(value)))
}

function deriveStruct(codec: StructType<t.Props, t.Props>): Step | undefined {
  return deriveRecord(codec.required, codec.optional, true)
}

/**
 * The fields of a record codec as steps; undefined when a field is of an unknown kind, or of a
 * kind that may accept `undefined` (the record walk skips absent fields, so it must not meet one).
 */
function fieldsOf(props: t.Props): Field[] | undefined {
  const fields: Field[] = []
  for (const key of Object.keys(props)) {
    const codec = props[key] as t.Mixed
    const step = mayAcceptUndefined(codec) ? undefined : stepOf(codec)
    if (step === undefined) return undefined
    fields.push({ key, op: step.op, run: step.run })
  }
  return fields
}

function deriveRecord(required: t.Props, optional: t.Props, struct: boolean): Step | undefined {
  // A key both required and optional is read twice by io-ts (the second time already decoded);
  // a key such as `constructor` is inherited by every record, which the own-key walk never sees.
  const keys = [...Object.keys(required), ...Object.keys(optional)]
  if (new Set(keys).size < keys.length || keys.some((key) => key in Object.prototype)) return undefined
  const requiredFields = fieldsOf(required)
  const optionalFields = fieldsOf(optional)
  if (requiredFields === undefined || optionalFields === undefined) return undefined
  return decode(recordDecoder(requiredFields, optionalFields, { nullIsAbsent: struct, plainOnly: !struct }))
}

function deriveExact(inner: t.Mixed): Step | undefined {
  const known = knownKeys(inner)
  const step = stepOf(inner)
  return known === undefined || step === undefined ? undefined : decode(exactDecoder(decoderOf(step), known))
}

/** The keys `t.exact` keeps for `codec` (io-ts reads them from type, partial, readonly and intersection). */
function knownKeys(codec: t.Mixed): Set<string> | undefined {
  const anatomy = codec as unknown as Anatomy
  switch (anatomy._tag) {
    case 'InterfaceType':
    case 'PartialType':
      return new Set(Object.keys(anatomy.props ?? {}))
    case 'ReadonlyType':
      return anatomy.type && knownKeys(anatomy.type)
    case 'IntersectionType': {
      const keys = new Set<string>()
      for (const member of anatomy.types ?? []) for (const key of knownKeys(member) ?? []) keys.add(key)
      return keys
    }
    default:
      return undefined
  }
}

function deriveIntersection(members: readonly t.Mixed[]): Step | undefined {
  const decoders: FastDecode<unknown>[] = []
  for (const member of members) {
    const step = stepOf(member)
    if (step === undefined) return undefined
    decoders.push(decoderOf(step))
  }
  return decode(intersectionDecoder(decoders))
}

function deriveMapped(codec: MappedType<unknown, unknown>): Step | undefined {
  const step = stepOf(codec.from)
  if (step === undefined) return undefined
  const inner = decoderOf(step)
  const map = codec.map
  return decode((value) => {
    const decoded = inner(value)
    if (decoded === REJECTED) return REJECTED
    const result = map(decoded)
    return result instanceof MapIssue ? REJECTED : result
  })
}

function deriveMappedInput(codec: MappedInputType<unknown>): Step | undefined {
  const step = stepOf(codec.to)
  if (step === undefined) return undefined
  const inner = decoderOf(step)
  const select = codec.select
  return decode((value) => inner(select(value)))
}

/** Whether `codec` might decode `undefined` (only an input mapping can: it may turn it into anything). */
function mayAcceptUndefined(codec: t.Mixed): boolean {
  if (codec instanceof MappedInputType) return true
  if (codec instanceof MappedType) return mayAcceptUndefined(codec.from as t.Mixed)
  const anatomy = codec as unknown as Anatomy
  if (anatomy._tag === 'ReadonlyType') return anatomy.type !== undefined && mayAcceptUndefined(anatomy.type)
  if (anatomy._tag === 'IntersectionType') return (anatomy.types ?? []).some(mayAcceptUndefined)
  return false
}
