import type { Dispatcher } from 'undici'
import type { CredentialsSource } from '../auth/credentials'

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
}

/** Options of a single call. */
export interface CallOptions {
  /** Abort the call; it then resolves to a `BceClientError` with reason `Aborted`. */
  readonly signal?: AbortSignal
  /** Time budget of this call in ms, overriding the client's `timeoutMs`. */
  readonly timeoutMs?: number
}
