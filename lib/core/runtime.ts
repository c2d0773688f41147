import { err, ok, type Result } from 'neverthrow'
import {
  credentialsProblem,
  fixedStaticCredentials,
  fromStatic,
  type Credentials,
  type CredentialsProvider,
} from '../auth/credentials'
import { makeClientError } from '../errors/make'
import type { BceClientError } from '../errors/types'
import { parseEndpoint, type Endpoint } from '../http/endpoint'
import { RetryBudget } from '../http/retry-budget'
import { resolveRetryPolicy, type RetryPolicy } from '../http/retry-policy'
import { DEFAULT_TIMEOUTS, Transport } from '../http/transport'
import type { Dispatcher } from 'undici'
import type { ClientConfig } from './config'
import type { Observer } from './observe'
import { RequestSigner } from './request-signer'
import { SigningClock } from './signing-clock'
import { USER_AGENT } from './user-agent'

/** Default overall budget of a call, retries included. */
export const DEFAULT_CALL_TIMEOUT_MS = 60_000

/** Everything a configured client needs at call time; built once, validated once. */
export interface Runtime {
  readonly endpoint: Endpoint
  readonly transport: Transport
  readonly credentials: CredentialsProvider
  /** The credentials of every call, when a static key pair without expiry was configured (no provider call per request). */
  readonly fixedCredentials: Credentials | undefined
  readonly callTimeoutMs: number
  readonly userAgent: string
  /** Signs this client's requests (host line, timestamp and signing key memoised). */
  readonly signer: RequestSigner
  /** The signing clock, corrected after clock-skew errors. */
  readonly clock: SigningClock
  readonly retry: RetryPolicy
  /** The per-client retry budget, shared by all calls (undefined when disabled). */
  readonly budget: RetryBudget | undefined
  readonly observe: Observer | undefined
  /** Jitter source, uniform in [0, 1). */
  readonly random: () => number
}

/**
 * Longest timeout accepted, in ms: 2^31 − 1 (about 24.8 days), the largest delay a Node timer
 * honours (a longer one fires after 1 ms). Longer values are rejected, not clamped.
 */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1

/** Whether `value` is a usable timeout: a number of ms in (0, {@link MAX_TIMEOUT_MS}]. */
export function isValidTimeout(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value <= MAX_TIMEOUT_MS
}

function positive(value: unknown, name: string, fallback: number): Result<number, string> {
  if (value === undefined) return ok(fallback)
  return isValidTimeout(value)
    ? ok(value)
    : err(`${name} must be a positive number of milliseconds, at most ${MAX_TIMEOUT_MS} (about 24.8 days)`)
}

/**
 * Validates a client configuration once; an invalid one yields the `InvalidConfig` (or
 * `Credentials`) error that every call of that client then returns. Never throws.
 */
export function createRuntime(untrusted: unknown, defaultEndpoint: string): Result<Runtime, BceClientError> {
  const invalid = (message: string): Result<never, BceClientError> =>
    err(makeClientError({ reason: 'InvalidConfig', message, operation: 'configure' }))
  try {
    if (typeof untrusted !== 'object' || untrusted === null) return invalid('client configuration must be an object')
    const config = untrusted as ClientConfig
    const endpoint = parseEndpoint(config.endpoint ?? defaultEndpoint, config.allowInsecureHttp === true)
    if (endpoint.isErr()) return err(endpoint.error)
    const numbers = [
      positive(config.timeoutMs, 'timeoutMs', DEFAULT_CALL_TIMEOUT_MS),
      positive(config.connectTimeoutMs, 'connectTimeoutMs', DEFAULT_TIMEOUTS.connectTimeoutMs),
      positive(config.headersTimeoutMs, 'headersTimeoutMs', DEFAULT_TIMEOUTS.headersTimeoutMs),
      positive(config.bodyTimeoutMs, 'bodyTimeoutMs', DEFAULT_TIMEOUTS.bodyTimeoutMs),
    ] as const
    const [callTimeoutMs, connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs] = numbers.map((n) =>
      n.isOk() ? n.value : 0,
    )
    const bad = numbers.find((n) => n.isErr())
    if (bad?.isErr()) return invalid(bad.error)
    const maxConnections = config.maxConnections ?? 50
    if (!Number.isSafeInteger(maxConnections) || maxConnections < 1)
      return invalid('maxConnections must be a positive integer')
    const dispatcher: unknown = config.dispatcher
    if (
      dispatcher !== undefined &&
      (typeof dispatcher !== 'object' ||
        dispatcher === null ||
        typeof (dispatcher as { request?: unknown }).request !== 'function' ||
        typeof (dispatcher as { dispatch?: unknown }).dispatch !== 'function')
    ) {
      return invalid('dispatcher must be an undici Dispatcher')
    }
    const retry = resolveRetryPolicy(config.retry)
    if (retry.isErr()) return invalid(retry.error)
    if (config.observe !== undefined && typeof config.observe !== 'function')
      return invalid('observe must be a function')
    const source = config.credentials
    if (typeof source !== 'function') {
      const problem = credentialsProblem(source)
      if (problem !== undefined) {
        return err(
          makeClientError({ reason: 'Credentials', message: `static credentials: ${problem}`, operation: 'configure' }),
        )
      }
    }
    const credentials: CredentialsProvider = typeof source === 'function' ? source : fromStatic(source)
    if (typeof config.userAgent === 'string' && /[^\t\x20-\x7e]/.test(config.userAgent))
      return invalid('userAgent must contain only visible ASCII characters, spaces and tabs (it is sent as a header)')
    const userAgent =
      typeof config.userAgent === 'string' && config.userAgent.length > 0
        ? `${USER_AGENT} ${config.userAgent}`
        : USER_AGENT
    const timeouts = {
      connectTimeoutMs: connectTimeoutMs ?? 0,
      headersTimeoutMs: headersTimeoutMs ?? 0,
      bodyTimeoutMs: bodyTimeoutMs ?? 0,
    }
    return ok({
      endpoint: endpoint.value,
      transport: new Transport(endpoint.value.origin, timeouts, dispatcher as Dispatcher | undefined, maxConnections),
      credentials,
      fixedCredentials: typeof source === 'function' ? undefined : fixedStaticCredentials(source),
      callTimeoutMs: callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
      userAgent,
      signer: new RequestSigner(endpoint.value.host, userAgent),
      clock: new SigningClock(),
      retry: retry.value,
      budget:
        retry.value.budget === false
          ? undefined
          : new RetryBudget(
              retry.value.budget.capacity,
              retry.value.budget.retryCost,
              retry.value.budget.timeoutRetryCost,
            ),
      observe: config.observe,
      random: Math.random,
    })
  } catch (cause) {
    return err(
      makeClientError({
        reason: 'InvalidConfig',
        message: 'client configuration could not be read',
        operation: 'configure',
        cause,
      }),
    )
  }
}
