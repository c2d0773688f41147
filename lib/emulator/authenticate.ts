import { createHash, timingSafeEqual } from 'node:crypto'
import { err, ok, type Result } from 'neverthrow'
import type { Principal, ViaSession } from './principal'
import type { AccessKeyRecord, EmulatorState, SessionRecord, UserRecord } from './state'
import { verifySignature, type SignedParts } from './verify-signature'
import { apiError, type ApiError } from './wire'

/** An authenticated request: who it acts for and which access key signed it. */
export interface Authenticated {
  readonly principal: Principal
  readonly accessKeyId: string
}

/** The header that carries an STS session token. */
export const SECURITY_TOKEN_HEADER = 'x-bce-security-token'

const invalidKey = (message: string): ApiError => apiError(403, 'InvalidAccessKeyId', message)
/**
 * Every rejected session token is 400 `InvalidSessionToken`: the only official evidence, Baidu's
 * JS SDK test against BOS (`__tests__/putSuperObject.test.ts`), expects exactly that for expired
 * STS credentials. (AWS-style emulators answer 403 `ExpiredToken`; the client still classifies
 * that spelling, see errors/code-provenance.ts.)
 */
const invalidToken = (message: string): ApiError => apiError(400, 'InvalidSessionToken', message)

/** A key pair that may authenticate now, found once per request: its secret and whom it belongs to. */
type Credential =
  | { readonly kind: 'root'; readonly secret: string }
  | { readonly kind: 'key'; readonly secret: string; readonly key: AccessKeyRecord; readonly owner: UserRecord }
  | { readonly kind: 'session'; readonly secret: string; readonly session: SessionRecord }

/**
 * The credential an access key id names, if it may authenticate now: the root key pair, an
 * enabled key of an enabled sub-user, or STS temporary credentials (checked further after the
 * signature); else 403 `InvalidAccessKeyId`.
 */
function credentialOf(state: EmulatorState, accessKeyId: string): Result<Credential, ApiError> {
  if (accessKeyId === state.root.accessKeyId) return ok({ kind: 'root', secret: state.root.secretAccessKey })
  const key = state.accessKeys.get(accessKeyId)
  if (key !== undefined) {
    const owner = key.enabled ? state.activeUserById(key.userId) : undefined
    return owner === undefined
      ? err(invalidKey('the access key id does not exist or is disabled'))
      : ok({ kind: 'key', secret: key.secret, key, owner })
  }
  const session = state.sessions.get(accessKeyId)
  return session === undefined
    ? err(invalidKey('the access key id does not exist or is disabled'))
    : ok({ kind: 'session', secret: session.secretAccessKey, session })
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}

function sessionPrincipal(
  state: EmulatorState,
  session: SessionRecord,
  nowMs: number,
  parts: SignedParts,
  signed: ReadonlySet<string>,
): Result<Principal, ApiError> {
  const token = parts.wire.headers[SECURITY_TOKEN_HEADER]
  if (typeof token !== 'string' || token.trim().length === 0)
    return err(invalidToken(`temporary credentials need the ${SECURITY_TOKEN_HEADER} header`))
  if (!signed.has(SECURITY_TOKEN_HEADER)) return err(invalidToken(`the ${SECURITY_TOKEN_HEADER} header must be signed`))
  if (!sameSecret(token.trim(), session.sessionToken))
    return err(invalidToken('the session token does not belong to these temporary credentials'))
  if (nowMs > Date.parse(session.expiration))
    return err(invalidToken(`the temporary credentials expired at ${session.expiration}`))
  const viaSession: ViaSession = {
    accessKeyId: session.accessKeyId,
    expiration: session.expiration,
    ...(session.acl === undefined ? {} : { acl: session.acl }),
  }
  const { subject } = session
  if (subject.kind === 'root') return ok({ kind: 'root', viaSession })
  if (subject.kind === 'user') {
    const user = state.activeUserById(subject.userId)
    if (user === undefined)
      return err(invalidKey('the user these temporary credentials act for no longer exists or is disabled'))
    return ok({ kind: 'user', userName: user.name, userId: user.id, viaSession })
  }
  const role = state.roleById(subject.roleId)
  if (role === undefined) return err(invalidKey('the role these temporary credentials act for no longer exists'))
  return ok({ kind: 'role', roleName: role.name, roleId: role.id, viaSession })
}

/**
 * Authenticates a request: verifies the `bce-auth-v1` signature (see {@link verifySignature} for
 * the order of checks) against the root key pair, sub-users' enabled access keys and STS
 * temporary credentials (each looked up once), then for temporary credentials checks the session
 * token and then the expiry (400 `InvalidSessionToken` when the token is missing, unsigned or
 * wrong, or the credentials have expired). A long-term key (a sub-user's or the root key pair)
 * records its last use in memory ({@link EmulatorState.recordKeyUse}: no journal write per request).
 */
export function authenticate(state: EmulatorState, parts: SignedParts): Result<Authenticated, ApiError> {
  const nowMs = state.clock.now()
  return verifySignature(parts, nowMs, (accessKeyId) => credentialOf(state, accessKeyId)).andThen(
    ({ accessKeyId, key: credential, signedHeaders }): Result<Authenticated, ApiError> => {
      switch (credential.kind) {
        case 'root':
          state.recordKeyUse(accessKeyId)
          return ok({ accessKeyId, principal: { kind: 'root' } })
        case 'key': {
          const { owner } = credential
          state.recordKeyUse(accessKeyId)
          return ok({ accessKeyId, principal: { kind: 'user', userName: owner.name, userId: owner.id } })
        }
        case 'session':
          return sessionPrincipal(state, credential.session, nowMs, parts, signedHeaders).map((principal) => ({
            accessKeyId,
            principal,
          }))
      }
    },
  )
}
