import { createHash, timingSafeEqual } from 'node:crypto'
import type { Principal, ViaSession } from './principal'
import type { EmulatorState, SessionRecord } from './state'
import { verifySignature } from './verify-signature'
import type { ApiError, WireRequest } from './wire'

/** An authenticated request: who it acts for and which access key signed it. */
export interface Authenticated {
  readonly principal: Principal
  readonly accessKeyId: string
}

/** The header that carries an STS session token. */
export const SECURITY_TOKEN_HEADER = 'x-bce-security-token'

const invalidKey = (message: string): ApiError => ({ status: 403, code: 'InvalidAccessKeyId', message })

/**
 * The secret of an access key that may authenticate now: the root key pair, an enabled key of an
 * enabled sub-user, or STS temporary credentials (checked further after the signature).
 */
function secretFor(state: EmulatorState, accessKeyId: string): string | undefined {
  if (accessKeyId === state.root.accessKeyId) return state.root.secretAccessKey
  const key = state.accessKeys.get(accessKeyId)
  if (key !== undefined) {
    const owner = state.userById(key.userId)
    return key.enabled && owner !== undefined && owner.enabled ? key.secret : undefined
  }
  return state.sessions.get(accessKeyId)?.secretAccessKey
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}

function sessionPrincipal(
  state: EmulatorState,
  session: SessionRecord,
  nowMs: number,
  request: WireRequest,
  signed: ReadonlySet<string>,
): Principal | ApiError {
  const token = request.headers[SECURITY_TOKEN_HEADER]
  if (typeof token !== 'string' || token.trim().length === 0) {
    return {
      status: 403,
      code: 'InvalidSessionToken',
      message: `temporary credentials need the ${SECURITY_TOKEN_HEADER} header`,
    }
  }
  if (!signed.has(SECURITY_TOKEN_HEADER)) {
    return { status: 403, code: 'InvalidSessionToken', message: `the ${SECURITY_TOKEN_HEADER} header must be signed` }
  }
  if (!sameSecret(token.trim(), session.sessionToken)) {
    return {
      status: 403,
      code: 'InvalidSessionToken',
      message: 'the session token does not belong to these temporary credentials',
    }
  }
  if (nowMs > Date.parse(session.expiration)) {
    return { status: 403, code: 'ExpiredToken', message: `the temporary credentials expired at ${session.expiration}` }
  }
  const viaSession: ViaSession = {
    accessKeyId: session.accessKeyId,
    expiration: session.expiration,
    ...(session.acl === undefined ? {} : { acl: session.acl }),
  }
  const { subject } = session
  if (subject.kind === 'root') return { kind: 'root', viaSession }
  if (subject.kind === 'user') {
    const user = state.userById(subject.userId)
    if (user === undefined || !user.enabled)
      return invalidKey('the user these temporary credentials act for no longer exists or is disabled')
    return { kind: 'user', userName: user.name, userId: user.id, viaSession }
  }
  const role = state.roleById(subject.roleId)
  if (role === undefined) return invalidKey('the role these temporary credentials act for no longer exists')
  return { kind: 'role', roleName: role.name, roleId: role.id, viaSession }
}

/**
 * Authenticates a request: verifies the `bce-auth-v1` signature (see {@link verifySignature} for
 * the order of checks) against the root key pair, sub-users' enabled access keys and STS
 * temporary credentials, then for temporary credentials checks the session token (403
 * `InvalidSessionToken` when missing, unsigned or wrong) and then the expiry (403
 * `ExpiredToken`). A sub-user's key records its `lastUsedTime`.
 */
export function authenticate(state: EmulatorState, request: WireRequest): Authenticated | ApiError {
  const nowMs = state.clock.now()
  const verified = verifySignature(request, nowMs, (accessKeyId) => secretFor(state, accessKeyId))
  if ('status' in verified) return verified
  const { accessKeyId } = verified
  if (accessKeyId === state.root.accessKeyId) return { accessKeyId, principal: { kind: 'root' } }
  const key = state.accessKeys.get(accessKeyId)
  if (key !== undefined) {
    const owner = state.userById(key.userId)
    if (owner === undefined) return invalidKey('the access key id does not exist or is disabled')
    state.accessKeys.set(accessKeyId, { ...key, lastUsedTime: state.timestamp() })
    return { accessKeyId, principal: { kind: 'user', userName: owner.name, userId: owner.id } }
  }
  const session = state.sessions.get(accessKeyId)
  if (session === undefined) return invalidKey('the access key id does not exist or is disabled')
  const principal = sessionPrincipal(state, session, nowMs, request, verified.signedHeaders)
  return 'status' in principal ? principal : { accessKeyId, principal }
}
