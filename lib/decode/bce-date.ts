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

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil; month 1-12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** The two-digit number at `at`, or -1 when either character is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 0x30
  const ones = text.charCodeAt(at + 1) - 0x30
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1
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
    const century = twoDigits(value, 0)
    const yearInCentury = twoDigits(value, 2)
    const month = twoDigits(value, 5)
    const day = twoDigits(value, 8)
    const hour = twoDigits(value, 11)
    const minute = twoDigits(value, 14)
    const second = twoDigits(value, 17)
    const year = century * 100 + yearInCentury
    if (
      century >= 1 &&
      yearInCentury >= 0 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= daysInMonth(year, month) &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59
    ) {
      return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000
    }
  }
  return parseBceDateSlow(value)
}
