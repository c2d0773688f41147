/** `%XX` (upper-case hex) for every byte value; unreserved bytes map to themselves. */
const BYTE_ENCODING: readonly string[] = Array.from({ length: 256 }, (_, byte) => {
  const char = String.fromCharCode(byte)
  return /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
})

const ONLY_UNRESERVED = /^[A-Za-z0-9\-_.~]*$/
const ONLY_UNRESERVED_OR_SLASH = /^[A-Za-z0-9\-_.~/]*$/

/** `UriEncode` of raw bytes (what a server does with a percent-decoded path); `/` kept on request. */
export function uriEncodeBytes(bytes: Uint8Array, keepSlash: boolean): string {
  let out = ''
  for (const byte of bytes) out += keepSlash && byte === 0x2f ? '/' : (BYTE_ENCODING[byte] as string)
  return out
}

function encodeBytes(value: string, keepSlash: boolean): string {
  // Lone surrogates become U+FFFD here, exactly as they would on the wire, so this never throws.
  return uriEncodeBytes(Buffer.from(value, 'utf8'), keepSlash)
}

/**
 * BCE `UriEncode`: UTF-8 bytes, `A-Z a-z 0-9 - _ . ~` kept, every other byte as `%XX` with
 * upper-case hex (space is `%20`, `*` is `%2A`, `/` is `%2F`). Total: never throws.
 */
export function uriEncode(value: string): string {
  return ONLY_UNRESERVED.test(value) ? value : encodeBytes(value, false)
}

/** {@link uriEncode}, but `/` is kept: the encoding of a canonical URI. */
export function uriEncodeExceptSlash(value: string): string {
  return ONLY_UNRESERVED_OR_SLASH.test(value) ? value : encodeBytes(value, true)
}
