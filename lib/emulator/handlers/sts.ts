import { randomBytes } from 'node:crypto'
import { err, ok, safeTry, type Result } from 'neverthrow'
import { readAclField } from '../acl-document'
import { authorizeAssumeRole } from '../authorization/assume-role'
import type { Principal } from '../principal'
import { freshId, makeRoomForSession, type EmulatorState, type SessionRecord, type SessionSubject } from '../state'
import { fail, reply, type ApiError, type Outcome } from '../wire'
import type { HandlerContext } from './context'
import { identityDocument } from './identity-document'
import { invalidParameter, limitExceeded, notFound } from './names'
import { durationSecondsOf } from './query-params'
import { sessionView } from './views'

/**
 * getSessionToken's default and longest validity, seconds (12 h and 36 h). The default is the
 * official Go SDK's: `DEFAULT_DURATION_SECONDS = 43200 // default duration is 12 hours`
 * (bce-sdk-go `services/sts/api/sts.go`, sent whenever the caller gives none), and the Java SDK's
 * (`GetSessionTokenRequest.durationSeconds = 43200`).
 */
export const SESSION_TOKEN_SECONDS = { fallback: 43_200, max: 129_600 } as const
/**
 * assumeRole's default and longest validity, seconds (2 h and 2 h). The default is the official
 * Go SDK's: `DEFAULT_ASSUMEROLE_DURATION_SECONDS = 7200 // default duration is 2 hours`
 * (bce-sdk-go `services/sts/api/sts.go`, sent whenever the caller gives none), so a request
 * without `durationSeconds` gets what an official client would have asked for.
 */
export const ASSUME_ROLE_SECONDS = { fallback: 7_200, max: 7_200 } as const
export { EXPIRED_SESSION_RETENTION_MS } from '../state'

/** The optional raw ACL body of an STS call, checked like a policy document (no `grantee` either). */
function aclOf(body: unknown): Result<unknown, ApiError> {
  if (body === undefined) return ok(undefined)
  return readAclField(body, 'acl', 'session').andThen((acl) => identityDocument(acl, 'acl'))
}

/** The `userId` an STS answer reports for a caller: the account for root, else the user's id. */
function callerUserId(state: EmulatorState, principal: Principal): string {
  if (principal.viaSession !== undefined) {
    const session = state.sessions.get(principal.viaSession.accessKeyId)
    if (session !== undefined) return session.userId
  }
  return principal.kind === 'user' ? principal.userId : state.accountId
}

/**
 * Mints and stores temporary credentials, within the session bounds ({@link makeRoomForSession}:
 * expired credentials are forgotten first); when live credentials fill a bound, 409
 * `LimitExceeded` (the code every other emulator limit answers with: the request is valid,
 * the account is full) and nothing is stored.
 */
function issue(
  state: EmulatorState,
  subject: SessionSubject,
  userId: string,
  seconds: number,
  acl: unknown,
): Result<SessionRecord, ApiError> {
  const room = makeRoomForSession(state, subject)
  if (room.isErr()) {
    const { bound, limit } = room.error
    const what =
      bound === 'sessionsPerPrincipal'
        ? 'live temporary credentials per principal'
        : 'live temporary credentials per account'
    return err(limitExceeded(what, limit))
  }
  const session: SessionRecord = {
    accessKeyId: freshId(state),
    secretAccessKey: randomBytes(16).toString('hex'),
    sessionToken: randomBytes(48).toString('base64url'),
    createTime: state.timestamp(),
    expiration: state.timestamp(seconds * 1000),
    subject,
    userId,
    ...(acl === undefined ? {} : { acl }),
  }
  state.sessions.set(session.accessKeyId, session)
  return ok(session)
}

/**
 * S1 getSessionToken `?durationSeconds=` (1–129600, default 43200; else 400 `InvalidParameter`)
 * with an optional ACL body: credentials acting for the caller (root or a sub-user), narrowed by
 * the ACL. Temporary credentials cannot mint more of themselves (403 `AccessDenied`); past the
 * session bounds, 409 `LimitExceeded` (see `issue`).
 */
export function getSessionToken({ state, principal, query, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const seconds = yield* durationSecondsOf(query, SESSION_TOKEN_SECONDS.fallback, SESSION_TOKEN_SECONDS.max)
    const acl = yield* aclOf(body)
    if (principal.viaSession !== undefined || principal.kind === 'role')
      return fail(403, 'AccessDenied', 'getSessionToken needs long-term credentials, not temporary ones')
    const subject: SessionSubject =
      principal.kind === 'user' ? { kind: 'user', userId: principal.userId } : { kind: 'root' }
    const session = yield* issue(state, subject, callerUserId(state, principal), seconds, acl)
    return reply(200, sessionView(session))
  })
}

/**
 * S2 assumeRole `?assumeRole&accountId=&roleName=[&durationSeconds=1..7200, default 7200][&userId=]` with an
 * optional ACL body. A missing accountId or roleName, or a bad duration, is 400
 * `InvalidParameter`; another account's id 403 `AccessDenied`; an unknown role 404 `NotFound`;
 * a caller that the role's trust document, its own policies or its session ACL do not let
 * assume the role 403 `AccessDenied` (the rule: `decideAssumeRole` in `authorization/assume-role.ts`); past the session
 * bounds, 409 `LimitExceeded`.
 */
export function assumeRole({ state, principal, query, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const accountId = query.get('accountId') ?? ''
    const roleName = query.get('roleName') ?? ''
    if (accountId === '') return err(invalidParameter('accountId is required'))
    if (roleName === '') return err(invalidParameter('roleName is required'))
    const seconds = yield* durationSecondsOf(query, ASSUME_ROLE_SECONDS.fallback, ASSUME_ROLE_SECONDS.max)
    const acl = yield* aclOf(body)
    if (accountId !== state.accountId)
      return fail(403, 'AccessDenied', `roles of account ${accountId} cannot be assumed from this account`)
    const role = state.roles.get(roleName)
    if (role === undefined) return err(notFound('role', roleName))
    yield* authorizeAssumeRole(state, principal, role)
    const userId = query.get('userId') || callerUserId(state, principal)
    const session = yield* issue(state, { kind: 'role', roleId: role.id }, userId, seconds, acl)
    return reply(200, sessionView(session, role.id))
  })
}

/** How long an emulator sign-in token lasts (an emulator assumption: no official source states it). */
export const SIGNIN_TOKEN_SECONDS = 3_600

/**
 * The user a getSigninSecurityToken call addresses, as the `userId` its answer reports: without
 * `userId` the caller; the account id is the root account (which only the root may ask for);
 * else an enabled sub-user's id (404 `NotFound` otherwise), which a sub-user may name only when
 * it is its own (403 `AccessDenied`).
 */
function signinUserId(state: EmulatorState, principal: Principal, userId: string): Result<string, ApiError> {
  const callerId = callerUserId(state, principal)
  if (userId === '' || userId === callerId) return ok(callerId)
  const known = userId === state.accountId || state.activeUserById(userId) !== undefined
  if (!known) return err(notFound('user with id', userId))
  if (principal.kind !== 'root')
    return fail(403, 'AccessDenied', 'a sub-user may get a sign-in token for itself only, not for another user')
  return ok(userId)
}

/**
 * S3 getSigninSecurityToken `?userId=` (optional), empty body: `{userId, sessionToken,
 * createTime, expiration}` (the Java SDK's `GetSigninSecurityTokenResponse`), valid
 * {@link SIGNIN_TOKEN_SECONDS}. Temporary credentials cannot ask (403 `AccessDenied`, as for
 * getSessionToken); for the user rules see `signinUserId`. The emulator has no console, so the
 * token is not stored and signs nobody in.
 */
export function getSigninSecurityToken({ state, principal, query }: HandlerContext): Outcome {
  return safeTry(function* () {
    if (principal.viaSession !== undefined || principal.kind === 'role')
      return fail(403, 'AccessDenied', 'getSigninSecurityToken needs long-term credentials, not temporary ones')
    const userId = yield* signinUserId(state, principal, query.get('userId') ?? '')
    return reply(200, {
      userId,
      sessionToken: randomBytes(48).toString('base64url'),
      createTime: state.timestamp(),
      expiration: state.timestamp(SIGNIN_TOKEN_SECONDS * 1000),
    })
  })
}
