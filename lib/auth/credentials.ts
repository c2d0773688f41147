import { err, errAsync, ok, okAsync, type Result, type ResultAsync } from 'neverthrow'
import type { Issue, PathKey } from '../errors/issue'
import { makeClientError } from '../errors/make'
import type { BceClientError } from '../errors/types'
import type { Observer } from '../observe/observe'

/** A BCE key pair, optionally temporary (STS) with its session token and expiry. */
export interface Credentials {
  /** The access key id (AK), sent in the clear in the `authorization` header. */
  readonly accessKeyId: string
  /** The secret access key (SK) that signs requests; never sent and never rendered. */
  readonly secretAccessKey: string
  /** STS session token, sent as `x-bce-security-token` and signed. */
  readonly sessionToken?: string | undefined
  /** When temporary credentials stop working. */
  readonly expiration?: Date | undefined
}

/** What a client hands its credentials provider at each call. */
export interface ProviderContext {
  /** Where the provider may report warnings: the client's (and the call's) observers. */
  readonly observe?: Observer | undefined
}

/**
 * Something that produces credentials on demand (it may cache and refresh them). A client calls
 * it with a {@link ProviderContext}; a provider may ignore it.
 */
export type CredentialsProvider = (context?: ProviderContext) => ResultAsync<Credentials, BceClientError>

/** Where a client gets its credentials: a fixed key pair or a provider. */
export type CredentialsSource = Credentials | CredentialsProvider

// Header values: what a request may carry in the Authorization and x-bce-security-token headers.
const NOT_VISIBLE_ASCII = /[^\x21-\x7e]/
const NOT_HEADER_TEXT = /[^\t\x20-\x7e]/

/**
 * Why a value is not a usable key pair: the offending field (path relative to the credentials
 * object, empty for the object itself), what it must be, and a sentence naming the field. Never
 * holds the value.
 */
export interface CredentialsIssue extends Issue {
  /** E.g. `accessKeyId must be a non-empty string`. */
  readonly message: string
}

function refused(path: readonly PathKey[], expected: string, message: string): Result<never, CredentialsIssue> {
  return err({ path, expected, message })
}

/**
 * The success of {@link checkCredentials}: one shared value, so checking the credentials a
 * provider returns on every call allocates nothing when they are fine (the per-call path is
 * benchmarked).
 */
const USABLE: Result<void, never> = ok(undefined)

/**
 * Checks the shape of a key pair (the caller may then treat it as {@link Credentials}). The
 * access key id (sent in the Authorization header) must be visible ASCII without `/`, and the
 * session token (sent as `x-bce-security-token`) visible ASCII, spaces and tabs: anything else
 * (CR/LF, control or non-Latin-1 characters) cannot form a valid header. A refusal names the
 * field, never its value.
 */
export function checkCredentials(credentials: unknown): Result<void, CredentialsIssue> {
  if (typeof credentials !== 'object' || credentials === null)
    return refused([], 'key pair object or provider function', 'credentials must be an object or a provider function')
  const record = credentials as Record<string, unknown>
  if (typeof record.accessKeyId !== 'string' || record.accessKeyId.length === 0)
    return refused(['accessKeyId'], 'non-empty string', 'accessKeyId must be a non-empty string')
  if (/[\s/]/.test(record.accessKeyId))
    return refused(
      ['accessKeyId'],
      'string without whitespace or "/"',
      'accessKeyId must not contain whitespace or "/"',
    )
  if (NOT_VISIBLE_ASCII.test(record.accessKeyId))
    return refused(
      ['accessKeyId'],
      'visible ASCII characters only',
      'accessKeyId must contain only visible ASCII characters (it is sent in the Authorization header)',
    )
  if (typeof record.secretAccessKey !== 'string' || record.secretAccessKey.length === 0)
    return refused(['secretAccessKey'], 'non-empty string', 'secretAccessKey must be a non-empty string')
  if (
    record.sessionToken !== undefined &&
    (typeof record.sessionToken !== 'string' || record.sessionToken.length === 0)
  ) {
    return refused(
      ['sessionToken'],
      'non-empty string or absent',
      'sessionToken, when given, must be a non-empty string',
    )
  }
  if (typeof record.sessionToken === 'string' && NOT_HEADER_TEXT.test(record.sessionToken)) {
    return refused(
      ['sessionToken'],
      'visible ASCII characters, spaces and tabs only',
      'sessionToken must contain only visible ASCII characters, spaces and tabs (it is sent as a header)',
    )
  }
  if (
    record.expiration !== undefined &&
    !(record.expiration instanceof Date && !Number.isNaN(record.expiration.getTime()))
  ) {
    return refused(['expiration'], 'valid Date or absent', 'expiration, when given, must be a valid Date')
  }
  return USABLE
}

/**
 * A provider that always yields the same credentials (copied, so later mutation of the caller's
 * object has no effect), or a `Credentials` error if they are malformed or have expired.
 */
export function fromStatic(credentials: Credentials, now: () => number = Date.now): CredentialsProvider {
  const checked = checkCredentials(credentials)
  if (checked.isErr()) {
    const error = makeClientError({
      reason: 'Credentials',
      message: `static credentials: ${checked.error.message}`,
      operation: 'credentials',
    })
    return () => errAsync(error)
  }
  const copy: Credentials = {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken === undefined ? {} : { sessionToken: credentials.sessionToken }),
    ...(credentials.expiration === undefined ? {} : { expiration: new Date(credentials.expiration.getTime()) }),
  }
  return () => {
    if (copy.expiration !== undefined && copy.expiration.getTime() <= now()) {
      return errAsync(
        makeClientError({
          reason: 'Credentials',
          message: `static session credentials expired at ${copy.expiration.toISOString()}`,
          operation: 'credentials',
        }),
      )
    }
    return okAsync(copy)
  }
}

/**
 * The credentials every call of a client configured with this static key pair uses, when they
 * can be fixed once at construction: well-formed and without an expiry (expiring ones go through
 * {@link fromStatic}'s provider on every call, which checks the clock). A frozen copy, or
 * undefined when they cannot be fixed (not a failure: the client then calls the provider).
 */
export function fixedStaticCredentials(credentials: unknown): Credentials | undefined {
  if (checkCredentials(credentials).isErr()) return undefined
  const source = credentials as Credentials
  if (source.expiration !== undefined) return undefined
  return Object.freeze(
    source.sessionToken === undefined
      ? { accessKeyId: source.accessKeyId, secretAccessKey: source.secretAccessKey }
      : { accessKeyId: source.accessKeyId, secretAccessKey: source.secretAccessKey, sessionToken: source.sessionToken },
  )
}
