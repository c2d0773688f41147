import { readFile, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { err, ok, ResultAsync, type Result } from 'neverthrow'
import { parseJsonBytes } from '../decode/json'
import type { Observer } from '../observe/observe'
import { emit, fanOut } from '../observe/observe'
import type { BceClientError } from '../errors/types'
import type { Credentials, CredentialsProvider } from './credentials'
import { credentialsError } from './credentials-error'

/** The environment variable that selects a profile. */
export const ENV_PROFILE = 'BCE_PROFILE'

/** Options of {@link fromProfile}. */
export interface ProfileOptions {
  /**
   * Profile name.
   * @default `BCE_PROFILE`, then the file's `current`, then the only profile
   */
  readonly profile?: string | undefined
  /**
   * Path of the config file.
   * @default `~/.bce/config.json`
   */
  readonly file?: string | undefined
  /**
   * Where `BCE_PROFILE` is read.
   * @default `process.env`
   */
  readonly env?: NodeJS.ProcessEnv | undefined
  /**
   * Receives a warning when the file is readable by group or others (as does the observer of
   * the client calling the provider).
   * @default none
   */
  readonly observe?: Observer | undefined
}

/** The default profile file of Baidu's `bce` CLI. */
export function defaultProfileFile(): string {
  return join(homedir(), '.bce', 'config.json')
}

type ProfileRecord = Record<string, unknown>

/** The profile to use from a parsed profile file: the one named `wanted` (or `current`, or the only one). */
function pickProfile(
  document: unknown,
  wanted: string | undefined,
  file: string,
): Result<ProfileRecord, BceClientError> {
  if (
    typeof document !== 'object' ||
    document === null ||
    !Array.isArray((document as { profiles?: unknown }).profiles)
  ) {
    return err(credentialsError(`profile file ${file}: expected {"current": …, "profiles": [ … ]}`))
  }
  const { profiles, current } = document as { profiles: unknown[]; current?: unknown }
  const records = profiles.filter((p): p is ProfileRecord => typeof p === 'object' && p !== null && !Array.isArray(p))
  const name = wanted ?? (typeof current === 'string' && current !== '' ? current : undefined)
  if (name === undefined) {
    const [only] = records
    if (only !== undefined && records.length === 1) return ok(only)
    return err(
      credentialsError(
        `profile file ${file}: no profile chosen (set ${ENV_PROFILE} or "current") among ${records.length} profiles`,
      ),
    )
  }
  const found = records.find((record) => record.name === name)
  return found === undefined
    ? err(credentialsError(`profile file ${file}: no profile named ${JSON.stringify(name)}`))
    : ok(found)
}

/** The key pair of a profile; a missing field is a `Credentials` error naming it. */
function credentialsOf(record: ProfileRecord, file: string): Result<Credentials, BceClientError> {
  const name = typeof record.name === 'string' ? record.name : '(unnamed)'
  const field = (key: string): string | undefined => {
    const value = record[key]
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  const accessKeyId = field('access_key_id')
  const secretAccessKey = field('secret_access_key')
  const token = field('security_token')
  const missing = [
    ...(accessKeyId === undefined ? ['access_key_id'] : []),
    ...(secretAccessKey === undefined ? ['secret_access_key'] : []),
  ]
  if (record.mode === 'StsToken' && token === undefined) missing.push('security_token (mode StsToken)')
  if (missing.length > 0 || accessKeyId === undefined || secretAccessKey === undefined) {
    return err(credentialsError(`profile ${JSON.stringify(name)} in ${file}: missing ${missing.join(', ')}`))
  }
  return ok({ accessKeyId, secretAccessKey, ...(token === undefined ? {} : { sessionToken: token }) })
}

/**
 * Credentials from a `bce` CLI profile file (`~/.bce/config.json`): `{ current, profiles: [{ name,
 * mode: 'AK' | 'StsToken', access_key_id, secret_access_key, security_token, … }] }`. The file is
 * read at each call. Malformed files and missing fields are `Credentials` errors that say what is
 * wrong (never the values); a file readable by group or others triggers a warning event, sent to
 * `options.observe` and to the calling client's observers.
 */
export function fromProfile(options: ProfileOptions = {}): CredentialsProvider {
  return (context) => {
    const file = options.file ?? defaultProfileFile()
    const wanted = options.profile ?? nonEmpty((options.env ?? process.env)[ENV_PROFILE])
    return ResultAsync.fromPromise(Promise.all([readFile(file), stat(file)]), (cause) =>
      credentialsError(
        `profile file ${file} cannot be read (${(cause as { code?: string | undefined }).code ?? 'error'})`,
        cause,
      ),
    ).andThen(([bytes, info]) => {
      if ((info.mode & 0o077) !== 0) {
        const client = context?.observe
        emit(client === options.observe ? client : fanOut(options.observe, client), {
          type: 'warning',
          source: 'credentials',
          message: `profile file ${file} is readable by group or others (mode ${(info.mode & 0o777).toString(8)}); chmod 600 it`,
        })
      }
      const parsed = parseJsonBytes(bytes)
      if (parsed === undefined) return err(credentialsError(`profile file ${file} is not valid JSON`))
      return pickProfile(parsed.value, wanted, file).andThen((record) => credentialsOf(record, file))
    })
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
