/**
 * The textbook bce-auth-v1 computation with `createHmac`, a reference for the tests: lib/auth
 * signs with a memoised, prepared key instead (lib/auth/signing-key.ts).
 */
import { createHmac } from 'node:crypto'

/** Lower-case hex HMAC-SHA256. */
export function hmacSha256Hex(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex')
}

/**
 * The bce-auth-v1 signature: `signingKey = HMAC(sk, authStringPrefix)` as hex, then
 * `HMAC(signingKey-hex, canonicalRequest)` as hex.
 */
export function bceSignature(secretAccessKey: string, authStringPrefix: string, canonicalRequest: string): string {
  return hmacSha256Hex(hmacSha256Hex(secretAccessKey, authStringPrefix), canonicalRequest)
}
