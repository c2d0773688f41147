import { inspect } from 'node:util'

/** What every redacted rendering shows instead of a secret. */
export const REDACTED = '[redacted]'

/**
 * Returns `visible` extended with secret fields that can be read explicitly
 * (`value.secretAccessKey`) but never show up in `JSON.stringify`, `String()`, `util.inspect`
 * (even with `showHidden`) or object spread: the secrets are non-enumerable, and the object
 * renders with each secret as `[redacted]`. The result is frozen.
 */
export function withSecrets<V extends object, S extends Record<string, string>>(
  visible: V,
  secrets: S,
): Readonly<V & S> {
  const target: Record<string | symbol, unknown> = { ...(visible as Record<string, unknown>) }
  const rendering = (): Record<string, unknown> => {
    const shown: Record<string, unknown> = { ...(visible as Record<string, unknown>) }
    for (const key of Object.keys(secrets)) shown[key] = REDACTED
    return shown
  }
  for (const [key, value] of Object.entries(secrets)) {
    Object.defineProperty(target, key, { value, enumerable: false })
  }
  Object.defineProperty(target, 'toJSON', { value: rendering, enumerable: false })
  Object.defineProperty(target, 'toString', { value: () => JSON.stringify(rendering()), enumerable: false })
  Object.defineProperty(target, inspect.custom, {
    value: (depth: number, options: object) => inspect(rendering(), { ...options, depth }),
    enumerable: false,
  })
  return Object.freeze(target) as Readonly<V & S>
}
