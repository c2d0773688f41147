/**
 * Formats an instant as a BCE timestamp: UTC `YYYY-MM-DDTHH:mm:ssZ`, no milliseconds.
 * Returns `undefined` for an invalid date instead of throwing.
 */
export function formatBceTimestamp(instant: Date | number): string | undefined {
  const ms = typeof instant === 'number' ? instant : instant.getTime()
  if (!Number.isFinite(ms)) return undefined
  const date = new Date(Math.floor(ms / 1000) * 1000)
  const year = date.getUTCFullYear()
  if (Number.isNaN(year) || year < 0 || year > 9999) return undefined
  return `${date.toISOString().slice(0, 19)}Z`
}
