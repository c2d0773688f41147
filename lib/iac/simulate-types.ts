import type { Acl, AclDecision, AclEffect, AclStatement } from 'bce-iam'

/** Whose policies a simulation evaluates: a user's (its own and its groups'), a group's, or a role's. */
export type SimulatedPrincipal = { readonly user: string } | { readonly group: string } | { readonly role: string }

/** The question {@link simulate} answers: may `principal` do `permission` on `resource`? */
export interface SimulationRequest {
  /** Who makes the request. */
  readonly principal: SimulatedPrincipal
  /** Permission needed, e.g. `READ`, `WRITE` or `AssumeRole`. */
  readonly permission: string
  /** Resource acted on, e.g. `my-bucket/logs/a.txt` or `user/alice`. */
  readonly resource: string
  /**
   * Service of the action (literal, compared case-insensitively).
   * @default `bce:iam`
   */
  readonly service?: string | undefined
  /**
   * Region of the action (literal).
   * @default `bj`
   */
  readonly region?: string | undefined
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /**
   * The documents of System policies, by name. A System policy the principal holds that is not
   * listed here makes the simulation fail with an issue (it is never silently ignored).
   * @default none
   */
  readonly systemPolicies?: Readonly<Record<string, Acl>> | undefined
}

/** How a policy reaches the principal: attached to the user, to one of its groups, or to the role. */
export type AttachmentSource =
  | { readonly kind: 'user'; readonly name: string }
  | { readonly kind: 'group'; readonly name: string }
  | { readonly kind: 'role'; readonly name: string }

/** A policy that applies to the principal (each counted once, however many ways it is attached). */
export interface EffectivePolicy {
  /** The policy's name. */
  readonly name: string
  /** Whether it is a custom policy of the account or a system policy. */
  readonly type: 'Custom' | 'System'
  /** Every attachment through which the principal holds the policy, in document order. */
  readonly via: readonly AttachmentSource[]
  /** The policy's ACL document. */
  readonly document: Acl
}

/** A statement that matched the request: which policy, which statement, with which effect. */
export interface SimulatedStatement {
  /** The name of the policy holding the statement. */
  readonly policy: string
  /** Whether that policy is custom or system. */
  readonly policyType: 'Custom' | 'System'
  /** Every attachment through which the principal holds that policy. */
  readonly via: readonly AttachmentSource[]
  /** Index of the statement in the policy's `accessControlList`. */
  readonly statementIndex: number
  /** The statement's effect (`Allow` or `Deny`). */
  readonly effect: AclEffect
  /** The statement, as written in the policy. */
  readonly statement: AclStatement
}

/** The answer of {@link simulate}. */
export interface SimulationResult {
  /** Whether the request is allowed (`decision` is `Allow`). */
  readonly allowed: boolean
  /**
   * `ExplicitDeny` when a matching statement denies (a Deny wins over every Allow), else `Allow`
   * when one allows, else `ImplicitDeny` (nothing matched, or the user is disabled).
   */
  readonly decision: AclDecision
  /**
   * The statements that decided: every matching Deny for `ExplicitDeny`, every matching Allow for
   * `Allow`, none for `ImplicitDeny`.
   */
  readonly deciding: readonly SimulatedStatement[]
  /** Every matching statement of either effect, in policy then statement order. */
  readonly matched: readonly SimulatedStatement[]
  /** The policies evaluated, in the order they were found. */
  readonly policies: readonly EffectivePolicy[]
  /** The user is disabled (`enabled: false`): nothing is allowed, whatever its policies say. */
  readonly disabled: boolean
}
