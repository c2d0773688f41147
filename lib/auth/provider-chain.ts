import { err, ResultAsync, type Result } from 'neverthrow'
import type { Observer } from '../observe/observe'
import type { BceClientError } from '../errors/types'
import { fromStatic, type Credentials, type CredentialsProvider } from './credentials'
import { credentialsError } from './credentials-error'
import { fromEnv } from './from-env'
import { fromProfile, type ProfileOptions } from './from-profile'
import { resolveCredentials } from './resolve-credentials'

/** A named source in a chain. */
export interface NamedProvider {
  /** A label for the provider (e.g. `explicit`, `environment`, `profile`), used in the chain's error message. */
  readonly name: string
  /** The provider the chain asks, in order. */
  readonly provider: CredentialsProvider
}

/** `name: message`, without repeating the label when the message already starts with it. */
function labelled(name: string, message: string): string {
  return message.startsWith(`${name}: `) ? message : `${name}: ${message}`
}

/**
 * Tries providers in order and yields the first credentials found. When all fail, the
 * `Credentials` error lists every source tried and why it failed (never a secret value).
 */
export function chainProviders(sources: readonly NamedProvider[]): CredentialsProvider {
  return (context) =>
    new ResultAsync(
      (async (): Promise<Result<Credentials, BceClientError>> => {
        const failures: string[] = []
        for (const { name, provider } of sources) {
          const result = await resolveCredentials(provider, 'credentials', context?.observe)
          if (result.isOk()) return result
          failures.push(labelled(name, result.error.message))
        }
        return err(
          credentialsError(
            sources.length === 0
              ? 'no credential sources configured'
              : `no credentials found; tried ${failures.join('; ')}`,
          ),
        )
      })(),
    )
}

/** Options of {@link defaultCredentials}. */
export interface DefaultCredentialsOptions extends ProfileOptions {
  /**
   * Explicit credentials, tried first.
   * @default none (the chain starts with the environment)
   */
  readonly credentials?: Credentials | undefined
  /**
   * Environment to read.
   * @default `process.env`
   */
  readonly env?: NodeJS.ProcessEnv | undefined
  /**
   * Receives warnings (e.g. a world-readable profile file).
   * @default none
   */
  readonly observe?: Observer | undefined
}

/**
 * The default chain: explicit credentials → environment (`BCE_ACCESS_KEY_ID`,
 * `BCE_SECRET_ACCESS_KEY`, `BCE_SECURITY_TOKEN`) → profile file (`~/.bce/config.json`, profile
 * from the option, `BCE_PROFILE`, or the file's `current`). Unlike Baidu's `bce` CLI, the
 * environment wins over the profile file, as in most cloud SDKs.
 */
export function defaultCredentials(options: DefaultCredentialsOptions = {}): CredentialsProvider {
  const sources: NamedProvider[] = []
  if (options.credentials !== undefined) sources.push({ name: 'explicit', provider: fromStatic(options.credentials) })
  sources.push({ name: 'environment', provider: fromEnv(options.env) })
  sources.push({ name: 'profile', provider: fromProfile(options) })
  return chainProviders(sources)
}
