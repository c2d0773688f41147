import type { Result } from 'neverthrow'
import { defaultCredentials, IamClient, type BceClientError } from '..'
import type { Connection } from './args'

/**
 * The IAM client of a command: credentials through `defaultCredentials` (environment, then the
 * profile file), the endpoint and its scheme check from the command line. A configuration
 * problem (a malformed endpoint) is returned at once rather than on the first call.
 */
export function cliClient(
  connection: Connection,
  env: Readonly<Record<string, string | undefined>>,
): Result<IamClient, BceClientError> {
  return IamClient.create({
    credentials: defaultCredentials({ env }),
    ...(connection.endpoint === undefined ? {} : { endpoint: connection.endpoint }),
    allowInsecureHttp: connection.allowInsecureHttp,
    userAgent: 'bce-iam-cli',
  })
}
