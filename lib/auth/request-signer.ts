import type { Credentials } from './credentials'
import { DEFAULT_EXPIRATION_SECONDS } from './sign-request'
import { SigningKeyCache, signWithKey, type SigningKey } from './signing-key'
import { formatBceTimestamp } from './timestamp'
import { uriEncode } from './uri-encode'
import type { HttpRequest } from '../http/transport'
import type { PreparedRequest } from '../http/prepared-request'

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'
const CONTENT_TYPE_LINE = `content-type:${uriEncode(JSON_CONTENT_TYPE)}`

/**
 * Signs the SDK's own requests for one client. Their signed header set is fixed (`host`,
 * `x-bce-date`, `content-length` and `content-type` with a body, `x-bce-security-token` with
 * session credentials), so the canonical headers are built directly in sorted order, exactly as
 * the general `canonicalHeaders` would build them; the `host` line is computed once, the date
 * line once a second, and the signing key `HMAC(sk, prefix)` once per (secret, second).
 */
export class RequestSigner {
  readonly #host: string
  readonly #hostLine: string
  readonly #userAgent: string
  readonly #keys = new SigningKeyCache()
  #timestamp = ''
  #dateLine = ''
  /** The auth-string prefix and signing key of the latest (access key, secret, timestamp), reused while they hold. */
  #accessKeyId = ''
  #secret = ''
  #prefixTimestamp = ''
  #prefix = ''
  #key: SigningKey | undefined
  #token: string | undefined
  /** The canonical line of `#token`; empty when the token trims to nothing (then it is not signed). */
  #tokenLine = ''

  constructor(host: string, userAgent: string) {
    this.#host = host
    this.#hostLine = `host:${uriEncode(host.trim())}`
    this.#userAgent = userAgent
  }

  /**
   * The wire request for one attempt: a fresh `x-bce-date` and a signature over host, date, body
   * headers and the security token, all from `instantMs`. Undefined when the instant cannot be
   * formatted as a BCE timestamp (the caller reports that as an `InvalidConfig` clock error).
   *
   * `undefined` rather than a `Result` on purpose: this runs once per attempt on the benchmarked
   * call path, and an `Ok` per signature would be an allocation the success path does not need.
   * The one caller is the call pipeline (client/execute.ts).
   */
  sign(prepared: PreparedRequest, credentials: Credentials, instantMs: number): HttpRequest | undefined {
    const timestamp = formatBceTimestamp(instantMs)
    if (timestamp === undefined) return undefined
    if (timestamp !== this.#timestamp) {
      this.#timestamp = timestamp
      this.#dateLine = `x-bce-date:${uriEncode(timestamp)}`
    }
    const { body } = prepared
    const token = credentials.sessionToken
    let canonical = `${this.#hostLine}\n${this.#dateLine}`
    let signedHeaders = 'host;x-bce-date'
    if (body !== undefined) {
      canonical = `content-length:${body.length}\n${CONTENT_TYPE_LINE}\n${canonical}`
      signedHeaders = `content-length;content-type;${signedHeaders}`
    }
    if (token !== undefined) {
      if (token !== this.#token) {
        const trimmed = token.trim()
        this.#token = token
        this.#tokenLine = trimmed.length === 0 ? '' : `x-bce-security-token:${uriEncode(trimmed)}`
      }
      if (this.#tokenLine.length > 0) {
        canonical = `${canonical}\n${this.#tokenLine}`
        signedHeaders = `${signedHeaders};x-bce-security-token`
      }
    }
    const signature = signWithKey(
      this.#signingKey(credentials, timestamp),
      `${prepared.method}\n${prepared.path}\n${prepared.canonicalQuery}\n${canonical}`,
    )
    const prefix = this.#prefix
    const headers: Record<string, string> =
      body === undefined
        ? { host: this.#host, 'x-bce-date': timestamp }
        : {
            host: this.#host,
            'x-bce-date': timestamp,
            'content-type': JSON_CONTENT_TYPE,
            'content-length': String(body.length),
          }
    if (token !== undefined) headers['x-bce-security-token'] = token
    headers.authorization = `${prefix}/${signedHeaders}/${signature}`
    headers['user-agent'] = this.#userAgent
    return body === undefined
      ? { method: prepared.method, path: prepared.target, headers }
      : { method: prepared.method, path: prepared.target, headers, body }
  }

  /**
   * The signing key (and, in `#prefix`, the auth-string prefix) for these credentials at this
   * timestamp. Within one second and one key pair both are the previous call's: compared by
   * identity first, the same strings cost no rebuilding and no character-by-character comparison.
   */
  #signingKey(credentials: Credentials, timestamp: string): SigningKey {
    const { accessKeyId, secretAccessKey } = credentials
    if (
      this.#key === undefined ||
      timestamp !== this.#prefixTimestamp ||
      accessKeyId !== this.#accessKeyId ||
      secretAccessKey !== this.#secret
    ) {
      this.#prefix = `bce-auth-v1/${accessKeyId}/${timestamp}/${DEFAULT_EXPIRATION_SECONDS}`
      this.#key = this.#keys.keyFor(secretAccessKey, this.#prefix)
      this.#accessKeyId = accessKeyId
      this.#secret = secretAccessKey
      this.#prefixTimestamp = timestamp
    }
    return this.#key
  }
}
