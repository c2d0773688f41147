/**
 * The emulator's data model: one file per entity family, and the state that holds them.
 *
 * @packageDocumentation
 */
export type { AccessKeyRecord } from './access-keys'
export type { ApiKeyRecord } from './api-keys'
export { attachmentKey, EdgeSet, membershipKey, targetKey } from './edges'
export type { AttachmentEdge, AttachmentEnd, AttachmentTarget, MembershipEdge, MembershipEnd } from './edges'
export { EmulatorState } from './emulator-state'
export type { EmulatorStateInit, RootCredentials } from './emulator-state'
export type { GroupRecord } from './groups'
export { defaultIdp } from './idp'
export type { IdpRecord, IdpStatus } from './idp'
export { DEFAULT_LIMITS, mergeLimits } from './limits'
export type { EmulatorLimits } from './limits'
export type { PolicyRecord, PolicyType } from './policies'
export type { RoleRecord } from './roles'
export type { SessionRecord, SessionSubject } from './sessions'
export { dropExpiredSessions, EXPIRED_SESSION_RETENTION_MS, makeRoomForSession, subjectKey } from './session-bounds'
export type { SessionBoundHit } from './session-bounds'
export { freshId, idInUse } from './ids-in-use'
export { SYSTEM_POLICIES, SYSTEM_POLICIES_BY_ID, systemPolicyId } from './system-policies'
export type { LoginProfileRecord, OperationMfaRecord, UserRecord } from './users'
