import * as t from 'io-ts'
import { partialStruct, struct } from '../decode/struct'

/**
 * The account's limits, as getAccountSummary reports them (the newer Go SDK's `AccountLimitInfo`).
 * Every field is optional: the service (and the emulator) leaves out limits it does not report.
 */
export interface AccountLimitInfo {
  /** Sub-users per account. */
  readonly userLimit?: number
  /** Custom policies per account. */
  readonly policyLimit?: number
  /** Contacts per account. */
  readonly contactsLimit?: number
  /** Groups per account. */
  readonly groupLimit?: number
  /** Sub-users per group. */
  readonly subUserOfGroupLimit?: number
  /** Policies attached to one group. */
  readonly groupMaxAttachPolicyLimit?: number
  /** Roles per account. */
  readonly userRolePerAccountLimit?: number
  /** System policies attached to one role. */
  readonly roleMaxAttachSystemPolicyLimit?: number
  /** Custom policies attached to one role. */
  readonly roleMaxAttachCustomPolicyLimit?: number
  /** Access keys per sub-user. */
  readonly akskLimit?: number
}

/** How many of each entity the account holds now (the newer Go SDK's `AccountCountInfo`). */
export interface AccountCountInfo {
  /** Sub-users in the account. */
  readonly userCount?: number
  /** Custom policies (System policies are not counted). */
  readonly policyCount?: number
  /** Groups in the account. */
  readonly groupCount?: number
}

/** The answer of getAccountSummary (the newer Go SDK's `QuerySummaryOfMainAccountResponse`). */
export interface AccountSummary {
  /** The account's id. */
  readonly accountId: string
  /** The account's limits, when the service reports them. */
  readonly limitInfo?: AccountLimitInfo
  /** How many users, groups and custom policies the account holds, when reported. */
  readonly countInfo?: AccountCountInfo
}

const limitInfoCodec = partialStruct('AccountLimitInfo', {
  userLimit: t.number,
  policyLimit: t.number,
  contactsLimit: t.number,
  groupLimit: t.number,
  subUserOfGroupLimit: t.number,
  groupMaxAttachPolicyLimit: t.number,
  userRolePerAccountLimit: t.number,
  roleMaxAttachSystemPolicyLimit: t.number,
  roleMaxAttachCustomPolicyLimit: t.number,
  akskLimit: t.number,
})

const countInfoCodec = partialStruct('AccountCountInfo', {
  userCount: t.number,
  policyCount: t.number,
  groupCount: t.number,
})

/** Wire codec of {@link AccountSummary}: optional fields, nested ones included, may be absent or `null`. */
export const accountSummaryCodec: t.Decoder<unknown, AccountSummary> = struct(
  'AccountSummary',
  { accountId: t.string },
  { limitInfo: limitInfoCodec, countInfo: countInfoCodec },
)
