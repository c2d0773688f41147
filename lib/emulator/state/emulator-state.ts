import { formatBceTime, type EmulatorClock } from '../clock'
import type { IdGenerator } from '../ids'
import type { AccessKeyRecord } from './access-keys'
import type { ApiKeyRecord } from './api-keys'
import { ChangeLog, TrackedEdgeSet, TrackedMap } from './change-log'
import {
  ATTACHMENT_ENDS,
  attachmentKey,
  MEMBERSHIP_ENDS,
  membershipKey,
  type AttachmentEdge,
  type AttachmentEnd,
  type EdgeSet,
  type MembershipEdge,
  type MembershipEnd,
} from './edges'
import type { GroupRecord } from './groups'
import { defaultIdp, type IdpRecord } from './idp'
import type { EmulatorLimits } from './limits'
import type { PolicyRecord, PolicyType } from './policies'
import type { RoleRecord } from './roles'
import type { SessionRecord } from './sessions'
import { SYSTEM_POLICIES, SYSTEM_POLICIES_BY_ID } from './system-policies'
import type { UserRecord } from './users'

/** Entities are indexed by their id. */
const BY_ID = { idOf: (record: { readonly id: string }): string => record.id }

/** The root account's key pair. */
export interface RootCredentials {
  /** The root account's access key id (AK): requests signed with this pair act as the account root. */
  readonly accessKeyId: string
  /** The root account's secret access key (SK). */
  readonly secretAccessKey: string
}

/** What an {@link EmulatorState} is built from. */
export interface EmulatorStateInit {
  readonly root: RootCredentials
  /** The account's id: 32 hex characters. */
  readonly accountId: string
  readonly clock: EmulatorClock
  readonly ids: IdGenerator
  readonly limits: EmulatorLimits
}

/**
 * All emulator state of one account. Names are case-sensitive (`Alice` and `alice` are two
 * users). Entities are stored by name; relations (memberships, attachments, access keys) refer
 * to entities by id, so renames never break them, and counts are always derived from them.
 * Requests are handled one at a time (Node's event loop and synchronous handlers), so every
 * request sees a serial history.
 */
export class EmulatorState {
  /** Every change to the keyed collections since the last commit (see the persistence journal). */
  readonly changes = new ChangeLog()
  /** Sub-users by name. */
  readonly users: TrackedMap<UserRecord> = new TrackedMap<UserRecord>(this.changes, 'users', BY_ID)
  /** Sub-users' access keys by access key id. */
  readonly accessKeys: TrackedMap<AccessKeyRecord> = new TrackedMap<AccessKeyRecord>(this.changes, 'accessKeys', {
    ownerOf: (key) => key.userId,
  })
  /** Permanent API keys by id (owner index: the owning user's id, or the account id). */
  readonly apiKeys: TrackedMap<ApiKeyRecord> = new TrackedMap<ApiKeyRecord>(this.changes, 'apiKeys', {
    ownerOf: (key) => key.userId,
  })
  /** Groups by name. */
  readonly groups: TrackedMap<GroupRecord> = new TrackedMap<GroupRecord>(this.changes, 'groups', BY_ID)
  /** Custom policies by name (the System catalogue is {@link SYSTEM_POLICIES}). */
  readonly policies: TrackedMap<PolicyRecord> = new TrackedMap<PolicyRecord>(this.changes, 'policies', BY_ID)
  /** Roles by name. */
  readonly roles: TrackedMap<RoleRecord> = new TrackedMap<RoleRecord>(this.changes, 'roles', BY_ID)
  /** Which users are in which groups. */
  readonly memberships: EdgeSet<MembershipEdge, MembershipEnd> = new TrackedEdgeSet<MembershipEdge, MembershipEnd>(
    (edge) => membershipKey(edge.groupId, edge.userId),
    this.changes,
    'memberships',
    MEMBERSHIP_ENDS,
  )
  /** Which policies are attached to which users, groups and roles. */
  readonly attachments: EdgeSet<AttachmentEdge, AttachmentEnd> = new TrackedEdgeSet<AttachmentEdge, AttachmentEnd>(
    (edge) => attachmentKey(edge.target, edge.targetId, edge.policyId),
    this.changes,
    'attachments',
    ATTACHMENT_ENDS,
  )
  /**
   * When each access key (a sub-user's, or the root key pair) last authenticated a request, by
   * access key id. Deliberately not a tracked collection: recording a use must not cost a journal
   * write on every request. A snapshot (at start, at close and at each journal compaction) folds
   * these times into the sub-user keys it writes; the root key's last use is kept in memory only.
   * Emulator epoch milliseconds: formatted only when read.
   */
  readonly #keyLastUsed = new Map<string, number>()
  /** STS temporary credentials by access key id. */
  readonly sessions: Map<string, SessionRecord> = new TrackedMap<SessionRecord>(this.changes, 'sessions')
  /** The IAM-user SSO record. */
  idp: IdpRecord
  limits: EmulatorLimits
  readonly ids: IdGenerator
  readonly clock: EmulatorClock
  readonly root: RootCredentials
  readonly accountId: string

  constructor(init: EmulatorStateInit) {
    this.root = init.root
    this.accountId = init.accountId
    this.clock = init.clock
    this.ids = init.ids
    this.limits = init.limits
    this.idp = defaultIdp(init.accountId, this.timestamp())
  }

  /** Emulator time as a BCE DateTime string, optionally shifted by `plusMs`. */
  timestamp(plusMs = 0): string {
    return formatBceTime(this.clock.now() + plusMs)
  }

  /** Notes that access key `accessKeyId` authenticated a request now (memory only: no journal entry). */
  recordKeyUse(accessKeyId: string): void {
    this.#keyLastUsed.set(accessKeyId, this.clock.now())
  }

  /** When access key `accessKeyId` last authenticated a request (BCE DateTime), if ever. */
  keyLastUsedTime(accessKeyId: string): string | undefined {
    const usedMs = this.#keyLastUsed.get(accessKeyId)
    return usedMs === undefined ? this.accessKeys.get(accessKeyId)?.lastUsedTime : formatBceTime(usedMs)
  }

  /** Forgets the recorded use of a deleted key. */
  forgetKeyUse(accessKeyId: string): void {
    this.#keyLastUsed.delete(accessKeyId)
  }

  /** The user with this id (an index lookup). */
  userById(id: string): UserRecord | undefined {
    return this.users.getById(id)
  }

  /**
   * The user with this id when it exists and is enabled: the one rule for whether a sub-user can
   * act (its keys and temporary credentials authenticate, its policies apply).
   */
  activeUserById(id: string): UserRecord | undefined {
    const user = this.users.getById(id)
    return user?.enabled === true ? user : undefined
  }

  /** The group with this id (an index lookup). */
  groupById(id: string): GroupRecord | undefined {
    return this.groups.getById(id)
  }

  /** The role with this id (an index lookup). */
  roleById(id: string): RoleRecord | undefined {
    return this.roles.getById(id)
  }

  /** The policy with this name in one namespace. */
  policyNamed(type: PolicyType, name: string): PolicyRecord | undefined {
    return type === 'System' ? SYSTEM_POLICIES.get(name) : this.policies.get(name)
  }

  /** The policy with this id, in either namespace (index lookups; System first). */
  policyById(id: string): PolicyRecord | undefined {
    return SYSTEM_POLICIES_BY_ID.get(id) ?? this.policies.getById(id)
  }

  /** Wipes every entity, relation and session; the SSO record returns to its default. */
  clear(): void {
    this.users.clear()
    this.accessKeys.clear()
    this.apiKeys.clear()
    this.groups.clear()
    this.policies.clear()
    this.roles.clear()
    this.memberships.clear()
    this.attachments.clear()
    this.sessions.clear()
    this.#keyLastUsed.clear()
    this.idp = defaultIdp(this.accountId, this.timestamp())
  }
}
