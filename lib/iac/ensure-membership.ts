import type { IamClient, IamError } from 'bce-iam'
import { okAsync, type ResultAsync } from 'neverthrow'
import type { Ensured } from './ensure-types'

/** A user's membership of a group. */
export interface MembershipSpec {
  /** The user's name. */
  readonly user: string
  /** The group's name. */
  readonly group: string
}

/** Every error {@link ensureMembership} can resolve to. */
export type EnsureMembershipError = IamError<'listGroupsForUser'> | IamError<'addUserToGroup'>

/**
 * Makes `spec.user` a member of `spec.group`: `existing` when the user's groups already include
 * it, else adds it (`created`; adding is idempotent, so a lost answer is simply retried by the
 * client). Never rejects.
 */
export function ensureMembership(
  iam: IamClient,
  spec: MembershipSpec,
): ResultAsync<Ensured<MembershipSpec>, EnsureMembershipError> {
  const value = Object.freeze({ user: spec.user, group: spec.group })
  return iam
    .listGroupsForUser({ userName: spec.user })
    .andThen((groups): ResultAsync<Ensured<MembershipSpec>, EnsureMembershipError> =>
      groups.some((group) => group.name === spec.group)
        ? okAsync(Object.freeze({ value, action: 'existing' as const }))
        : iam
            .addUserToGroup({ userName: spec.user, groupName: spec.group })
            .map(() => Object.freeze({ value, action: 'created' as const })),
    )
}
