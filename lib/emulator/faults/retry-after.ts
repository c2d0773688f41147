import { err, ok, type Result } from 'neverthrow'

/** Longest delta-seconds `Retry-After` value a fault may carry (ten digits: beyond 300 years). */
const MAX_DELTA_DIGITS = 10

const DELTA_SECONDS = new RegExp(`^[0-9]{1,${MAX_DELTA_DIGITS}}$`)

/** An IMF-fixdate (RFC 9110 §5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. */
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/

/**
 * `value` as a `Retry-After` header value, or why it cannot be sent as one. Only the two forms of
 * RFC 9110 §10.2.3 that a server generates are accepted: delta-seconds (1–10 digits) or an
 * HTTP-date in IMF-fixdate form naming a real moment (weekday and day must agree, so
 * `Mon, 31 Feb 2025 …` is refused). Anything else (CR/LF, other control or non-Latin-1
 * characters, signs, fractions, other date formats) would make an invalid header.
 */
export function checkRetryAfter(value: string): Result<string, string> {
  if (DELTA_SECONDS.test(value)) return ok(value)
  if (IMF_FIXDATE.test(value) && new Date(Date.parse(value)).toUTCString() === value) return ok(value)
  return err('retryAfter must be delta-seconds (e.g. "2") or an HTTP-date (e.g. "Sun, 06 Nov 1994 08:49:37 GMT")')
}
