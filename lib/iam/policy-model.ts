import * as t from 'io-ts'
import { bceDate } from '../decode/codecs'
import { struct } from '../decode/struct'

/** `System` policies are platform-managed; `Custom` ones belong to the account. */
export type PolicyType = 'System' | 'Custom'

/** A permission policy. */
export interface Policy {
  /** Policy id, used by `IamClient.listPolicyEntities`. */
  readonly id: string
  /** The policy's name: what the attach, detach and get calls take (with its type). */
  readonly name: string
  /** `System` or `Custom` (kept as the service sent it). */
  readonly type?: string
  /** When the policy was created. */
  readonly createTime?: Date
  /** The policy's description. */
  readonly description?: string
  /** The ACL document as the service stores it (serialised JSON; parse it with `parseAcl`). */
  readonly document?: string
  /** When it was attached (attached-policy lists only). */
  readonly attachTime?: Date
}

/** Wire codec of {@link Policy} (optional fields may be absent or `null`). */
export const policyCodec: t.Decoder<unknown, Policy> = struct(
  'Policy',
  { id: t.string, name: t.string },
  { type: t.string, createTime: bceDate, description: t.string, document: t.string, attachTime: bceDate },
)

/** Kinds of principals a policy can be attached to. */
export type PolicyGrantType = 'UserPolicy' | 'GroupPolicy' | 'RolePolicy'

/** A principal a policy is attached to. */
export interface PolicyEntity {
  /** The principal's id. */
  readonly id: string
  /** The principal's name. */
  readonly name?: string
  /** `UserPolicy`, `GroupPolicy` or `RolePolicy` (kept as sent). */
  readonly type?: string
  /** When the policy was attached to the principal. */
  readonly attachTime?: Date
}

/** Wire codec of {@link PolicyEntity} (optional fields may be absent or `null`). */
export const policyEntityCodec: t.Decoder<unknown, PolicyEntity> = struct(
  'PolicyEntity',
  { id: t.string },
  { name: t.string, type: t.string, attachTime: bceDate },
)
