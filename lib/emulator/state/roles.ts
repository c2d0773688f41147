/** A stored role; `assumeRolePolicyDocument` is the normalised trust ACL JSON string. */
export interface RoleRecord {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly assumeRolePolicyDocument: string
  readonly createTime: string
}
