/**
 * The desired-state document of IAM as code: an account's users, groups, custom policies and
 * roles, keyed by name. The same shape describes what {@link exportState} reads from a live
 * account, so a plan compares two values of one type.
 *
 * @packageDocumentation
 */
import type { Acl, ErrorIssue } from 'bce-iam'

/** A policy reference: a custom policy by name, or `{ name, type: 'System' }` for a system policy. */
export type PolicyRef = string | { readonly name: string; readonly type: 'Custom' | 'System' }

/** A user as the document wants it. */
export interface DesiredUser {
  /** The user's description. */
  readonly description?: string | undefined
  /** Whether the user is enabled (`updateUser`'s `enabled`); left unmanaged when absent. */
  readonly enabled?: boolean | undefined
  /** Names of the groups the user belongs to. */
  readonly groups?: readonly string[] | undefined
  /** Policies attached to the user directly. */
  readonly policies?: readonly PolicyRef[] | undefined
}

/** A group as the document wants it. */
export interface DesiredGroup {
  /** The group's description. */
  readonly description?: string | undefined
  /** Policies attached to the group. */
  readonly policies?: readonly PolicyRef[] | undefined
}

/** A custom policy: its ACL document (resources required). */
export interface DesiredPolicy {
  /** The policy's description. */
  readonly description?: string | undefined
  /** The policy's ACL document (each statement needs resources). */
  readonly document: Acl
}

/** A role: its trust document (who may assume it; resources optional) and attached policies. */
export interface DesiredRole {
  /** The role's description. */
  readonly description?: string | undefined
  /** The trust document: who may assume the role. */
  readonly trust: Acl
  /** Policies attached to the role. */
  readonly policies?: readonly PolicyRef[] | undefined
}

/** The desired (or exported live) shape of an account, entities keyed by name. */
export interface DesiredState {
  /** Sub-users, keyed by user name. */
  readonly users?: Readonly<Record<string, DesiredUser>> | undefined
  /** Groups, keyed by group name. */
  readonly groups?: Readonly<Record<string, DesiredGroup>> | undefined
  /** Custom policies, keyed by policy name. */
  readonly policies?: Readonly<Record<string, DesiredPolicy>> | undefined
  /** Roles, keyed by role name. */
  readonly roles?: Readonly<Record<string, DesiredRole>> | undefined
}

/**
 * Why an IAM-as-code document was refused: `InvalidDocument` and `UnreadableText` for a desired
 * document, `UnreadableLiveDocument` when a live policy or trust document does not parse as an ACL.
 */
export type IacErrorReason = 'InvalidDocument' | 'UnreadableText' | 'UnreadableLiveDocument'

/** A frozen, tagged error of the IAM-as-code module: every problem with its dotted path. */
export interface IacError {
  /** Discriminant of IAM-as-code errors. */
  readonly _tag: 'IacError'
  /** Why the document was refused. */
  readonly reason: IacErrorReason
  /** A one-line summary: the subject, the first issue and how many follow. */
  readonly message: string
  /** Every problem found, each with its dotted path in the document. */
  readonly issues: readonly ErrorIssue[]
}

/**
 * Builds a frozen {@link IacError}; the message is `subject`, then the first issue and how many follow.
 */
export function iacError(
  reason: IacErrorReason,
  issues: readonly ErrorIssue[],
  subject = 'invalid desired-state document',
): IacError {
  const first = issues[0]
  const detail = first === undefined ? '' : `; ${first.path}: expected ${first.expected}`
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  return Object.freeze({
    _tag: 'IacError',
    reason,
    message: `${subject}${detail}${more}`,
    issues: Object.freeze(issues.map((issue) => Object.freeze({ ...issue }))),
  } as const)
}

/** The name of a policy reference. */
export function refName(ref: PolicyRef): string {
  return typeof ref === 'string' ? ref : ref.name
}

/** The type of a policy reference (`Custom` for a bare name). */
export function refType(ref: PolicyRef): 'Custom' | 'System' {
  return typeof ref === 'string' ? 'Custom' : ref.type
}
