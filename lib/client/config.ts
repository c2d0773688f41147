import type { Dispatcher } from 'undici'
import type { CredentialsSource } from '../auth/credentials'
import type { RetryOptions } from '../retry/retry-policy'
import type { Observer } from '../observe/observe'

/** Configuration shared by {@link IamClient} and {@link StsClient}. */
export interface ClientConfig {
  /** A key pair, or a provider returning `ResultAsync<Credentials, BceClientError>`. */
  readonly credentials: CredentialsSource
  /** Service endpoint; `https://` is assumed for a bare host. Defaults to the Beijing endpoint. */
  readonly endpoint?: string
  /** Allow a plain `http://` endpoint (signed requests travel in clear); for local emulators. */
  readonly allowInsecureHttp?: boolean
  /** Overall time budget of one call, retries included, in ms (default 60 000). */
  readonly timeoutMs?: number
  /** TCP/TLS connect timeout in ms (default 10 000). */
  readonly connectTimeoutMs?: number
  /** Time allowed for response headers in ms (default 30 000). */
  readonly headersTimeoutMs?: number
  /** Maximum idle gap between body chunks in ms (default 30 000). */
  readonly bodyTimeoutMs?: number
  /** Maximum sockets to the endpoint when the client creates its own pool (default 50). */
  readonly maxConnections?: number
  /**
   * An undici dispatcher to send requests through (an `Agent`, `Pool`, `ProxyAgent`, `MockAgent`…).
   * The client then never closes it. Default: a keep-alive `Pool` owned by the client.
   */
  readonly dispatcher?: Dispatcher
  /** `User-Agent` suffix, e.g. `my-app/1.2`. */
  readonly userAgent?: string
  /**
   * Retry behaviour (default: 4 attempts, full-jitter backoff from 300 ms capped at 20 s, a
   * per-client budget of 500 tokens); `false` disables retries.
   */
  readonly retry?: RetryOptions | false
  /** Receives one event per HTTP attempt (and warnings); never sees secrets. */
  readonly observe?: Observer
}

/** Options of a single call. */
export interface CallOptions {
  /** Abort the call; it then resolves to a `BceClientError` with reason `Aborted`. */
  readonly signal?: AbortSignal
  /** Time budget of this call in ms, retries included, overriding the client's `timeoutMs`. */
  readonly timeoutMs?: number
  /** Retry behaviour of this call, overriding (field by field) the client's. */
  readonly retry?: RetryOptions | false
}
