/** The two policy namespaces: the read-only System catalogue and the account's Custom policies. */
export type PolicyType = 'System' | 'Custom'

/** A stored policy; `document` is the normalised ACL JSON string. */
export interface PolicyRecord {
  readonly id: string
  readonly name: string
  readonly type: PolicyType
  readonly description: string
  readonly document: string
  readonly createTime: string
}
