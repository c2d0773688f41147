import * as t from 'io-ts'

/** ISO-8601 date-time as BCE sends it (`2019-06-06T03:42:13Z`; fractions and offsets accepted). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

/** Decodes a BCE DateTime string into a `Date`; anything else (or an impossible date) fails. */
export const bceDate = new t.Type<Date, string, unknown>(
  'DateTime',
  (value): value is Date => value instanceof Date,
  (value, context) => {
    if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return t.failure(value, context)
    const ms = Date.parse(value)
    return Number.isNaN(ms) ? t.failure(value, context) : t.success(new Date(ms))
  },
  (date) => date.toISOString(),
)

/** An object codec with required and optional fields (extra fields are kept, never rejected). */
export function struct<R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O,
): t.IntersectionC<[t.TypeC<R>, t.PartialC<O>]> {
  return t.intersection([t.type(required), t.partial(optional)], name)
}
