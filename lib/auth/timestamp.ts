/** The last second formatted, and its text: the timestamp changes once a second. */
let cachedSecond = Number.NaN
let cachedText = ''

/**
 * Formats an instant as a BCE timestamp: UTC `YYYY-MM-DDTHH:mm:ssZ`, no milliseconds.
 * Returns `undefined` for an invalid date instead of throwing. The text of the latest second is
 * memoised, so signing many requests within one second formats the date once.
 *
 * `undefined` rather than a `Result` on purpose: this is inside the measured signing loop (every
 * signature calls it), where an `Ok` per call would be an allocation the success path does not
 * need; the signers turn `undefined` into their own error.
 */
export function formatBceTimestamp(instant: Date | number): string | undefined {
  const ms = typeof instant === 'number' ? instant : instant.getTime()
  if (!Number.isFinite(ms)) return undefined
  const second = Math.floor(ms / 1000)
  if (second === cachedSecond) return cachedText
  const date = new Date(second * 1000)
  const year = date.getUTCFullYear()
  if (Number.isNaN(year) || year < 0 || year > 9999) return undefined
  cachedText = `${date.toISOString().slice(0, 19)}Z`
  cachedSecond = second
  return cachedText
}
