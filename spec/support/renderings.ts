import { inspect } from 'node:util'

/**
 * Every way a value is commonly rendered by accident (logs, error messages, JSON bodies, a
 * template literal), alone and nested in a copy, an object and an array: a secret must appear in
 * none of them. `inspect` shows hidden properties at any depth.
 */
export function renderings(value: unknown): string[] {
  const shown = { showHidden: true, depth: null }
  return [
    JSON.stringify(value) ?? '',
    JSON.stringify({ nested: value }),
    JSON.stringify([value]),
    JSON.stringify({ ...(value as object) }),
    String(value),
    inspect(value, shown),
    inspect({ nested: value }, shown),
  ]
}
