/** ISO-8601 date-time as BCE sends it (`2019-06-06T03:42:13Z`; fractions and offsets accepted). */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

/**
 * The reference reading of a BCE DateTime: the ISO pattern, a day that exists in its month (the
 * platform's `Date.parse` would roll `2023-02-30` over to March 2), then `Date.parse`; NaN when
 * unreadable.
 */
export function parseBceDateSlow(value: string): number {
  if (!ISO_DATE_TIME.test(value)) return Number.NaN
  const year = Number(value.slice(0, 4))
  const month = Number(value.slice(5, 7))
  const day = Number(value.slice(8, 10))
  return day > daysInMonth(year, month) ? Number.NaN : Date.parse(value)
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date of a year from 1 on (Hinnant's
 * days_from_civil; month 1-12). Integer division by truncation is exact here: every dividend is
 * non-negative.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = (y / 400) | 0
  const yearOfEra = y - era * 400
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1
  const dayOfEra = yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** The digit at `at` of `text` (0-9), or a number outside 0-9 (as an unsigned value: > 9) when it is not one. */
function digit(text: string, at: number): number {
  return (text.charCodeAt(at) - 0x30) >>> 0
}

/**
 * Epoch ms of a BCE DateTime string, NaN when it is not one. The shape BCE sends,
 * `YYYY-MM-DDTHH:mm:ssZ` with in-range fields, is read by position; anything else (fractions,
 * offsets, `24:00`, days the month does not have, years before 100) goes through
 * {@link parseBceDateSlow}, so the answer is always the reference one.
 */
export function parseBceDate(value: string): number {
  if (
    value.length === 20 &&
    value.charCodeAt(4) === 0x2d &&
    value.charCodeAt(7) === 0x2d &&
    value.charCodeAt(10) === 0x54 &&
    value.charCodeAt(13) === 0x3a &&
    value.charCodeAt(16) === 0x3a &&
    value.charCodeAt(19) === 0x5a
  ) {
    const y0 = digit(value, 0)
    const y1 = digit(value, 1)
    const y2 = digit(value, 2)
    const y3 = digit(value, 3)
    const mo0 = digit(value, 5)
    const mo1 = digit(value, 6)
    const d0 = digit(value, 8)
    const d1 = digit(value, 9)
    const h0 = digit(value, 11)
    const h1 = digit(value, 12)
    const mi0 = digit(value, 14)
    const mi1 = digit(value, 15)
    const s0 = digit(value, 17)
    const s1 = digit(value, 18)
    if (
      y0 <= 9 &&
      y1 <= 9 &&
      y2 <= 9 &&
      y3 <= 9 &&
      mo0 <= 9 &&
      mo1 <= 9 &&
      d0 <= 9 &&
      d1 <= 9 &&
      h0 <= 9 &&
      h1 <= 9 &&
      mi0 <= 9 &&
      mi1 <= 9 &&
      s0 <= 9 &&
      s1 <= 9
    ) {
      const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
      const month = mo0 * 10 + mo1
      const day = d0 * 10 + d1
      const hour = h0 * 10 + h1
      const minute = mi0 * 10 + mi1
      const second = s0 * 10 + s1
      if (
        year >= 100 &&
        month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= daysInMonth(year, month) &&
        hour <= 23 &&
        minute <= 59 &&
        second <= 59
      ) {
        return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000
      }
    }
  }
  return parseBceDateSlow(value)
}
