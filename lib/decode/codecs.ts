import * as t from 'io-ts'
import { parseBceDateSlow } from './bce-date'

/**
 * Decodes a BCE DateTime string into a `Date`; anything else (or an impossible date) fails.
 * This is the reference reading; derived fast paths read it with `parseBceDate`, which agrees with
 * it (see bce-date.ts).
 */
export const bceDate = new t.Type<Date, string, unknown>(
  'DateTime',
  (value): value is Date => value instanceof Date,
  (value, context) => {
    if (typeof value !== 'string') return t.failure(value, context)
    const ms = parseBceDateSlow(value)
    return Number.isNaN(ms) ? t.failure(value, context) : t.success(new Date(ms))
  },
  (date) => date.toISOString(),
)
