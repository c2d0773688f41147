/**
 * `JSON.parse` of a text that reports failure as `undefined` instead of throwing: the one place
 * the SDK catches a JSON syntax error.
 */
export function parseJsonText(text: string): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return undefined
  }
}

/** `JSON.parse` of UTF-8 bytes that reports failure as `undefined` instead of throwing (see {@link parseJsonText}). */
export function parseJsonBytes(bytes: Buffer): { readonly value: unknown } | undefined {
  return parseJsonText(bytes.toString('utf8'))
}
