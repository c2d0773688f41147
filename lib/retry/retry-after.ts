import { err, ok, type Result } from 'neverthrow'

/** Why a `Retry-After` header gave no delay: there was none, or it was neither delay-seconds nor an HTTP-date. */
export type RetryAfterUnusable = 'absent' | 'unreadable'

/**
 * Reads `Retry-After` as delay-seconds or an HTTP-date (relative to `nowMs`), in ms capped at
 * `capMs`. A date in the past means "now" (0).
 */
export function parseRetryAfter(
  value: string | undefined,
  nowMs: number,
  capMs: number,
): Result<number, RetryAfterUnusable> {
  if (value === undefined) return err('absent')
  const text = value.trim()
  if (/^\d+$/.test(text)) return ok(Math.min(Number(text) * 1000, capMs))
  if (!/[a-zA-Z]/.test(text)) return err('unreadable')
  const at = Date.parse(text)
  if (Number.isNaN(at)) return err('unreadable')
  return ok(Math.min(Math.max(0, at - nowMs), capMs))
}
