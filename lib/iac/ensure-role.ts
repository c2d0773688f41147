import type { Acl, IamClient, IamError, Role } from 'bce-iam'
import type { ResultAsync } from 'neverthrow'
import { ensureEntity } from './ensure-entity'
import type { Ensured } from './ensure-types'
import { describedDocumentDiffers } from './live-document'

/** A role as {@link ensureRole} should leave it; an unset description is not compared. */
export interface RoleSpec {
  /** The role's name. */
  readonly name: string
  /** The description the role should have; left unchanged when absent. */
  readonly description?: string | undefined
  /** Who may assume the role (see `trustPolicy` in the ACL toolkit). */
  readonly trust: Acl
}

/** Every error {@link ensureRole} can resolve to. */
export type EnsureRoleError = IamError<'createRole'> | IamError<'getRole'> | IamError<'updateRole'>

/**
 * Whether `live` differs from `spec`: a differing description, or a trust document whose
 * authored part differs canonically (the `eid` and `resource` the service sets are ignored).
 */
export function roleDiffers(spec: RoleSpec, live: Role): boolean {
  return describedDocumentDiffers(
    'trust',
    { description: spec.description, document: spec.trust },
    { description: live.description, document: live.assumeRolePolicyDocument },
  )
}

/**
 * Makes the role `spec.name` exist with the given trust document and description: creates it,
 * or finds it and updates what differs, or confirms a create whose answer was lost by reading
 * it back. Never rejects.
 */
export function ensureRole(iam: IamClient, spec: RoleSpec): ResultAsync<Ensured<Role>, EnsureRoleError> {
  const { name, description, trust } = spec
  const fields = { assumeRolePolicyDocument: trust, ...(description === undefined ? {} : { description }) }
  return ensureEntity<Role, EnsureRoleError>({
    create: () => iam.createRole({ name, ...fields }),
    read: () => iam.getRole({ roleName: name }),
    differs: (live) => roleDiffers(spec, live),
    update: () => iam.updateRole({ roleName: name, ...fields }),
  })
}
