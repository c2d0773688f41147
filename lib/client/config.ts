import type { Dispatcher } from 'undici'
import type { CredentialsSource } from '../auth/credentials'
import type { RetryOptions } from '../retry/retry-policy'
import type { Observer } from '../observe/observe'

/**
 * Configuration shared by {@link (IamClient:class)} and {@link (StsClient:class)}. `N` is the
 * client's operation-name type, which the events given to `observe` carry.
 */
export interface ClientConfig<N extends string = string> {
  /** A key pair, or a provider returning `ResultAsync<Credentials, BceClientError>`. */
  readonly credentials: CredentialsSource
  /**
   * Service endpoint; `https://` is assumed for a bare host.
   * @default the Beijing endpoint of the service (`https://iam.bj.baidubce.com`, `https://sts.bj.baidubce.com`)
   */
  readonly endpoint?: string | undefined
  /**
   * Allow a plain `http://` endpoint (signed requests travel in clear); for local emulators.
   * @default false
   */
  readonly allowInsecureHttp?: boolean | undefined
  /**
   * Overall time budget of one call, retries included, in ms. A request sent with 2 s or more of
   * it left is ended at most 200 ms after the deadline (one shared check per client instead of a
   * timer per request); a shorter remainder is enforced exactly.
   * @default 60000
   */
  readonly timeoutMs?: number | undefined
  /**
   * TCP/TLS connect timeout in ms.
   * @default 10000
   */
  readonly connectTimeoutMs?: number | undefined
  /**
   * Time allowed for response headers in ms.
   * @default 30000
   */
  readonly headersTimeoutMs?: number | undefined
  /**
   * Maximum idle gap between body chunks in ms.
   * @default 30000
   */
  readonly bodyTimeoutMs?: number | undefined
  /**
   * Maximum sockets to the endpoint when the client creates its own pool.
   * @default 50
   */
  readonly maxConnections?: number | undefined
  /**
   * An undici dispatcher to send requests through (an `Agent`, `Pool`, `ProxyAgent`, `MockAgent`…).
   * The client then never closes it.
   * @default a keep-alive `Pool` owned (and closed) by the client
   */
  readonly dispatcher?: Dispatcher | undefined
  /**
   * `User-Agent` suffix, e.g. `my-app/1.2`.
   * @default none: the SDK's own `bce-iam/<version> node/<version>` only
   */
  readonly userAgent?: string | undefined
  /**
   * Retry behaviour; `false` disables retries. Each field has its own default (see
   * {@link RetryOptions}).
   * @default 4 attempts, full-jitter backoff from 300 ms capped at 20 s, a per-client budget of 500 tokens
   */
  readonly retry?: RetryOptions | false | undefined
  /**
   * Receives one event per HTTP attempt, one per call, and warnings (those of a credentials
   * provider that reports them, such as `fromProfile`, included); never sees secrets.
   * @default none
   */
  readonly observe?: Observer<N> | undefined
}

/** Longest `correlation` value accepted by a call, in characters. */
export const MAX_CORRELATION_CHARS = 128

/** Options of a single call; `N` is the operation's name, which the events of `observe` carry. */
export interface CallOptions<N extends string = string> {
  /** Abort the call; it then resolves to a `BceClientError` with reason `Aborted`. */
  readonly signal?: AbortSignal | undefined
  /**
   * Time budget of this call in ms, retries included, overriding the client's `timeoutMs`.
   * @default the client's `timeoutMs`
   */
  readonly timeoutMs?: number | undefined
  /**
   * Retry behaviour of this call, overriding (field by field) the client's.
   * @default the client's `retry`
   */
  readonly retry?: RetryOptions | false | undefined
  /**
   * A value of your own (a trace or job id) echoed in every event of this call, for the call's
   * observers to correlate: 1 to {@link MAX_CORRELATION_CHARS} visible ASCII characters or spaces.
   * It is never sent to the service.
   * @default none
   */
  readonly correlation?: string | undefined
  /**
   * An observer of this call only, receiving its attempt and call events after the client's
   * `observe` (so a call's request ids and attempts can be read without a client-wide observer).
   * @default none
   */
  readonly observe?: Observer<N> | undefined
}
