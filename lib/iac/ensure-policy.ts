import type { Acl, IamClient, IamError, Policy } from 'bce-iam'
import type { ResultAsync } from 'neverthrow'
import { ensureEntity } from './ensure-entity'
import type { Ensured } from './ensure-types'
import { describedDocumentDiffers } from './live-document'

/** A custom policy as {@link ensurePolicy} should leave it; an unset description is not compared. */
export interface PolicySpec {
  /** The custom policy's name. */
  readonly name: string
  /** The description the policy should have; left unchanged when absent. */
  readonly description?: string | undefined
  /** The ACL document the policy should have. */
  readonly document: Acl
}

/** Every error {@link ensurePolicy} can resolve to. */
export type EnsurePolicyError = IamError<'createPolicy'> | IamError<'getPolicy'> | IamError<'updatePolicy'>

/**
 * Whether `live` differs from `spec`: a differing description, or a document whose authored
 * part differs canonically (a live document that does not parse differs).
 */
export function policyDiffers(spec: PolicySpec, live: Policy): boolean {
  return describedDocumentDiffers('policy', spec, live)
}

/**
 * Makes the custom policy `spec.name` exist with the given document and description: creates
 * it, or finds it and updates what differs (documents compared canonically, so formatting and
 * the service's own `id` are not a difference), or confirms a create or update whose answer was
 * lost by reading it back. Never rejects.
 */
export function ensurePolicy(iam: IamClient, spec: PolicySpec): ResultAsync<Ensured<Policy>, EnsurePolicyError> {
  const { name, description, document } = spec
  return ensureEntity<Policy, EnsurePolicyError>({
    create: () => iam.createPolicy({ name, document, ...(description === undefined ? {} : { description }) }),
    read: () => iam.getPolicy({ policyName: name, policyType: 'Custom' }),
    differs: (live) => policyDiffers(spec, live),
    update: () =>
      iam.updatePolicy({ policyName: name, document, ...(description === undefined ? {} : { description }) }),
  })
}
