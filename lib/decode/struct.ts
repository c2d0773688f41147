import * as t from 'io-ts'
import { isRecord } from './is-record'

/** What a {@link struct} decodes to: the required fields, and the optional ones that were present and not null. */
export type StructOf<R extends t.Props, O extends t.Props> = t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>

/**
 * The shallow copy a struct makes before it writes a decoded field (a `Date` for a date string)
 * or drops a `null` optional field. Both the io-ts path and the derived fast path use it, so
 * they copy alike (own `__proto__` keys included).
 */
export function copyRecord(record: Record<string, unknown>): Record<string, unknown> {
  return { ...record }
}

/**
 * An object codec with required and optional fields, tolerant the way the official SDKs are:
 * an optional field that is absent OR `null` is read as absent (the key is left out of the
 * decoded value); a required field must be present, not null, and of its type. Fields not
 * declared are kept as they are, never rejected. The fast path readers use is derived from
 * `required` and `optional` (lib/decode/derive.ts).
 */
export class StructType<R extends t.Props, O extends t.Props> extends t.Type<StructOf<R, O>, unknown> {
  /** Tag the fast-path deriver recognises. */
  readonly _tag = 'StructType' as const

  constructor(
    name: string,
    /** Fields that must be present, not null, and valid. */
    readonly required: R,
    /** Fields that may be absent or null (both read as absent); when present, they must be valid. */
    readonly optional: O,
  ) {
    super(
      name,
      (value): value is StructOf<R, O> => isStruct(value, required, optional),
      (value, context) => validateStruct(value, context, required, optional) as t.Validation<StructOf<R, O>>,
      (value) => encodeStruct(value, required, optional),
    )
  }
}

function isStruct(value: unknown, required: t.Props, optional: t.Props): boolean {
  if (!isRecord(value)) return false
  for (const key of Object.keys(required)) if (!(required[key] as t.Mixed).is(value[key])) return false
  for (const key of Object.keys(optional)) {
    const field = value[key]
    if (field !== undefined && !(optional[key] as t.Mixed).is(field)) return false
  }
  return true
}

function validateStruct(
  value: unknown,
  context: t.Context,
  required: t.Props,
  optional: t.Props,
): t.Validation<Record<string, unknown>> {
  if (!isRecord(value)) return t.failure(value, context)
  let out = value
  const errors: t.ValidationError[] = []
  const visit = (key: string, codec: t.Mixed): void => {
    const field = out[key]
    const decoded = codec.validate(field, t.appendContext(context, key, codec, field))
    if (decoded._tag === 'Left') {
      errors.push(...decoded.left)
    } else if (decoded.right !== field) {
      if (out === value) out = copyRecord(value)
      out[key] = decoded.right
    }
  }
  for (const key of Object.keys(required)) visit(key, required[key] as t.Mixed)
  for (const key of Object.keys(optional)) {
    const field = out[key]
    if (field === undefined) continue
    if (field === null) {
      if (out === value) out = copyRecord(value)
      Reflect.deleteProperty(out, key)
      continue
    }
    visit(key, optional[key] as t.Mixed)
  }
  return errors.length > 0 ? t.failures(errors) : t.success(out)
}

function encodeStruct(value: object, required: t.Props, optional: t.Props): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value }
  for (const props of [required, optional]) {
    for (const key of Object.keys(props)) {
      if (out[key] !== undefined) out[key] = (props[key] as t.Mixed).encode(out[key])
    }
  }
  return out
}

/** A {@link StructType} with `required` and `optional` fields. */
export function struct<R extends t.Props, O extends t.Props>(name: string, required: R, optional: O): StructType<R, O> {
  return new StructType(name, required, optional)
}

/** A {@link StructType} whose fields are all optional (absent or null reads as absent). */
// eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- no required fields, by design
export function partialStruct<O extends t.Props>(name: string, optional: O): StructType<Record<never, never>, O> {
  return new StructType(name, {}, optional)
}
