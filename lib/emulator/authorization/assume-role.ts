import { evaluateAcl, type AclDecision, type AclRequest } from '../../acl/evaluate-acl'
import { isRecord } from '../../decode/is-record'
import type { Principal } from '../principal'
import type { EmulatorState, RoleRecord } from '../state'
import { err, ok, type Result } from 'neverthrow'
import { apiError, type ApiError } from '../wire'
import { EMULATOR_REGION, IAM_SERVICE } from './access'
import { policyAcls, sessionAcls, trustAcls } from './caches'
import { principalAcls } from './principal-acls'

/** The `bce:iam` permission assumeRole needs, from the trust document and from the caller. */
export const ASSUME_ROLE_PERMISSION = 'AssumeRole'

/**
 * What a role's trust document says about a caller:
 * - `denied`: a matching `Deny` names the caller, the account or `*`;
 * - `principal`: an `Allow` names the caller itself (a sub-user's id, or a role's id);
 * - `account`: an `Allow` names only the account (or `*`);
 * - `untrusted`: nothing allows the caller.
 */
export type TrustVerdict = 'denied' | 'principal' | 'account' | 'untrusted'

/** Why assumeRole was refused: which check said no. */
export type AssumeRoleRefusal = 'trust' | 'policies' | 'sessionAcl' | 'principal'

/** The outcome of {@link decideAssumeRole}. */
export type AssumeRoleDecision =
  | { readonly allowed: true; readonly trust: 'principal' | 'account' }
  | { readonly allowed: false; readonly refusedBy: AssumeRoleRefusal; readonly reason: AclDecision }

/** The request the caller's policies and session ACL must allow: `AssumeRole` on `role/<roleName>`. */
export function assumeRoleRequest(roleName: string): AclRequest {
  return {
    service: IAM_SERVICE,
    region: EMULATOR_REGION,
    permission: ASSUME_ROLE_PERMISSION,
    resource: `role/${roleName}`,
  }
}

/** The id a trust document can name a principal by: a sub-user's or a role's id (root: none). */
function ownIdOf(principal: Principal): string | undefined {
  if (principal.kind === 'user') return principal.userId
  return principal.kind === 'role' ? principal.roleId : undefined
}

function namesExactly(grantee: unknown, id: string): boolean {
  return Array.isArray(grantee) && (grantee as readonly unknown[]).some((entry) => isRecord(entry) && entry.id === id)
}

/**
 * Reads a role's trust document for a caller, with {@link evaluateAcl} on service `bce:iam`,
 * the emulator's region, permission `AssumeRole` and resource `role/<roleId>`, once as the
 * account and once as the caller's own id (see {@link TrustVerdict}).
 */
export function trustVerdict(state: EmulatorState, role: RoleRecord, ownId: string | undefined): TrustVerdict {
  const trust = trustAcls.aclOf({ id: `role:${role.id}`, document: role.assumeRolePolicyDocument })
  const base: AclRequest = {
    service: IAM_SERVICE,
    region: EMULATOR_REGION,
    permission: ASSUME_ROLE_PERMISSION,
    resource: `role/${role.id}`,
  }
  const asAccount = evaluateAcl([trust], { ...base, principal: state.accountId })
  const asSelf = ownId === undefined ? undefined : evaluateAcl([trust], { ...base, principal: ownId })
  if (asAccount.decision === 'ExplicitDeny' || asSelf?.decision === 'ExplicitDeny') return 'denied'
  const named =
    ownId !== undefined &&
    asSelf !== undefined &&
    asSelf.matched.some((match) => match.effect === 'Allow' && namesExactly(match.statement.grantee, ownId))
  if (named) return 'principal'
  return asAccount.decision === 'Allow' ? 'account' : 'untrusted'
}

/**
 * Decides whether `principal` may assume `role` (an emulator rule: BCE documents neither
 * sub-user grantees nor how a sub-user's policies take part):
 * 1. the role's trust document must allow the caller ({@link trustVerdict}); a `Deny` naming
 *    the caller, the account or `*` refuses;
 * 2. a `Deny` of `AssumeRole` on `role/<roleName>` (service `bce:iam`) in the caller's policies
 *    refuses;
 * 3. when the trust names only the account (or `*`), a sub-user or role must also be allowed
 *    `AssumeRole` on `role/<roleName>` by its policies (`FULL_CONTROL` and `*` imply it); when
 *    the trust names the sub-user's own id, its policies need not allow it. The root account is
 *    never limited by policies;
 * 4. temporary credentials issued with an ACL must be allowed by that ACL as well, whoever
 *    they belong to (root included): a session narrowed to reads cannot obtain a role.
 */
export function decideAssumeRole(state: EmulatorState, principal: Principal, role: RoleRecord): AssumeRoleDecision {
  const request = assumeRoleRequest(role.name)
  const acls = principalAcls(state, principal, policyAcls)
  if (acls.kind === 'missing') return { allowed: false, refusedBy: 'principal', reason: 'ImplicitDeny' }
  const byPolicies = acls.kind === 'unrestricted' ? 'Allow' : evaluateAcl(acls.acls, request).decision
  const sessionAcl = principal.viaSession?.acl
  const bySession = sessionAcl === undefined ? 'Allow' : evaluateAcl([sessionAcls.aclOf(sessionAcl)], request).decision
  const trust = trustVerdict(state, role, ownIdOf(principal))
  if (trust === 'denied') return { allowed: false, refusedBy: 'trust', reason: 'ExplicitDeny' }
  if (byPolicies === 'ExplicitDeny') return { allowed: false, refusedBy: 'policies', reason: byPolicies }
  if (bySession !== 'Allow') return { allowed: false, refusedBy: 'sessionAcl', reason: bySession }
  if (trust === 'untrusted') return { allowed: false, refusedBy: 'trust', reason: 'ImplicitDeny' }
  if (trust === 'account' && byPolicies !== 'Allow')
    return { allowed: false, refusedBy: 'policies', reason: byPolicies }
  return { allowed: true, trust }
}

const EXPLANATION: Readonly<Record<AssumeRoleRefusal, Readonly<Record<AclDecision, string>>>> = {
  trust: {
    ExplicitDeny: 'its trust policy denies the caller',
    ImplicitDeny: 'its trust policy does not name the caller or this account',
    Allow: '',
  },
  policies: {
    ExplicitDeny: 'a policy of the caller denies it',
    ImplicitDeny:
      'the trust policy names only the account, so the caller also needs a policy allowing it (or the trust must name the caller itself)',
    Allow: '',
  },
  sessionAcl: {
    ExplicitDeny: 'the ACL of the temporary credentials denies it',
    ImplicitDeny: 'the ACL of the temporary credentials does not allow it',
    Allow: '',
  },
  principal: {
    ExplicitDeny: 'the caller no longer exists or is disabled',
    ImplicitDeny: 'the caller no longer exists or is disabled',
    Allow: '',
  },
}

/** Ok when `principal` may assume `role`, else 403 `AccessDenied` saying why (see {@link decideAssumeRole}). */
export function authorizeAssumeRole(
  state: EmulatorState,
  principal: Principal,
  role: RoleRecord,
): Result<void, ApiError> {
  const decision = decideAssumeRole(state, principal, role)
  if (decision.allowed) return ok(undefined)
  return err(
    apiError(
      403,
      'AccessDenied',
      `assumeRole needs ${ASSUME_ROLE_PERMISSION} on ${IAM_SERVICE} resource ${JSON.stringify(`role/${role.name}`)}: ${EXPLANATION[decision.refusedBy][decision.reason]}`,
    ),
  )
}
