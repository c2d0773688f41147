import { createHmac, hash } from 'node:crypto'

/** SHA-256's block size in bytes: an HMAC key of exactly this length is used as it is. */
const BLOCK_BYTES = 64
/** SHA-256's digest size in bytes. */
const DIGEST_BYTES = 32
/** UTF-8 bytes of message room after `K ⊕ ipad`: any message of up to a third as many UTF-16 units fits. */
const MESSAGE_ROOM = 3 * 1024

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
 * The key is 64 ASCII hex characters, exactly one block, so it needs no hashing or padding. The
 * message is written as UTF-8 into a buffer that starts with `K ⊕ ipad` (lone surrogates become
 * U+FFFD, as `createHmac(...).update(message, 'utf8')` encodes them), so the inner hash reads
 * bytes instead of a concatenated string it would flatten and encode: about 5% of the client's
 * CPU per call. A message too long for the buffer is encoded on its own and hashed after a copy
 * of `K ⊕ ipad`.
 */
export class SigningKey {
  /** `K ⊕ opad` in bytes 0–63; bytes 64–95 receive the inner digest of each signature. */
  readonly #outer = Buffer.alloc(BLOCK_BYTES + DIGEST_BYTES)
  /** `K ⊕ ipad` in bytes 0–63; each message is written after it as UTF-8. */
  readonly #innerBytes = Buffer.alloc(BLOCK_BYTES + MESSAGE_ROOM)

  constructor(hexKey: string) {
    for (let i = 0; i < BLOCK_BYTES; i += 1) {
      const byte = hexKey.charCodeAt(i)
      this.#innerBytes[i] = byte ^ 0x36
      this.#outer[i] = byte ^ 0x5c
    }
  }

  /** Lower-case hex `HMAC-SHA256(key, message)`, the message encoded as UTF-8. */
  sign(message: string): string {
    const inner =
      message.length * 3 <= MESSAGE_ROOM
        ? this.#innerBytes.subarray(0, BLOCK_BYTES + this.#innerBytes.write(message, BLOCK_BYTES, 'utf8'))
        : Buffer.concat([this.#innerBytes.subarray(0, BLOCK_BYTES), Buffer.from(message, 'utf8')])
    hash('sha256', inner, 'buffer').copy(this.#outer, BLOCK_BYTES)
    return hash('sha256', this.#outer, 'hex')
  }
}

/** An auth-string prefix and its signing key. */
export interface PrefixedKey {
  /** `bce-auth-v1/{accessKeyId}/{timestamp}/{expirationSeconds}`. */
  readonly prefix: string
  /** `HMAC(sk, prefix)`, prepared for signing. */
  readonly key: SigningKey
}

/**
 * The auth-string prefix and signing key `HMAC(sk, prefix)` of the latest (access key, secret,
 * timestamp, expiration) signed with. The prefix holds the timestamp, so it changes at most once
 * a second: memoising one entry turns the two HMACs of every signature into one, and a call
 * within the same second and key pair (the same strings, compared by identity first) rebuilds
 * neither the prefix nor the key.
 * The memo is private to its owner (a client's signer, the `signRequest` module, the emulator's
 * verifier) and is never rendered anywhere.
 */
export class SigningKeyCache {
  #accessKeyId = ''
  #secret = ''
  #timestamp = ''
  #expirationSeconds = 0
  #entry: PrefixedKey | undefined

  /** The prefix and signing key for these values, computed at most once per combination in a row. */
  keyFor(accessKeyId: string, secretAccessKey: string, timestamp: string, expirationSeconds: number): PrefixedKey {
    if (
      this.#entry !== undefined &&
      timestamp === this.#timestamp &&
      accessKeyId === this.#accessKeyId &&
      secretAccessKey === this.#secret &&
      expirationSeconds === this.#expirationSeconds
    )
      return this.#entry
    const prefix = `bce-auth-v1/${accessKeyId}/${timestamp}/${expirationSeconds}`
    const key = new SigningKey(createHmac('sha256', secretAccessKey).update(prefix, 'utf8').digest('hex'))
    this.#accessKeyId = accessKeyId
    this.#secret = secretAccessKey
    this.#timestamp = timestamp
    this.#expirationSeconds = expirationSeconds
    this.#entry = { prefix, key }
    return this.#entry
  }
}
