import { errAsync, okAsync } from 'neverthrow'
import type { Credentials, CredentialsProvider } from './credentials'
import { credentialsError } from './credentials-error'

/** Environment variable names read by {@link fromEnv} (the ones Baidu's `bce` CLI uses). */
export const ENV_ACCESS_KEY_ID = 'BCE_ACCESS_KEY_ID'
/** The secret key variable. */
export const ENV_SECRET_ACCESS_KEY = 'BCE_SECRET_ACCESS_KEY'
/** The optional STS session token variable. */
export const ENV_SECURITY_TOKEN = 'BCE_SECURITY_TOKEN'

/**
 * Credentials from `BCE_ACCESS_KEY_ID`, `BCE_SECRET_ACCESS_KEY` and optionally
 * `BCE_SECURITY_TOKEN`, read at each call (so a rotated environment is picked up). A missing
 * variable is a `Credentials` error naming it.
 */
export function fromEnv(env: NodeJS.ProcessEnv = process.env): CredentialsProvider {
  return () => {
    const accessKeyId = env[ENV_ACCESS_KEY_ID]
    const secretAccessKey = env[ENV_SECRET_ACCESS_KEY]
    const token = env[ENV_SECURITY_TOKEN]
    const missing = [
      ...(accessKeyId === undefined || accessKeyId === '' ? [ENV_ACCESS_KEY_ID] : []),
      ...(secretAccessKey === undefined || secretAccessKey === '' ? [ENV_SECRET_ACCESS_KEY] : []),
    ]
    if (missing.length > 0 || accessKeyId === undefined || secretAccessKey === undefined) {
      return errAsync(credentialsError(`environment: ${missing.join(' and ')} not set`))
    }
    const credentials: Credentials = {
      accessKeyId,
      secretAccessKey,
      ...(token === undefined || token === '' ? {} : { sessionToken: token }),
    }
    return okAsync(credentials)
  }
}
