import { errAsync, okAsync, type ResultAsync } from 'neverthrow'
import { makeClientError } from '../errors/make'
import type { BceClientError } from '../errors/types'

/** A BCE key pair, optionally temporary (STS) with its session token and expiry. */
export interface Credentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  /** STS session token, sent as `x-bce-security-token` and signed. */
  readonly sessionToken?: string
  /** When temporary credentials stop working. */
  readonly expiration?: Date
}

/** Something that produces credentials on demand (it may cache and refresh them). */
export type CredentialsProvider = () => ResultAsync<Credentials, BceClientError>

/** Where a client gets its credentials: a fixed key pair or a provider. */
export type CredentialsSource = Credentials | CredentialsProvider

// Header values: what a request may carry in the Authorization and x-bce-security-token headers.
const NOT_VISIBLE_ASCII = /[^\x21-\x7e]/
const NOT_HEADER_TEXT = /[^\t\x20-\x7e]/

/**
 * Checks the shape of a key pair; the message names the field but never echoes a value.
 * The access key id (sent in the Authorization header) must be visible ASCII without `/`, and
 * the session token (sent as `x-bce-security-token`) visible ASCII, spaces and tabs: anything
 * else (CR/LF, control or non-Latin-1 characters) cannot form a valid header. Returns
 * undefined when the credentials are usable.
 */
export function credentialsProblem(credentials: unknown): string | undefined {
  if (typeof credentials !== 'object' || credentials === null)
    return 'credentials must be an object or a provider function'
  const record = credentials as Record<string, unknown>
  if (typeof record.accessKeyId !== 'string' || record.accessKeyId.length === 0)
    return 'accessKeyId must be a non-empty string'
  if (/[\s/]/.test(record.accessKeyId)) return 'accessKeyId must not contain whitespace or "/"'
  if (NOT_VISIBLE_ASCII.test(record.accessKeyId))
    return 'accessKeyId must contain only visible ASCII characters (it is sent in the Authorization header)'
  if (typeof record.secretAccessKey !== 'string' || record.secretAccessKey.length === 0)
    return 'secretAccessKey must be a non-empty string'
  if (
    record.sessionToken !== undefined &&
    (typeof record.sessionToken !== 'string' || record.sessionToken.length === 0)
  ) {
    return 'sessionToken, when given, must be a non-empty string'
  }
  if (typeof record.sessionToken === 'string' && NOT_HEADER_TEXT.test(record.sessionToken)) {
    return 'sessionToken must contain only visible ASCII characters, spaces and tabs (it is sent as a header)'
  }
  if (
    record.expiration !== undefined &&
    !(record.expiration instanceof Date && !Number.isNaN(record.expiration.getTime()))
  ) {
    return 'expiration, when given, must be a valid Date'
  }
  return undefined
}

/**
 * A provider that always yields the same credentials (copied, so later mutation of the caller's
 * object has no effect), or a `Credentials` error if they are malformed or have expired.
 */
export function fromStatic(credentials: Credentials, now: () => number = Date.now): CredentialsProvider {
  const problem = credentialsProblem(credentials)
  if (problem !== undefined) {
    const error = makeClientError({
      reason: 'Credentials',
      message: `static credentials: ${problem}`,
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
 * undefined.
 */
export function fixedStaticCredentials(credentials: unknown): Credentials | undefined {
  if (credentialsProblem(credentials) !== undefined) return undefined
  const source = credentials as Credentials
  if (source.expiration !== undefined) return undefined
  return Object.freeze(
    source.sessionToken === undefined
      ? { accessKeyId: source.accessKeyId, secretAccessKey: source.secretAccessKey }
      : { accessKeyId: source.accessKeyId, secretAccessKey: source.secretAccessKey, sessionToken: source.sessionToken },
  )
}
