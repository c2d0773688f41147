import { formatBceTime, type EmulatorClock } from '../clock'
import type { IdGenerator } from '../ids'
import type { AccessKeyRecord } from './access-keys'
import { ChangeLog, TrackedEdgeSet, TrackedMap } from './change-log'
import { attachmentKey, type EdgeSet, membershipKey, type AttachmentEdge, type MembershipEdge } from './edges'
import type { GroupRecord } from './groups'
import { defaultIdp, type IdpRecord } from './idp'
import type { EmulatorLimits } from './limits'
import type { PolicyRecord, PolicyType } from './policies'
import type { RoleRecord } from './roles'
import type { SessionRecord } from './sessions'
import { SYSTEM_POLICIES } from './system-policies'
import type { UserRecord } from './users'

/** The root account's key pair. */
export interface RootCredentials {
  readonly accessKeyId: string
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
  readonly users: Map<string, UserRecord> = new TrackedMap<UserRecord>(this.changes, 'users')
  /** Sub-users' access keys by access key id. */
  readonly accessKeys: Map<string, AccessKeyRecord> = new TrackedMap<AccessKeyRecord>(this.changes, 'accessKeys')
  /** Groups by name. */
  readonly groups: Map<string, GroupRecord> = new TrackedMap<GroupRecord>(this.changes, 'groups')
  /** Custom policies by name (the System catalogue is {@link SYSTEM_POLICIES}). */
  readonly policies: Map<string, PolicyRecord> = new TrackedMap<PolicyRecord>(this.changes, 'policies')
  /** Roles by name. */
  readonly roles: Map<string, RoleRecord> = new TrackedMap<RoleRecord>(this.changes, 'roles')
  /** Which users are in which groups. */
  readonly memberships: EdgeSet<MembershipEdge> = new TrackedEdgeSet<MembershipEdge>(
    (edge) => membershipKey(edge.groupId, edge.userId),
    this.changes,
    'memberships',
  )
  /** Which policies are attached to which users, groups and roles. */
  readonly attachments: EdgeSet<AttachmentEdge> = new TrackedEdgeSet<AttachmentEdge>(
    (edge) => attachmentKey(edge.target, edge.targetId, edge.policyId),
    this.changes,
    'attachments',
  )
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

  /** The user with this id. */
  userById(id: string): UserRecord | undefined {
    for (const user of this.users.values()) if (user.id === id) return user
    return undefined
  }

  /** The group with this id. */
  groupById(id: string): GroupRecord | undefined {
    for (const group of this.groups.values()) if (group.id === id) return group
    return undefined
  }

  /** The role with this id. */
  roleById(id: string): RoleRecord | undefined {
    for (const role of this.roles.values()) if (role.id === id) return role
    return undefined
  }

  /** The policy with this name in one namespace. */
  policyNamed(type: PolicyType, name: string): PolicyRecord | undefined {
    return type === 'System' ? SYSTEM_POLICIES.get(name) : this.policies.get(name)
  }

  /** The policy with this id, in either namespace. */
  policyById(id: string): PolicyRecord | undefined {
    for (const policy of SYSTEM_POLICIES.values()) if (policy.id === id) return policy
    for (const policy of this.policies.values()) if (policy.id === id) return policy
    return undefined
  }

  /** Wipes every entity, relation and session; the SSO record returns to its default. */
  clear(): void {
    this.users.clear()
    this.accessKeys.clear()
    this.groups.clear()
    this.policies.clear()
    this.roles.clear()
    this.memberships.clear()
    this.attachments.clear()
    this.sessions.clear()
    this.idp = defaultIdp(this.accountId, this.timestamp())
  }
}
