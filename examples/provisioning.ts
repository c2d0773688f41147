import { acl, allow, IamClient, recover, type BceError, type ResultAsync } from 'bce-iam'
import type { ExampleContext } from './context'

/**
 * "Ensure" helpers: create, and treat `AlreadyExists` as success by reading what is there.
 * Safe to run any number of times. `recover` removes `AlreadyExists` from the error type: what is
 * left is the create's other errors and the read's.
 */
function provisioner(iam: IamClient) {
  return {
    user: (name: string) =>
      iam.createUser({ name }).orElse(recover('AlreadyExists', () => iam.getUser({ userName: name }))),
    group: (name: string) =>
      iam.createGroup({ name }).orElse(recover('AlreadyExists', () => iam.getGroup({ groupName: name }))),
    policy: (name: string, document: Parameters<IamClient['createPolicy']>[0]['document']) =>
      iam.createPolicy({ name, document }).orElse(recover('AlreadyExists', () => iam.getPolicy({ policyName: name }))),
  }
}

/** The whole desired state: a user in a group, the group holding a custom read-only policy. */
function provision(iam: IamClient): ResultAsync<string, BceError> {
  const ensure = provisioner(iam)
  const readLogs = acl(
    allow({ service: 'bce:bos', region: 'bj', resource: ['logs-bucket/*'], permission: ['READ', 'LIST'] }),
  )
  return ensure
    .user('dave')
    .andThen((user) => ensure.group('auditors').map((group) => ({ user, group })))
    .andThen(({ user, group }) => ensure.policy('read-logs', readLogs).map((policy) => ({ user, group, policy })))
    .andThen((state) => iam.addUserToGroup({ groupName: state.group.name, userName: state.user.name }).map(() => state))
    .andThen((state) =>
      iam.attachPolicyToGroup({ groupName: state.group.name, policyName: state.policy.name }).map(() => state),
    )
    .map(
      ({ user, group, policy }) => `user ${user.name} (${user.id}) in ${group.name} with ${policy.name} (${policy.id})`,
    )
}

/** Provisions twice and checks the second run changed nothing. */
export async function provisioning({ endpoint, credentials, log }: ExampleContext): Promise<boolean> {
  const iam = new IamClient({ endpoint, credentials, allowInsecureHttp: true })
  const first = await provision(iam)
  log(
    first.match(
      (s) => `✓ first run:  ${s}`,
      (e) => `✗ first run failed: ${String(e)}`,
    ),
  )
  const second = await provision(iam)
  log(
    second.match(
      (s) => `✓ second run: ${s}`,
      (e) => `✗ second run failed: ${String(e)}`,
    ),
  )
  const members = await iam.listUsersInGroup({ groupName: 'auditors' })
  const attached = await iam.listGroupAttachedPolicies({ groupName: 'auditors' })
  const counts = members.andThen((m) => attached.map((a) => ({ members: m.length, policies: a.length })))
  const unchanged = counts.isOk() && counts.value.members === 1 && counts.value.policies === 1
  log(
    `${unchanged ? '✓' : '✗'} after two runs the group has ${counts.match((c) => `${c.members} member(s) and ${c.policies} policy(ies)`, String)}`,
  )
  await iam.close()
  return first.isOk() && second.isOk() && first.value === second.value && unchanged
}
