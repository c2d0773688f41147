import { IamClient, type BceError } from 'bce-iam'
import type { ExampleContext } from './context'

/** What the application tells its user, exhaustively by tag and kind. */
function explain(error: BceError): string {
  switch (error._tag) {
    case 'BceClientError':
      return `could not ask IAM (${error.reason})`
    case 'BceServiceError':
      switch (error.kind) {
        case 'AccessDenied':
          return `not allowed: ${error.message}`
        case 'NotFound':
        case 'AlreadyExists':
        case 'Conflict':
        case 'LimitExceeded':
        case 'AuthFailure':
        case 'InvalidRequest':
        case 'Throttled':
        case 'ServerError':
        case 'Unknown':
          return `IAM refused: ${error.kind}`
        default: {
          const unreachable: never = error
          return unreachable
        }
      }
    default: {
      const unreachable: never = error
      return unreachable
    }
  }
}

/**
 * Least privilege: a read-only sub-user with its own access key can list users, and creating a
 * user fails with `kind: 'AccessDenied'` (the emulator evaluates the user's policies).
 */
export async function leastPrivilege({ endpoint, credentials, log }: ExampleContext): Promise<boolean> {
  const admin = new IamClient({ endpoint, credentials, allowInsecureHttp: true })
  const key = await admin
    .createUser({ name: 'reader', description: 'read-only' })
    .andThen(() => admin.attachPolicyToUser({ userName: 'reader', policyName: 'IAMReadAccess', policyType: 'System' }))
    .andThen(() => admin.createAccessKey({ userName: 'reader' }))
  if (key.isErr()) {
    log(`✗ setup: ${String(key.error)}`)
    await admin.close()
    return false
  }
  log(`✓ sub-user reader holds IAMReadAccess and key ${key.value.id}`)

  const reader = new IamClient({
    endpoint,
    credentials: { accessKeyId: key.value.id, secretAccessKey: key.value.secret },
    allowInsecureHttp: true,
  })
  const listed = await reader.listUsers()
  log(
    listed.match(
      (users) => `✓ listUsers as reader → ${users.length} user(s)`,
      (e) => `✗ listUsers as reader: ${explain(e)}`,
    ),
  )
  const created = await reader.createUser({ name: 'intruder' })
  const denied = created.isErr() && created.error._tag === 'BceServiceError' && created.error.kind === 'AccessDenied'
  log(
    created.match(
      () => '✗ createUser as reader unexpectedly succeeded',
      (e) => `${denied ? '✓' : '✗'} createUser as reader → ${explain(e)}`,
    ),
  )

  await reader.close()
  await admin.close()
  return listed.isOk() && denied
}
