/** Whether `value` is a non-null object that is not an array (what io-ts calls an `UnknownRecord`). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
