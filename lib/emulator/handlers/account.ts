import { reply, type Outcome } from '../wire'
import type { HandlerContext } from './context'

/**
 * A1 getAccountSummary: `{accountId, limitInfo, countInfo}` in the newer Go SDK's field names.
 * `limitInfo` holds the limits the emulator enforces (its configured `limits`: users and groups
 * per account, users and policies per group, access keys per user); limits it does not enforce
 * are left out. `countInfo` counts the users, groups and custom policies there are now.
 */
export function getAccountSummary({ state }: HandlerContext): Outcome {
  const { limits } = state
  return reply(200, {
    accountId: state.accountId,
    limitInfo: {
      userLimit: limits.usersPerAccount,
      groupLimit: limits.groupsPerAccount,
      subUserOfGroupLimit: limits.usersPerGroup,
      groupMaxAttachPolicyLimit: limits.policiesPerGroup,
      akskLimit: limits.accessKeysPerUser,
    },
    countInfo: { userCount: state.users.size, policyCount: state.policies.size, groupCount: state.groups.size },
  })
}
