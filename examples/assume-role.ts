import { fromAssumeRole, IamClient, StsClient, trustPolicy } from 'bce-iam'
import type { ExampleContext } from './context'

/**
 * Assume a role: the account creates a role that trusts itself, grants it read access to IAM,
 * and a client then lists users with the role's temporary credentials, fetched and refreshed by
 * `fromAssumeRole` (one STS call, cached until five minutes before expiry).
 */
export async function assumeRole({
  endpoint,
  stsEndpoint,
  accountId,
  credentials,
  log,
}: ExampleContext): Promise<boolean> {
  const admin = new IamClient({ endpoint, credentials, allowInsecureHttp: true })
  const setup = await admin
    .createRole({
      name: 'auditor',
      description: 'read-only IAM access',
      assumeRolePolicyDocument: trustPolicy({ accountIds: [accountId] }),
    })
    .andThen((role) =>
      admin
        .attachPolicyToRole({ roleName: role.name, policyName: 'IAMReadAccess', policyType: 'System' })
        .map(() => role),
    )
    .andThen((role) => admin.createUser({ name: 'erin' }).map(() => role))
  log(
    setup.match(
      (role) => `✓ role ${role.name} (${role.id}) trusts account ${accountId} and holds IAMReadAccess`,
      (e) => `✗ setup: ${String(e)}`,
    ),
  )

  const sts = new StsClient({ endpoint: stsEndpoint, credentials, allowInsecureHttp: true })
  const asAuditor = new IamClient({
    endpoint,
    credentials: fromAssumeRole({ sts, accountId, roleName: 'auditor', durationSeconds: 900 }),
    allowInsecureHttp: true,
  })
  const users = await asAuditor.listUsers()
  log(
    users.match(
      (list) => `✓ listUsers as the role → [${list.map((u) => u.name).join(', ')}]`,
      (e) => `✗ listUsers as the role: ${String(e)}`,
    ),
  )
  const again = await asAuditor.getUser({ userName: 'erin' })
  log(
    again.match(
      (u) => `✓ getUser as the role → ${u.name} (cached credentials, no second STS call)`,
      (e) => `✗ getUser: ${String(e)}`,
    ),
  )

  await Promise.all([asAuditor.close(), sts.close(), admin.close()])
  return setup.isOk() && users.isOk() && again.isOk()
}
