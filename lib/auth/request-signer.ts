import type { Credentials } from './credentials'
import { DEFAULT_EXPIRATION_SECONDS } from './sign-request'
import { SigningKeyCache } from './signing-key'
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
    const { prefix, key } = this.#keys.keyFor(
      credentials.accessKeyId,
      credentials.secretAccessKey,
      timestamp,
      DEFAULT_EXPIRATION_SECONDS,
    )
    const signature = key.sign(`${prepared.method}\n${prepared.path}\n${prepared.canonicalQuery}\n${canonical}`)
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
}
