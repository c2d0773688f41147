import { inspect } from 'node:util'

/** What every redacted rendering shows instead of a secret. */
export const REDACTED = '[redacted]'

/** The renderers a value with secrets carries (own enumerable properties, so a spread copies them). */
export interface RedactedRendering {
  /** The value's own fields for `JSON.stringify`, each secret shown as `[redacted]`. */
  toJSON(): Record<string, unknown>
  /** JSON of the value with each secret shown as `[redacted]`. */
  toString(): string
}

/**
 * Returns `visible` extended with secret fields that are ordinary readable properties
 * (`value.secretAccessKey`), but that never show up in `JSON.stringify`, `String()`, a template
 * literal or `util.inspect` (even with `showHidden`): each renders as `[redacted]`. The renderers
 * are own enumerable properties too, so an object spread (`{ ...value }`) keeps the secrets usable
 * and the copy renders as redacted as the original (from its own fields, so `{ ...value, x }`
 * shows `x`). Reading a secret explicitly (or `Object.entries`) still gives it. The result is
 * frozen.
 */
export function withSecrets<V extends object, S extends Record<string, string>>(
  visible: V,
  secrets: S,
): Readonly<V & S & RedactedRendering> {
  const renderers = renderersFor(Object.keys(secrets))
  return Object.freeze({ ...visible, ...secrets, ...renderers })
}

/** The renderers hiding a set of secret keys (`toJSON`, `toString`, `util.inspect.custom`). */
interface Renderers extends RedactedRendering {
  readonly [inspect.custom]: (depth: number, options: object) => string
}

/** One set of renderers per set of secret keys, so equal values have identical renderers. */
const renderersByKeys = new Map<string, Renderers>()

function renderersFor(keys: readonly string[]): Renderers {
  const id = keys.join('\n')
  const known = renderersByKeys.get(id)
  if (known !== undefined) return known
  const secretKeys = new Set(keys)
  function toJSON(this: unknown): Record<string, unknown> {
    const shown: Record<string, unknown> = {}
    if (typeof this !== 'object' || this === null) return shown
    for (const [key, value] of Object.entries(this)) {
      if (typeof value === 'function') continue
      shown[key] = secretKeys.has(key) ? REDACTED : value
    }
    return shown
  }
  const renderers: Renderers = {
    toJSON,
    toString(this: unknown): string {
      return JSON.stringify(toJSON.call(this))
    },
    [inspect.custom](this: unknown, depth: number, options: object): string {
      return inspect(toJSON.call(this), { ...options, depth })
    },
  }
  renderersByKeys.set(id, renderers)
  return renderers
}
