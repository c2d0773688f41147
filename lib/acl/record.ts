/** A non-null, non-array object whose fields can be looked up by name. */
export type UnknownRecord = Readonly<Record<string, unknown>>

export { isRecord } from '../decode/is-record'

/**
 * The record's own field `key`, or undefined. Inherited properties are ignored, so a JSON field
 * named `__proto__` is read as data and `Object.prototype` members never pass for document fields.
 */
export function ownField(record: UnknownRecord, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
}

/**
 * `source[key]` for caller-built values (builders): inherited getters are honoured, but a
 * non-object source or a throwing getter yields undefined instead of an exception.
 */
export function readField(source: unknown, key: string): unknown {
  if (typeof source !== 'object' || source === null) return undefined
  try {
    return (source as UnknownRecord)[key]
  } catch {
    return undefined
  }
}
