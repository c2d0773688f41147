import * as t from 'io-ts'
import { bceDate } from '../decode/codecs'
import { struct } from '../decode/struct'

/** An IAM sub-user. Only `id` and `name` are always present; the service omits empty fields. */
export interface User {
  /** 32-hex-character user id. */
  readonly id: string
  /** The sub-user's name, unique in the account. */
  readonly name: string
  /** When the user was created. */
  readonly createTime?: Date
  /** The user's description. */
  readonly description?: string
  /** False when the sub-user is disabled. */
  readonly enabled?: boolean
  /** Contact details set by `updateUser` (`UserModel.contact` in the official Go SDK). */
  readonly contact?: string
  /** When the user joined a group (in group member lists). */
  readonly joinTime?: Date
  /** Last console login (getUser only). */
  readonly lastLoginTime?: Date
}

/** Wire codec of {@link User} (optional fields may be absent or `null`). */
export const userCodec: t.Decoder<unknown, User> = struct(
  'User',
  { id: t.string, name: t.string },
  {
    createTime: bceDate,
    description: t.string,
    enabled: t.boolean,
    contact: t.string,
    joinTime: bceDate,
    lastLoginTime: bceDate,
  },
)
