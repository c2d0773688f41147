import * as t from 'io-ts'
import { parseBceDateSlow } from './bce-date'
import { fastPartial, fastStruct } from './fast-struct'
import { withFastPath, type FastDecode } from './fast-path'

/**
 * Decodes a BCE DateTime string into a `Date`; anything else (or an impossible date) fails.
 * This is the reference reading; the fast path of {@link struct} agrees with it (see bce-date.ts).
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

/**
 * An object codec with required and optional fields (extra fields are kept, never rejected).
 * When every field is a string, boolean or {@link bceDate}, it also gets a fast path (see
 * fast-path.ts) that readers use first; the io-ts codec stays the reference and reports issues.
 */
export function struct<R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O,
): t.IntersectionC<[t.TypeC<R>, t.PartialC<O>]> {
  const codec = t.intersection([t.type(required), t.partial(optional)], name)
  const fast = fastStruct(required, optional, bceDate)
  return fast === undefined ? codec : withFastPath(codec, fast as FastDecode<t.TypeOf<typeof codec>>)
}

/** An object codec whose fields are all optional ({@link struct} without required fields), with the same fast path. */
export function partialStruct<O extends t.Props>(name: string, optional: O): t.PartialC<O> {
  const codec = t.partial(optional, name)
  const fast = fastPartial(optional, bceDate)
  return fast === undefined ? codec : withFastPath(codec, fast as FastDecode<t.TypeOf<typeof codec>>)
}
