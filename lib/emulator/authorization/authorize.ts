import { evaluateAcl, type AclDecision, type AclRequest } from '../../acl/evaluate-acl'
import type { Principal } from '../principal'
import type { RouteMatch } from '../route-match'
import type { EmulatorState } from '../state'
import { err, ok, type Result } from 'neverthrow'
import { apiError, type ApiError } from '../wire'
import { EMULATOR_REGION, IAM_SERVICE, resolveResource } from './access'
import { policyAcls, sessionAcls } from './caches'
import { principalAcls } from './principal-acls'

/** Why a request was refused: a matching `Deny`, or nothing allowing it. */
export type DenialReason = 'ExplicitDeny' | 'ImplicitDeny'

/** Which check refused: the principal's policies (or its absence), or the session's ACL. */
export type DenialSource = 'policies' | 'principal' | 'sessionAcl'

/** The outcome of {@link decide}. */
export type AuthorizationDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: DenialReason; readonly source: DenialSource }

const ALLOWED: AuthorizationDecision = Object.freeze({ allowed: true })

function denied(decision: AclDecision, source: DenialSource): AuthorizationDecision {
  return { allowed: false, reason: decision === 'ExplicitDeny' ? 'ExplicitDeny' : 'ImplicitDeny', source }
}

/**
 * Decides whether `principal` may make `request`, against the current state:
 * - the root account's key pair is always allowed;
 * - otherwise the principal's policies (a sub-user's own and its groups', a role's; the root
 *   account's temporary credentials have no limit here) must `Allow` the request, and
 * - when the request was signed with temporary credentials issued with an ACL, that ACL must
 *   `Allow` it too. A `Deny` in either refuses (deny overrides allow).
 * A user that is gone or disabled, or a role that is gone, is refused.
 */
export function decide(state: EmulatorState, principal: Principal, request: AclRequest): AuthorizationDecision {
  if (principal.kind === 'root' && principal.viaSession === undefined) return ALLOWED
  const acls = principalAcls(state, principal, policyAcls)
  if (acls.kind === 'missing') return denied('ImplicitDeny', 'principal')
  const byPolicies = acls.kind === 'unrestricted' ? 'Allow' : evaluateAcl(acls.acls, request).decision
  const sessionAcl = principal.viaSession?.acl
  const bySession = sessionAcl === undefined ? 'Allow' : evaluateAcl([sessionAcls.aclOf(sessionAcl)], request).decision
  if (byPolicies === 'ExplicitDeny') return denied(byPolicies, 'policies')
  if (bySession === 'ExplicitDeny') return denied(bySession, 'sessionAcl')
  if (byPolicies !== 'Allow') return denied(byPolicies, 'policies')
  if (bySession !== 'Allow') return denied(bySession, 'sessionAcl')
  return ALLOWED
}

/** The evaluator's request for a matched route: service `bce:iam`, the emulator's region, the route's permission and resource. */
export function authorizationRequest(state: EmulatorState, match: RouteMatch): AclRequest {
  return {
    service: IAM_SERVICE,
    region: EMULATOR_REGION,
    permission: match.route.permission,
    resource: resolveResource(match.route.resource, match.params, (id) => state.policyById(id)?.name),
  }
}

const EXPLANATION: Readonly<Record<DenialSource, Readonly<Record<DenialReason, string>>>> = {
  policies: { ExplicitDeny: 'a policy of the caller denies it', ImplicitDeny: 'no policy of the caller allows it' },
  sessionAcl: {
    ExplicitDeny: 'the ACL of the temporary credentials denies it',
    ImplicitDeny: 'the ACL of the temporary credentials does not allow it',
  },
  principal: {
    ExplicitDeny: 'the caller no longer exists or is disabled',
    ImplicitDeny: 'the caller no longer exists or is disabled',
  },
}

/**
 * Authorises a routed request: ok when it may proceed, else 403 `AccessDenied` naming the
 * operation, the permission, the resource and why (never the caller's keys). Routes that need
 * no permission (STS) always proceed.
 */
export function authorize(state: EmulatorState, principal: Principal, match: RouteMatch): Result<void, ApiError> {
  if (match.route.permission === 'none') return ok(undefined)
  const request = authorizationRequest(state, match)
  const decision = decide(state, principal, request)
  if (decision.allowed) return ok(undefined)
  return err(
    apiError(
      403,
      'AccessDenied',
      `${match.route.operation} needs ${request.permission} on ${request.service} resource ${JSON.stringify(request.resource)}: ${EXPLANATION[decision.source][decision.reason]}`,
    ),
  )
}
