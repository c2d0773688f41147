import fc from 'fast-check'
import { ISO_DATE_TIME, parseBceDate, parseBceDateSlow } from '../../lib/decode/bce-date'

/** Epoch ms of a UTC calendar instant, for any year from 0 (Date.UTC maps years below 100 to 19xx). */
const utc = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number => {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms))
  date.setUTCFullYear(year)
  return date.getTime()
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

describe('parseBceDate', () => {
  it.each([
    ['2019-06-06T03:42:13Z', utc(2019, 6, 6, 3, 42, 13)],
    ['1970-01-01T00:00:00Z', 0],
    ['1969-12-31T23:59:59Z', -1000],
    ['2024-02-29T23:59:59Z', utc(2024, 2, 29, 23, 59, 59)],
    ['2000-02-29T00:00:00Z', utc(2000, 2, 29)],
    ['2023-12-31T23:59:59Z', utc(2023, 12, 31, 23, 59, 59)],
    ['2023-01-01T00:00:00Z', utc(2023, 1, 1)],
    ['2023-04-30T12:00:00Z', utc(2023, 4, 30, 12)],
    ['2023-03-31T00:00:00Z', utc(2023, 3, 31)],
    ['0100-01-01T00:00:00Z', utc(100, 1, 1)],
    ['9999-12-31T23:59:59Z', utc(9999, 12, 31, 23, 59, 59)],
    ['0099-12-31T23:59:59Z', utc(99, 12, 31, 23, 59, 59)],
    ['0000-01-01T00:00:00Z', utc(0, 1, 1)],
  ])('reads the BCE shape %s exactly', (text, expected) => {
    expect(parseBceDate(text)).toBe(expected)
  })

  it.each([
    ['fractional seconds', '2019-06-06T03:42:13.5Z', utc(2019, 6, 6, 3, 42, 13, 500)],
    ['long fractions (cut to ms)', '2019-06-06T03:42:13.123456Z', utc(2019, 6, 6, 3, 42, 13, 123)],
    ['an offset with a colon', '2019-06-06T11:42:13.250+08:00', utc(2019, 6, 6, 3, 42, 13, 250)],
    ['an offset without a colon', '2019-06-06T11:42:13+0800', utc(2019, 6, 6, 3, 42, 13)],
    ['a negative offset', '2019-06-05T22:42:13-05:00', utc(2019, 6, 6, 3, 42, 13)],
    ['no seconds', '2019-06-06T03:42Z', utc(2019, 6, 6, 3, 42)],
    ['24:00 (the end of the day)', '2023-01-01T24:00:00Z', utc(2023, 1, 2)],
  ])('reads %s through the reference path', (_what, text, expected) => {
    expect(parseBceDate(text)).toBe(expected)
    expect(parseBceDateSlow(text)).toBe(expected)
  })

  it.each([
    '',
    'yesterday',
    '2019-06-06',
    '2019-06-06T03:42:13',
    '2019-06-06T03:42:13z',
    '2019-06-06 03:42:13Z',
    '2019-6-06T03:42:13Z',
    ' 2019-06-06T03:42:13Z',
    '2019-06-06T03:42:13Z ',
    '2019-06-06T03:42:13.Z',
    '2019-06-06T03:42:13+8',
    '19-06-06T03:42:13Z',
    '+02019-06-06T03:42:13Z',
    '2019-13-01T00:00:00Z',
    '2019-00-01T00:00:00Z',
    '2019-01-00T00:00:00Z',
    '2019-01-32T00:00:00Z',
    '2019-01-01T25:00:00Z',
    '2019-01-01T24:00:01Z',
    '2019-01-01T23:60:00Z',
    '2019-01-01T23:59:60Z',
    '2019-0a-01T00:00:00Z',
    '2019-01-01T00:0:000Z',
    '2019/01/01T00:00:00Z',
    '2019-01-01X00:00:00Z',
    '2019-01-01T00-00:00Z',
    '2019-01-01T00:00-00Z',
    '2019-01-01T00:00:00X',
    // A non-digit in each two-digit field, including the characters just outside '0'-'9'.
    'x019-01-01T00:00:00Z',
    '2x19-01-01T00:00:00Z',
    '20x9-01-01T00:00:00Z',
    '201x-01-01T00:00:00Z',
    '2019-01-0aT00:00:00Z',
    '2019-01-01T0a:00:00Z',
    '2019-01-01T00:0a:00Z',
    '2019-01-01T00:00:0aZ',
    '2019-01-01T00:00:1:Z',
    '2019-01-01T00:00:1/Z',
    '2019-01-01T00:00::0Z',
    '2019-01-01T00:00:/0Z',
    '2019-1:-01T00:00:00Z',
    ':019-01-01T00:00:00Z',
    '2019/01-01T00:00:00Z',
    '2019-01/01T00:00:00Z',
    '201:-01-01T00:00:00Z',
    '2019-01-01T1:00:00Z0',
  ])('is NaN for %j', (text) => {
    expect(parseBceDate(text)).toBeNaN()
    expect(parseBceDateSlow(text)).toBeNaN()
  })

  it.each([
    '2023-02-29T00:00:00Z',
    '2023-02-30T00:00:00Z',
    '2024-02-30T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2100-02-29T12:00:00Z',
    '2023-04-31T00:00:00Z',
    '2023-06-31T00:00:00Z',
    '2023-09-31T00:00:00Z',
    '2023-11-31T00:00:00Z',
    '2023-02-29T00:00:00.5Z',
    '2023-02-29T08:00:00+08:00',
    '0099-02-29T00:00:00Z',
  ])('is NaN for %s, a day its month does not have (instead of rolling over)', (text) => {
    expect(parseBceDate(text)).toBeNaN()
    expect(parseBceDateSlow(text)).toBeNaN()
  })

  it.each([
    ['2000-02-29T00:00:00Z', utc(2000, 2, 29)],
    ['2400-02-29T00:00:00Z', utc(2400, 2, 29)],
    ['2024-02-29T00:00:00.5+01:00', utc(2024, 2, 28, 23, 0, 0, 500)],
    ['0096-02-29T00:00:00Z', utc(96, 2, 29)],
  ])('reads the leap day %s', (text, expected) => {
    expect(parseBceDate(text)).toBe(expected)
  })

  it('reads every in-range BCE-shaped instant as the calendar says', () => {
    const instant = fc.record({
      year: fc.integer({ min: 100, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
    })
    fc.assert(
      fc.property(instant, ({ year, month, day, hour, minute, second }) => {
        const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}Z`
        expect(parseBceDate(text)).toBe(utc(year, month, day, hour, minute, second))
      }),
      { numRuns: 2000 },
    )
  })

  it('reads the last day of every month of leap and common years', () => {
    const lastDay = (year: number, month: number): number =>
      new Date(Date.UTC(2000, month, 0)).getUTCDate() +
      (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 0 : -1) : 0)
    for (const year of [1900, 1999, 2000, 2023, 2024, 2100, 2400]) {
      for (let month = 1; month <= 12; month += 1) {
        const day = lastDay(year, month)
        const text = `${year}-${pad(month)}-${pad(day)}T12:00:00Z`
        expect(parseBceDate(text)).toBe(utc(year, month, day, 12))
      }
    }
  })
})

describe('ISO_DATE_TIME', () => {
  it('accepts the shapes BCE and ISO-8601 writers produce', () => {
    for (const text of [
      '2019-06-06T03:42:13Z',
      '2019-06-06T03:42Z',
      '2019-06-06T03:42:13.1+08:00',
      '2019-06-06T03:42:13-0130',
    ])
      expect(ISO_DATE_TIME.test(text)).toBe(true)
  })

  it('rejects partial matches: the pattern is anchored at both ends', () => {
    for (const text of ['x2019-06-06T03:42:13Z', '2019-06-06T03:42:13Zx', '2019-06-06T03:42:13+08:00:00'])
      expect(ISO_DATE_TIME.test(text)).toBe(false)
  })
})
