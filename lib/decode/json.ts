/** `JSON.parse` of UTF-8 bytes that reports failure as `undefined` instead of throwing. */
export function parseJsonBytes(bytes: Buffer): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(bytes.toString('utf8')) as unknown }
  } catch {
    return undefined
  }
}
