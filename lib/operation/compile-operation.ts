import { uriEncode } from '../auth/uri-encode'
import type { FieldSpec, OperationSpec } from './operation'

/** One declared input field, with its wire name resolved. */
export interface CompiledField {
  readonly key: string
  readonly spec: FieldSpec
  /** The query parameter or body property it becomes. */
  readonly wire: string
}

/** What `prepareRequest` needs of an operation spec, worked out once per spec. */
export interface CompiledOperation {
  /** Every declared field, in declaration order (the order issues are reported in). */
  readonly fields: readonly CompiledField[]
  /** Indexes of the fields placed in the query, the body or the raw body, in declaration order. */
  readonly placed: readonly number[]
  /** The path template split at placeholders: literal, placeholder, literal, …, literal. */
  readonly pathParts: readonly string[]
  /** Per placeholder, the index of the path field it names (-1 for none: it becomes empty). */
  readonly pathSlots: readonly number[]
  /** Query flags, `UriEncode`d. */
  readonly flags: readonly string[]
  /** Whether the operation sends a JSON body (it has fields placed in the body). */
  readonly hasBodyFields: boolean
}

const compiled = new WeakMap<object, CompiledOperation>()

/** The compiled form of `spec`, computed on first use and cached for the life of the spec. */
export function compileOperation(spec: OperationSpec<unknown, unknown>): CompiledOperation {
  const cached = compiled.get(spec)
  if (cached !== undefined) return cached
  const fields: CompiledField[] = Object.keys(spec.fields).map((key) => {
    const fieldSpec = (spec.fields as Record<string, FieldSpec>)[key] as FieldSpec
    return { key, spec: fieldSpec, wire: fieldSpec.wire ?? key }
  })
  const pathParts = spec.path.split(/\{(\w+)\}/)
  const pathSlots: number[] = []
  for (let j = 1; j < pathParts.length; j += 2) {
    pathSlots.push(fields.findIndex((field) => field.key === pathParts[j] && field.spec.in === 'path'))
  }
  const result: CompiledOperation = {
    fields,
    placed: fields.flatMap((field, index) => (field.spec.in === 'path' ? [] : [index])),
    pathParts,
    pathSlots,
    flags: (spec.flags ?? []).map(uriEncode),
    hasBodyFields: fields.some((field) => field.spec.in === 'body'),
  }
  compiled.set(spec, result)
  return result
}
