import type { AclEvaluation } from 'bce-iam'
import { err, ok, type Result } from 'neverthrow'
import { evaluateAcl } from '../acl'
import { renderIssue } from '../errors/issue'
import { iacError, type DesiredState, type IacError } from './document'
import { principalPolicies, type PrincipalPolicies } from './simulate-policies'
import type { SimulatedStatement, SimulateOptions, SimulationRequest, SimulationResult } from './simulate-types'

/** Service assumed when the request names none: IAM itself. */
export const DEFAULT_SIMULATED_SERVICE = 'bce:iam'
/** Region assumed when the request names none: Beijing, where the IAM endpoint is. */
export const DEFAULT_SIMULATED_REGION = 'bj'

function evaluate(found: PrincipalPolicies, request: SimulationRequest): SimulationResult {
  const { policies, disabled } = found
  const evaluation: AclEvaluation = evaluateAcl(
    policies.map((policy) => policy.document),
    {
      service: request.service ?? DEFAULT_SIMULATED_SERVICE,
      region: request.region ?? DEFAULT_SIMULATED_REGION,
      resource: request.resource,
      permission: request.permission,
    },
  )
  const matched: SimulatedStatement[] = evaluation.matched.map((match) => {
    const policy = policies[match.documentIndex] as PrincipalPolicies['policies'][number]
    return Object.freeze({
      policy: policy.name,
      policyType: policy.type,
      via: policy.via,
      statementIndex: match.statementIndex,
      effect: match.effect,
      statement: match.statement,
    })
  })
  const decision = disabled ? 'ImplicitDeny' : evaluation.decision
  const deciding =
    decision === 'ImplicitDeny'
      ? []
      : matched.filter((match) => match.effect === (decision === 'Allow' ? 'Allow' : 'Deny'))
  return Object.freeze({
    allowed: decision === 'Allow',
    decision,
    deciding: Object.freeze(deciding),
    matched: Object.freeze(matched),
    policies,
    disabled,
  })
}

/**
 * Answers locally "may this principal do `permission` on `resource`?" from a desired-state
 * document or the exported live state, with the statements that decided. Pure; no call is made.
 *
 * The policies evaluated are a user's own and those of each of its groups, a group's, or a
 * role's (each policy once), all together with the ACL toolkit's `evaluateAcl`: a matching Deny
 * wins over every Allow, whatever policy either is in; without a matching Allow the answer is
 * `ImplicitDeny`. A disabled user (`enabled: false`) is allowed nothing. Custom policies are read
 * from the document's `policies`; System policies from `options.systemPolicies`.
 *
 * Fails with an `IacError` (reason `InvalidDocument`) listing every problem with its path when the principal, one of a
 * user's groups, or a referenced policy (Custom or System) is not known: an unknown policy is
 * never skipped, since it could be the one that denies.
 *
 * @example
 * simulate(state, { principal: { user: 'alice' }, permission: 'READ', resource: 'user/bob' })
 * // Ok({ allowed: true, decision: 'Allow', deciding: [{ policy: 'readers', statementIndex: 0, … }], … })
 */
export function simulate(
  state: DesiredState,
  request: SimulationRequest,
  options: SimulateOptions = {},
): Result<SimulationResult, IacError> {
  const found = principalPolicies(state, request.principal, options)
  if (found.isErr()) return err(iacError('InvalidDocument', found.error.map(renderIssue)))
  return ok(evaluate(found.value, request))
}
