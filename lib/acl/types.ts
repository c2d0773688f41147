/**
 * Typed BCE ACL documents: the `document` of a policy, the `assumeRolePolicyDocument` of a role
 * and the optional ACL body of STS calls all use this grammar.
 *
 * @packageDocumentation
 */

/** Whether a statement grants or refuses. */
export type AclEffect = 'Allow' | 'Deny'

/** A principal a trust (or resource) statement applies to: an account id, or `*`. */
export interface AclGrantee {
  /** The grantee's BCE account id, or `*` for any account. */
  readonly id: string
}

/** One statement of an ACL. */
export interface AclStatement {
  /** Statement id (the server sets `role acl entry` in trust documents). */
  readonly eid?: string
  /** Service identifier, e.g. `bce:iam`, `bce:bos`, `bcc`, or `*`. */
  readonly service: string
  /** Region code (`bj`, `gz`, …) or `*`. */
  readonly region: string
  /**
   * Resource patterns, e.g. `["*"]` or `["my-bucket/logs/*"]`. Required in user, group and STS
   * policies; in trust documents the server fills in `["role/<roleId>"]`.
   */
  readonly resource?: readonly string[]
  /** Permission names (`READ`, `WRITE`, `LIST`, `FULL_CONTROL`, `AssumeRole`, …) or `*`. */
  readonly permission: readonly string[]
  /** `Allow` or `Deny`; a matching `Deny` overrides every `Allow`. */
  readonly effect: AclEffect
  /** Principals, for trust documents (who may assume a role); absent in user-based policies. */
  readonly grantee?: readonly AclGrantee[]
}

/** An ACL document. */
export interface Acl {
  /** Document id; the server sets `policy_<policyId>` for policies and `sts role acl` for trust documents. */
  readonly id?: string
  /** `"v1"` in trust documents. */
  readonly version?: string
  /** The statements, at least one. */
  readonly accessControlList: readonly AclStatement[]
}
