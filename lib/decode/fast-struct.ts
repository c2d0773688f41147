import type * as t from 'io-ts'
import { parseBceDate } from './bce-date'
import { copyRecord, isRecord } from './fast-fields'
import { REJECTED, type FastDecode } from './fast-path'

const STRING = 0
const BOOLEAN = 1
const DATE = 2

/** One field of the table the fast path walks. */
interface Field {
  readonly key: string
  readonly kind: typeof STRING | typeof BOOLEAN | typeof DATE
}

/** The field table of io-ts props, or undefined when a prop is not a string, boolean or `date` codec. */
function fieldsOf(props: t.Props, date: t.Mixed): Field[] | undefined {
  const fields: Field[] = []
  for (const key of Object.keys(props)) {
    const codec = props[key] as t.Mixed & { readonly _tag?: string }
    if (codec === date) fields.push({ key, kind: DATE })
    else if (codec._tag === 'StringType') fields.push({ key, kind: STRING })
    else if (codec._tag === 'BooleanType') fields.push({ key, kind: BOOLEAN })
    else return undefined
  }
  return fields
}

/**
 * Checks `fields` of `record`; date fields are written, as `Date`s, into a shallow copy (as io-ts
 * does). Returns the copy, `record` itself when nothing changed, or REJECTED.
 */
function check(
  record: Record<string, unknown>,
  fields: readonly Field[],
  required: boolean,
  copy: Record<string, unknown> | undefined,
): Record<string, unknown> | typeof REJECTED {
  let out = copy
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i] as Field
    const value = record[field.key]
    if (value === undefined && !required) continue
    if (field.kind === STRING) {
      if (typeof value !== 'string') return REJECTED
    } else if (field.kind === BOOLEAN) {
      if (typeof value !== 'boolean') return REJECTED
    } else {
      if (typeof value !== 'string') return REJECTED
      const ms = parseBceDate(value)
      if (Number.isNaN(ms)) return REJECTED
      if (out === undefined) {
        const fresh = copyRecord(record)
        if (fresh === REJECTED) return REJECTED
        out = fresh
      }
      out[field.key] = new Date(ms)
    }
  }
  return out ?? record
}

/**
 * The fast path of `t.intersection([t.type(required), t.partial(optional)])` whose props are
 * strings, booleans and `date`; undefined when some prop is of another kind.
 */
export function fastStruct(required: t.Props, optional: t.Props, date: t.Mixed): FastDecode<object> | undefined {
  const requiredFields = fieldsOf(required, date)
  const optionalFields = fieldsOf(optional, date)
  if (requiredFields === undefined || optionalFields === undefined) return undefined
  return (value) => {
    if (!isRecord(value)) return REJECTED
    const afterRequired = check(value, requiredFields, true, undefined)
    if (afterRequired === REJECTED) return REJECTED
    return check(value, optionalFields, false, afterRequired === value ? undefined : afterRequired)
  }
}

/** The fast path of `t.partial(optional)` (same prop kinds as {@link fastStruct}). */
export function fastPartial(optional: t.Props, date: t.Mixed): FastDecode<object> | undefined {
  const fields = fieldsOf(optional, date)
  if (fields === undefined) return undefined
  return (value) => (isRecord(value) ? check(value, fields, false, undefined) : REJECTED)
}
