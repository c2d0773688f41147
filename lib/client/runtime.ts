import { err, ok, type Result } from 'neverthrow'
import {
  checkCredentials,
  fixedStaticCredentials,
  fromStatic,
  type Credentials,
  type CredentialsProvider,
} from '../auth/credentials'
import { renderIssue, renderPath, type Issue, type PathKey } from '../errors/issue'
import { makeClientError } from '../errors/make'
import type { BceClientError } from '../errors/types'
import { parseEndpoint, type Endpoint } from '../http/endpoint'
import { RetryBudget } from '../retry/retry-budget'
import { resolveRetryPolicy, type RetryPolicy } from '../retry/retry-policy'
import { DEFAULT_TIMEOUTS, Transport } from '../http/transport'
import type { Dispatcher } from 'undici'
import type { ClientConfig } from './config'
import type { Observer } from '../observe/observe'
import { RequestSigner } from '../auth/request-signer'
import { SigningClock } from '../auth/signing-clock'
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

/** What a timeout must be, as an issue states it. */
export const TIMEOUT_EXPECTED = `positive number of ms, at most ${MAX_TIMEOUT_MS}`

/** One configuration problem: where (structured path), what was expected, a sentence, and the error reason it maps to. */
interface ConfigProblem extends Issue {
  readonly message: string
  readonly reason: 'InvalidConfig' | 'Credentials'
}

/** `a` or `an` before a noun phrase. */
function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`
}

/**
 * The error for every problem found: reason `Credentials` when only the static credentials are
 * wrong, else `InvalidConfig`; one issue per problem (dotted path and what was expected), and a
 * message listing them all.
 */
function configurationError(problems: readonly [ConfigProblem, ...ConfigProblem[]]): BceClientError {
  const reason = problems.every((p) => p.reason === 'Credentials') ? 'Credentials' : 'InvalidConfig'
  const [first] = problems
  const message =
    problems.length === 1
      ? first.message
      : `${problems.length} configuration problems: ${problems.map((p) => p.message).join('; ')}`
  return makeClientError({
    reason,
    message,
    operation: 'configure',
    issues: problems.map((p) => renderIssue({ path: p.path, expected: p.expected })),
  })
}

export function createRuntime(untrusted: unknown, defaultEndpoint: string): Result<Runtime, BceClientError> {
  const invalid = (message: string): Result<never, BceClientError> =>
    err(makeClientError({ reason: 'InvalidConfig', message, operation: 'configure' }))
  try {
    if (typeof untrusted !== 'object' || untrusted === null) return invalid('client configuration must be an object')
    const config = untrusted as ClientConfig
    const problems: ConfigProblem[] = []
    const problem = (
      path: readonly PathKey[],
      expected: string,
      message: string,
      reason: ConfigProblem['reason'] = 'InvalidConfig',
    ): void => {
      problems.push({ path, expected, message, reason })
    }
    const endpoint = parseEndpoint(config.endpoint ?? defaultEndpoint, config.allowInsecureHttp === true)
    if (endpoint.isErr())
      problem(['endpoint'], 'scheme://host[:port] (https, or http with allowInsecureHttp)', endpoint.error.message)
    const timeoutOptions = [
      ['timeoutMs', config.timeoutMs, DEFAULT_CALL_TIMEOUT_MS],
      ['connectTimeoutMs', config.connectTimeoutMs, DEFAULT_TIMEOUTS.connectTimeoutMs],
      ['headersTimeoutMs', config.headersTimeoutMs, DEFAULT_TIMEOUTS.headersTimeoutMs],
      ['bodyTimeoutMs', config.bodyTimeoutMs, DEFAULT_TIMEOUTS.bodyTimeoutMs],
    ] as const
    const [callTimeoutMs, connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs] = timeoutOptions.map(
      ([name, value, fallback]) => {
        if (value === undefined) return fallback
        if (isValidTimeout(value)) return value
        problem(
          [name],
          TIMEOUT_EXPECTED,
          `${name} must be a positive number of milliseconds, at most ${MAX_TIMEOUT_MS} (about 24.8 days)`,
        )
        return 0
      },
    )
    const maxConnections = config.maxConnections ?? 50
    if (!Number.isSafeInteger(maxConnections) || maxConnections < 1)
      problem(['maxConnections'], 'positive integer', 'maxConnections must be a positive integer')
    const dispatcher: unknown = config.dispatcher
    if (
      dispatcher !== undefined &&
      (typeof dispatcher !== 'object' ||
        dispatcher === null ||
        typeof (dispatcher as { request?: unknown }).request !== 'function' ||
        typeof (dispatcher as { dispatch?: unknown }).dispatch !== 'function')
    ) {
      problem(['dispatcher'], 'undici Dispatcher', 'dispatcher must be an undici Dispatcher')
    }
    const retry = resolveRetryPolicy(config.retry)
    if (retry.isErr()) {
      for (const issue of retry.error) {
        const path = ['retry', ...issue.path]
        problem(path, issue.expected, `${renderPath(path)} must be ${withArticle(issue.expected)}`)
      }
    }
    if (config.observe !== undefined && typeof config.observe !== 'function')
      problem(['observe'], 'function', 'observe must be a function')
    const source = config.credentials
    if (typeof source !== 'function') {
      const checked = checkCredentials(source)
      if (checked.isErr()) {
        const { path, expected, message } = checked.error
        problem(['credentials', ...path], expected, `static credentials: ${message}`, 'Credentials')
      }
    }
    if (typeof config.userAgent === 'string' && /[^\t\x20-\x7e]/.test(config.userAgent))
      problem(
        ['userAgent'],
        'visible ASCII characters, spaces and tabs',
        'userAgent must contain only visible ASCII characters, spaces and tabs (it is sent as a header)',
      )
    const [firstProblem, ...otherProblems] = problems
    if (firstProblem !== undefined) return err(configurationError([firstProblem, ...otherProblems]))
    if (endpoint.isErr() || retry.isErr()) return invalid('client configuration could not be read')
    const credentials: CredentialsProvider = typeof source === 'function' ? source : fromStatic(source)
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
