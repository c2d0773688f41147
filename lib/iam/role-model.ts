import * as t from 'io-ts'
import { bceDate } from '../decode/codecs'
import { struct } from '../decode/struct'

/** A role that other accounts (or services) may assume through STS. */
export interface Role {
  /** The role's id, assigned by the service. */
  readonly id: string
  /** The role's name, unique in the account. */
  readonly name: string
  /** When the role was created. */
  readonly createTime?: Date
  /** The role's description. */
  readonly description?: string
  /** The trust document (serialised ACL JSON) as normalised by the service. */
  readonly assumeRolePolicyDocument?: string
}

/** Wire codec of {@link Role} (optional fields may be absent or `null`). */
export const roleCodec: t.Decoder<unknown, Role> = struct(
  'Role',
  { id: t.string, name: t.string },
  { createTime: bceDate, description: t.string, assumeRolePolicyDocument: t.string },
)
