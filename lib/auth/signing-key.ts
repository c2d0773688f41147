import { createHmac, hash } from 'node:crypto'

/** SHA-256's block size in bytes: an HMAC key of exactly this length is used as it is. */
const BLOCK_BYTES = 64
/** SHA-256's digest size in bytes. */
const DIGEST_BYTES = 32

/**
 * A bce-auth-v1 signing key (the 64 hex characters of `HMAC(sk, authStringPrefix)`) prepared for
 * HMAC-SHA256 as two one-shot hashes: `SHA256((K ⊕ opad) ‖ SHA256((K ⊕ ipad) ‖ message))`.
 *
 * Why not `createHmac`: every `createHmac` call makes a native Hmac object that the garbage
 * collector has to finalise; at 32 calls in flight that cost more than the hashing itself (an
 * undici dispatch loop lost ~18% of its throughput to one `createHmac` per call, one
 * `crypto.hash` pair per call cost nothing measurable; BENCHMARKS.md §2). `crypto.hash` allocates
 * only its result.
 *
 * The key is 64 ASCII hex characters, exactly one block, so it needs no hashing or padding, and
 * `K ⊕ ipad` stays 7-bit: it can be prefixed to the message as a string, whose UTF-8 encoding is
 * then byte for byte what `createHmac(...).update(message, 'utf8')` hashes.
 */
export class SigningKey {
  /** `K ⊕ ipad` as a 64-character string. */
  readonly #inner: string
  /** `K ⊕ opad` in bytes 0–63; bytes 64–95 receive the inner digest of each signature. */
  readonly #outer = Buffer.alloc(BLOCK_BYTES + DIGEST_BYTES)

  constructor(hexKey: string) {
    let inner = ''
    for (let i = 0; i < BLOCK_BYTES; i += 1) {
      const byte = hexKey.charCodeAt(i)
      inner += String.fromCharCode(byte ^ 0x36)
      this.#outer[i] = byte ^ 0x5c
    }
    this.#inner = inner
  }

  /** Lower-case hex `HMAC-SHA256(key, message)`, the message encoded as UTF-8. */
  sign(message: string): string {
    hash('sha256', this.#inner + message, 'buffer').copy(this.#outer, BLOCK_BYTES)
    return hash('sha256', this.#outer, 'hex')
  }
}

/**
 * The bce-auth-v1 signing key `HMAC(sk, authStringPrefix)` for the latest (secret, prefix) pair.
 * The prefix holds the timestamp, so it changes at most once a second: memoising one pair turns
 * the two HMACs of every signature into one.
 * The memo is private to its owner (a client's signer, or the `signRequest` module) and is never
 * rendered anywhere.
 */
export class SigningKeyCache {
  #secret: string | undefined
  #prefix: string | undefined
  #key: SigningKey | undefined

  /** The signing key for `secretAccessKey` and `authStringPrefix`, computed at most once per pair in a row. */
  keyFor(secretAccessKey: string, authStringPrefix: string): SigningKey {
    if (this.#key !== undefined && this.#prefix === authStringPrefix && this.#secret === secretAccessKey)
      return this.#key
    const key = new SigningKey(createHmac('sha256', secretAccessKey).update(authStringPrefix, 'utf8').digest('hex'))
    this.#secret = secretAccessKey
    this.#prefix = authStringPrefix
    this.#key = key
    return key
  }
}

/** The final bce-auth-v1 signature: lower-case hex `HMAC(signingKey, canonicalRequest)`. */
export function signWithKey(signingKey: SigningKey, canonicalRequest: string): string {
  return signingKey.sign(canonicalRequest)
}
