import { ok, ResultAsync, type Result } from 'neverthrow'
import type { BceClientError } from '../errors/types'
import type { Credentials, CredentialsProvider, ProviderContext } from './credentials'
import { resolveCredentials } from './resolve-credentials'

/** A provider whose cached credentials can be dropped when the service rejects them. */
export interface RefreshableProvider extends CredentialsProvider {
  /** Forgets the cached credentials; the next call fetches new ones. */
  invalidate(): void
}

/** Tuning of {@link refreshingProvider}. */
export interface RefreshOptions {
  /**
   * Refresh this long before expiry, in ms.
   * @default 300000 (5 minutes)
   */
  readonly refreshMarginMs?: number | undefined
  /**
   * After a failed refresh, wait this long (ms) before trying again while old credentials still work.
   * @default 10000
   */
  readonly retryRefreshAfterMs?: number | undefined
  /**
   * Local clock, epoch ms.
   * @default `Date.now`
   */
  readonly now?: (() => number) | undefined
}

interface Cached {
  readonly credentials: Credentials
  /** Local time at which they expire, or undefined for "never". */
  readonly expiresAt: number | undefined
}

/**
 * When credentials expire on the local clock. With `createTime` and `expiration` both known the
 * lifetime is measured on the issuer's clock and added to the local receipt time, so a skewed
 * service clock does not shorten or stretch the cache.
 */
function localExpiry(
  credentials: Credentials & { createTime?: Date | undefined },
  receivedAt: number,
): number | undefined {
  const { expiration, createTime } = credentials
  if (expiration === undefined) return undefined
  if (createTime instanceof Date && !Number.isNaN(createTime.getTime())) {
    return receivedAt + (expiration.getTime() - createTime.getTime())
  }
  return expiration.getTime()
}

/**
 * Caches temporary credentials from `fetch` and refreshes them `refreshMarginMs` before they
 * expire. Concurrent callers share one fetch (single flight); while a refresh is under way,
 * still-valid credentials are served at once. A failed refresh keeps serving the old credentials
 * until they expire (retrying at most every `retryRefreshAfterMs`); only then is the refresh
 * error returned.
 */
export function refreshingProvider(fetch: CredentialsProvider, options: RefreshOptions = {}): RefreshableProvider {
  const margin = options.refreshMarginMs ?? 5 * 60_000
  const retryAfter = options.retryRefreshAfterMs ?? 10_000
  const now = options.now ?? Date.now
  let cached: Cached | undefined
  let inflight: Promise<Result<Credentials, BceClientError>> | undefined
  let lastFailureAt: number | undefined

  const valid = (entry: Cached, at: number): boolean => entry.expiresAt === undefined || at < entry.expiresAt
  const fresh = (entry: Cached, at: number): boolean => entry.expiresAt === undefined || at < entry.expiresAt - margin

  const refresh = (context?: ProviderContext): Promise<Result<Credentials, BceClientError>> => {
    inflight ??= resolveCredentials(fetch, 'credentials', context?.observe).then((result) => {
      inflight = undefined
      const at = now()
      if (result.isOk()) {
        cached = { credentials: result.value, expiresAt: localExpiry(result.value, at) }
        lastFailureAt = undefined
        return result
      }
      lastFailureAt = at
      return result
    })
    return inflight
  }

  const provider = (context?: ProviderContext): ResultAsync<Credentials, BceClientError> => {
    const at = now()
    const current = cached
    if (current !== undefined && fresh(current, at)) return new ResultAsync(Promise.resolve(ok(current.credentials)))
    if (current !== undefined && valid(current, at)) {
      if (inflight === undefined && (lastFailureAt === undefined || at - lastFailureAt >= retryAfter))
        void refresh(context)
      return new ResultAsync(Promise.resolve(ok(current.credentials)))
    }
    // A failed refresh is returned as the fetch reported it (already a Credentials error, with
    // the original failure as its cause): not wrapped again here.
    return new ResultAsync(refresh(context))
  }
  return Object.assign(provider, {
    invalidate: (): void => {
      cached = undefined
    },
  })
}

/** Whether a provider can drop its cache. */
export function isRefreshable(provider: CredentialsProvider): provider is RefreshableProvider {
  return typeof (provider as Partial<RefreshableProvider>).invalidate === 'function'
}
