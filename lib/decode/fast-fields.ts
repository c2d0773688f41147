import { parseBceDate } from './bce-date'
import { REJECTED } from './fast-path'
import { isRecord } from './is-record'

export { isRecord }

/** An optional `t.string` field: absent (undefined) or a string. */
export function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string'
}

/** An optional `t.boolean` field: absent (undefined) or a boolean. */
export function isOptionalBoolean(value: unknown): boolean {
  return value === undefined || typeof value === 'boolean'
}

/** An optional `bceDate` field as epoch ms: undefined when absent, NaN when not a BCE DateTime. */
export function optionalDateMs(value: unknown): number | undefined {
  if (value === undefined) return undefined
  return typeof value === 'string' ? parseBceDate(value) : Number.NaN
}

/**
 * The shallow copy io-ts makes before it writes decoded fields (such as `Date`s). io-ts copies
 * by assignment, which treats an own `__proto__` key differently from a spread, so such a record
 * is left to io-ts (REJECTED).
 */
export function copyRecord(record: Record<string, unknown>): Record<string, unknown> | typeof REJECTED {
  return Object.prototype.hasOwnProperty.call(record, '__proto__') ? REJECTED : { ...record }
}
