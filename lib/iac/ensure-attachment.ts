import type { IamClient, OperationError, Policy } from 'bce-iam'
import { okAsync, type ResultAsync } from 'neverthrow'
import type { Ensured } from './ensure-types'
import type { PrincipalKind } from './plan'

/** A policy attached to a user, group or role. */
export interface AttachmentSpec {
  /** The kind of principal the policy is attached to. */
  readonly principal: PrincipalKind
  /** The user's, group's or role's name. */
  readonly name: string
  /** The policy's name. */
  readonly policy: string
  /** Default `Custom`. */
  readonly policyType?: 'Custom' | 'System' | undefined
}

/**
 * Every error {@link ensureAttachment} can resolve to: those of listing and attaching (a missing
 * principal or policy is `NotFound`; a group or role at its policy limit is `LimitExceeded`).
 */
export type EnsureAttachmentError = OperationError<'NotFound' | 'LimitExceeded'>

/** The principal's attached policies (one list call). */
export function attachedPolicies(
  iam: IamClient,
  principal: PrincipalKind,
  name: string,
): ResultAsync<readonly Policy[], EnsureAttachmentError> {
  switch (principal) {
    case 'user':
      return iam.listUserAttachedPolicies({ userName: name })
    case 'group':
      return iam.listGroupAttachedPolicies({ groupName: name })
    case 'role':
      return iam.listRoleAttachedPolicies({ roleName: name })
  }
}

/** Attaches the policy (an idempotent PUT: attaching twice is harmless, a lost answer is retried). */
export function attachPolicy(iam: IamClient, spec: AttachmentSpec): ResultAsync<void, EnsureAttachmentError> {
  const policy = { policyName: spec.policy, policyType: spec.policyType ?? 'Custom' }
  switch (spec.principal) {
    case 'user':
      return iam.attachPolicyToUser({ userName: spec.name, ...policy })
    case 'group':
      return iam.attachPolicyToGroup({ groupName: spec.name, ...policy })
    case 'role':
      return iam.attachPolicyToRole({ roleName: spec.name, ...policy })
  }
}

/**
 * Makes the policy attached to the principal: `existing` when its attached policies already
 * include it (same name and type), else attaches it (`created`). Never rejects.
 */
export function ensureAttachment(
  iam: IamClient,
  spec: AttachmentSpec,
): ResultAsync<Ensured<AttachmentSpec>, EnsureAttachmentError> {
  const type = spec.policyType ?? 'Custom'
  const value = Object.freeze({ principal: spec.principal, name: spec.name, policy: spec.policy, policyType: type })
  return attachedPolicies(iam, spec.principal, spec.name).andThen(
    (policies): ResultAsync<Ensured<AttachmentSpec>, EnsureAttachmentError> =>
      policies.some((p) => p.name === spec.policy && (p.type ?? 'Custom') === type)
        ? okAsync(Object.freeze({ value, action: 'existing' as const }))
        : attachPolicy(iam, spec).map(() => Object.freeze({ value, action: 'created' as const })),
  )
}
