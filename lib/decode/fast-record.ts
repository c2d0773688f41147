import { parseBceDate } from './bce-date'
import { BOOLEAN, DATE, runStep, STRING, type Field, type Step } from './fast-field'
import { REJECTED, type FastDecode } from './fast-path'
import { isRecord } from './is-record'
import { copyRecord } from './struct'

/**
 * Whether io-ts's record codecs (`t.type`, `t.partial`, `t.exact`, `t.intersection`) would handle
 * `value` exactly as the fast path does: a plain object (io-ts's `UnknownRecord`) without an own
 * `__proto__` key (io-ts copies by assignment, which treats that key unlike a spread copy).
 */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return (proto === Object.prototype || proto === null) && !Object.prototype.hasOwnProperty.call(value, '__proto__')
}

/** How a record fast path treats its input and its optional fields. */
export interface RecordRules {
  /** `null` in an optional field reads as absent (the key is dropped); otherwise the field's step judges it. */
  readonly nullIsAbsent: boolean
  /** Only plain records ({@link isPlainRecord}) are vouched for (io-ts's own record codecs); others are deferred. */
  readonly plainOnly: boolean
}

/** How many leading key positions a record walk remembers (bounds the memo of an odd, huge record). */
const MEMO_POSITIONS = 64

/** A declared field, as the record walk looks it up by key. */
interface Entry extends Step {
  readonly required: boolean
}

/**
 * The fast path of a record with `required` and `optional` fields (keys distinct, none inherited
 * by every object, such as `constructor`: the deriver checks both). It gives what the io-ts walk
 * (each required field, then each optional one, read and decoded in turn) gives on a JSON value,
 * but walks the value's keys instead (`for…in`), so each read is a cheap in-order load and
 * absent fields cost nothing: decoded field values that differ (dates) are
 * written into one shallow copy (the input itself is returned when nothing changed), undeclared
 * fields are kept, absent optional fields are skipped (no supported step accepts `undefined`),
 * and the value is rejected unless every required field was seen and accepted.
 */
export function recordDecoder(
  required: readonly Field[],
  optional: readonly Field[],
  rules: RecordRules,
): FastDecode<Record<string, unknown>> {
  const table = Object.create(null) as Record<string, Entry | undefined>
  for (const field of required) table[field.key] = { op: field.op, run: field.run, required: true }
  for (const field of optional) table[field.key] = { op: field.op, run: field.run, required: false }
  const requiredCount = required.length
  const nullIsAbsent = rules.nullIsAbsent
  const accepts: (value: unknown) => value is Record<string, unknown> = rules.plainOnly ? isPlainRecord : isRecord
  // The keys of the last record walked and their entries, by position: the records of a list
  // share their key order, so a key is looked up in the table only where it differs from the
  // last record's key at that position. A pure memo of `table`, so it is always consistent.
  const lastKeys: string[] = []
  const lastEntries: (Entry | undefined)[] = []
  return (value) => {
    if (!accepts(value)) return REJECTED
    let out: Record<string, unknown> | undefined
    let seen = 0
    let position = 0
    for (const key in value) {
      let entry: Entry | undefined
      if (lastKeys[position] === key) {
        entry = lastEntries[position]
      } else {
        entry = table[key]
        if (position < MEMO_POSITIONS) {
          lastKeys[position] = key
          lastEntries[position] = entry
        }
      }
      position += 1
      if (entry === undefined) continue
      const raw = value[key]
      if (entry.required) {
        seen += 1
      } else if (raw === undefined) {
        continue
      } else if (raw === null && nullIsAbsent) {
        out ??= copyRecord(value)
        Reflect.deleteProperty(out, key)
        continue
      }
      if (entry.op === STRING) {
        if (typeof raw !== 'string') return REJECTED
      } else if (entry.op === BOOLEAN) {
        if (typeof raw !== 'boolean') return REJECTED
      } else if (entry.op === DATE) {
        if (typeof raw !== 'string') return REJECTED
        const ms = parseBceDate(raw)
        if (ms !== ms) return REJECTED // NaN: not a BCE DateTime
        ;(out ??= copyRecord(value))[key] = new Date(ms)
      } else {
        const decoded = runStep(raw, entry)
        if (decoded === REJECTED) return REJECTED
        if (decoded !== raw) (out ??= copyRecord(value))[key] = decoded
      }
    }
    return seen === requiredCount ? (out ?? value) : REJECTED
  }
}

/** The fast path of `t.array(item)`: copy-on-write, like io-ts. */
export function arrayDecoder(item: Step): FastDecode<unknown[]> {
  return (value) => {
    if (!Array.isArray(value)) return REJECTED
    const list: unknown[] = value
    let out: unknown[] | undefined
    for (let i = 0; i < list.length; i += 1) {
      const raw = list[i]
      const decoded = runStep(raw, item)
      if (decoded === REJECTED) return REJECTED
      if (decoded !== raw) (out ??= list.slice())[i] = decoded
    }
    return out ?? list
  }
}

/**
 * The fast path of `t.intersection(members)`: every member decodes the same input, and the
 * results are merged as io-ts merges them: the input itself when no member changed it; the last
 * result when none is a record; otherwise a new record taking each member's keys in order, a
 * later member overriding an earlier one only where it differs from the input.
 */
export function intersectionDecoder(members: readonly FastDecode<unknown>[]): FastDecode<unknown> {
  return (value) => {
    if (isRecord(value) && !isPlainRecord(value)) return REJECTED
    const results: unknown[] = []
    let unchanged = true
    let anyRecord = false
    for (const member of members) {
      const result = member(value)
      if (result === REJECTED) return REJECTED
      if (result !== value) unchanged = false
      if (isRecord(result)) anyRecord = true
      results.push(result)
    }
    if (unchanged) return value
    if (!anyRecord) return results[results.length - 1]
    const base = isPlainRecord(value) ? value : undefined
    const merged: Record<string, unknown> = {}
    for (const result of results) {
      const source = result as Record<string, unknown>
      for (const key in source) {
        if (base === undefined || !Object.prototype.hasOwnProperty.call(merged, key) || source[key] !== base[key]) {
          merged[key] = source[key]
        }
      }
    }
    return merged
  }
}

/**
 * The fast path of `t.exact(codec)`: `inner` decodes, then keys outside `known` are stripped as
 * io-ts strips them (a new record only when something is stripped).
 */
export function exactDecoder(inner: FastDecode<unknown>, known: ReadonlySet<string>): FastDecode<unknown> {
  return (value) => {
    if (!isPlainRecord(value)) return REJECTED
    const decoded = inner(value)
    if (decoded === REJECTED || !isRecord(decoded)) return decoded
    const keys = Object.getOwnPropertyNames(decoded)
    if (keys.every((key) => known.has(key))) return decoded
    const kept: Record<string, unknown> = {}
    for (const key of keys) if (known.has(key)) kept[key] = decoded[key]
    return kept
  }
}
