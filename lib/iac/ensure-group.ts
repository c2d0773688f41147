import type { Group, IamClient, IamError } from 'bce-iam'
import type { ResultAsync } from 'neverthrow'
import { ensureEntity } from './ensure-entity'
import type { Ensured } from './ensure-types'

/** A group as {@link ensureGroup} should leave it; an unset description is not compared. */
export interface GroupSpec {
  /** The group's name. */
  readonly name: string
  /** The description the group should have; left unchanged when absent. */
  readonly description?: string | undefined
}

/** Every error {@link ensureGroup} can resolve to. */
export type EnsureGroupError = IamError<'createGroup'> | IamError<'getGroup'> | IamError<'updateGroup'>

/** Whether `live` differs from `spec` in the fields it sets. */
export function groupDiffers(spec: GroupSpec, live: Group): boolean {
  return spec.description !== undefined && spec.description !== (live.description ?? '')
}

/**
 * Makes the group `spec.name` exist with the given description: creates it, or finds it and
 * updates a differing description, or confirms a create whose answer was lost by reading it
 * back. Never rejects.
 */
export function ensureGroup(iam: IamClient, spec: GroupSpec): ResultAsync<Ensured<Group>, EnsureGroupError> {
  const { name, description } = spec
  return ensureEntity<Group, EnsureGroupError>({
    create: () => iam.createGroup(description === undefined ? { name } : { name, description }),
    read: () => iam.getGroup({ groupName: name }),
    differs: (live) => groupDiffers(spec, live),
    update: () => iam.updateGroup({ groupName: name, ...(description === undefined ? {} : { description }) }),
  })
}
