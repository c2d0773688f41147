import { createHmac } from 'node:crypto'

/**
 * The bce-auth-v1 signing key `HMAC(sk, authStringPrefix)` (as the bytes of its hex text) for the
 * latest (secret, prefix) pair. The prefix holds the timestamp, so it changes at most once a
 * second: memoising one pair turns the two HMACs of every signature into one.
 * The memo is private to its owner (a client's signer, or the `signRequest` module) and is never
 * rendered anywhere.
 */
export class SigningKeyCache {
  #secret: string | undefined
  #prefix: string | undefined
  #key: Buffer | undefined

  /** The signing key for `secretAccessKey` and `authStringPrefix`, computed at most once per pair in a row. */
  keyFor(secretAccessKey: string, authStringPrefix: string): Buffer {
    if (this.#key !== undefined && this.#prefix === authStringPrefix && this.#secret === secretAccessKey)
      return this.#key
    const key = Buffer.from(
      createHmac('sha256', secretAccessKey).update(authStringPrefix, 'utf8').digest('hex'),
      'latin1',
    )
    this.#secret = secretAccessKey
    this.#prefix = authStringPrefix
    this.#key = key
    return key
  }
}

/** The final bce-auth-v1 signature: lower-case hex `HMAC(signingKey, canonicalRequest)`. */
export function signWithKey(signingKey: Buffer, canonicalRequest: string): string {
  return createHmac('sha256', signingKey).update(canonicalRequest, 'utf8').digest('hex')
}
