import type { BceError, IamClient, Policy } from 'bce-iam'
import { errAsync, okAsync, type ResultAsync } from 'neverthrow'
import { parseAcl } from '../acl'
import { makeClientError } from '../errors/make'
import { recover } from '../errors/narrow'
import { attachPolicy } from './ensure-attachment'
import { updateConfirmed } from './ensure-entity'
import { ensureGroup } from './ensure-group'
import { ensurePolicy } from './ensure-policy'
import { ensureRole } from './ensure-role'
import type { Ensured } from './ensure-types'
import { ensureUser } from './ensure-user'
import { sameDocument } from './live-document'
import type { AttachmentStep, CreateStep, DeleteStep, PlanStep, UpdateStep } from './plan'

/** How a step ended well: done, or done as shown by reading back after a lost answer. */
export type StepOutcome = 'applied' | 'recovered'

const outcomeOf = (ensured: Ensured<unknown>): StepOutcome => (ensured.action === 'recovered' ? 'recovered' : 'applied')

const applied = (): StepOutcome => 'applied'

/** Already gone is what a delete, detach or removal wants (also what a retry after a lost answer meets). */
const goneIsDone = recover('NotFound', () => okAsync<StepOutcome>('applied'))

function missingDocument(step: PlanStep & { readonly name: string }): ResultAsync<never, BceError> {
  return errAsync(
    makeClientError({
      reason: 'InvalidInput',
      message: `the plan's ${step.action} of ${step.target} ${step.name} has no document`,
      operation: 'apply',
      issues: [{ path: 'document', expected: 'an ACL document' }],
    }),
  )
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

function create(iam: IamClient, step: CreateStep): ResultAsync<StepOutcome, BceError> {
  const { name, description, enabled, document } = step
  switch (step.target) {
    case 'user':
      return ensureUser(iam, { name, description, enabled }).map(outcomeOf)
    case 'group':
      return ensureGroup(iam, { name, description }).map(outcomeOf)
    case 'policy':
      return document === undefined
        ? missingDocument(step)
        : ensurePolicy(iam, { name, description, document }).map(outcomeOf)
    case 'role':
      return document === undefined
        ? missingDocument(step)
        : ensureRole(iam, { name, description, trust: document }).map(outcomeOf)
  }
}

function policyDiffers(step: UpdateStep, live: Policy): boolean {
  if (step.description !== undefined && step.description !== (live.description ?? '')) return true
  if (step.document === undefined) return false
  const document = parseAcl(live.document ?? '')
  return document.isErr() || !sameDocument('policy', step.document, document.value)
}

function update(iam: IamClient, step: UpdateStep): ResultAsync<StepOutcome, BceError> {
  const { name, description, enabled, document } = step
  switch (step.target) {
    case 'user':
      return iam
        .updateUser({ userName: name, ...optional('description', description), ...optional('enabled', enabled) })
        .map(applied)
    case 'group':
      return iam.updateGroup({ groupName: name, ...optional('description', description) }).map(applied)
    case 'role':
      return iam
        .updateRole({
          roleName: name,
          ...optional('description', description),
          ...optional('assumeRolePolicyDocument', document),
        })
        .map(applied)
    case 'policy':
      // updatePolicy is a POST, never retried by the client: a lost answer is settled by reading back.
      return updateConfirmed<Policy, BceError>({
        update: () =>
          iam.updatePolicy({
            policyName: name,
            ...optional('description', description),
            ...optional('document', document),
          }),
        read: () => iam.getPolicy({ policyName: name, policyType: 'Custom' }),
        differs: (live) => policyDiffers(step, live),
      }).map(outcomeOf)
  }
}

function detach(iam: IamClient, step: AttachmentStep): ResultAsync<void, BceError> {
  const policy = { policyName: step.policy, policyType: step.policyType }
  switch (step.principal) {
    case 'user':
      return iam.detachPolicyFromUser({ userName: step.name, ...policy })
    case 'group':
      return iam.detachPolicyFromGroup({ groupName: step.name, ...policy })
    case 'role':
      return iam.detachPolicyFromRole({ roleName: step.name, ...policy })
  }
}

function remove(iam: IamClient, step: DeleteStep): ResultAsync<void, BceError> {
  switch (step.target) {
    case 'user':
      return iam.deleteUser({ userName: step.name })
    case 'group':
      return iam.deleteGroup({ groupName: step.name })
    case 'role':
      return iam.deleteRole({ roleName: step.name })
    case 'policy':
      return iam.deletePolicy({ policyName: step.name })
  }
}

/**
 * Runs one plan step with the public client. Creates go through the ensure combinators (a name
 * taken is read and compared, a lost answer is read back); adds and attachments are idempotent
 * calls the client retries; deletes, detaches and removals count `NotFound` as done.
 */
export function runStep(iam: IamClient, step: PlanStep): ResultAsync<StepOutcome, BceError> {
  switch (step.action) {
    case 'create':
      return create(iam, step)
    case 'update':
      return update(iam, step)
    case 'delete':
      return remove(iam, step).map(applied).orElse(goneIsDone)
    case 'add':
      return iam.addUserToGroup({ userName: step.user, groupName: step.group }).map(applied)
    case 'remove':
      return iam.removeUserFromGroup({ userName: step.user, groupName: step.group }).map(applied).orElse(goneIsDone)
    case 'attach':
      return attachPolicy(iam, step).map(applied)
    case 'detach':
      return detach(iam, step).map(applied).orElse(goneIsDone)
  }
}
