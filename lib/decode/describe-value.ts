/**
 * A short description of a value's shape that never includes the value itself, so decode and
 * validation issues can never echo a secret (a malformed `secretAccessKey`, a password).
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `array(${value.length})`
  if (typeof value === 'string') return `string(${value.length} chars)`
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value)
  return typeof value
}
