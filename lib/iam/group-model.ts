import * as t from 'io-ts'
import { bceDate } from '../decode/codecs'
import { struct } from '../decode/struct'

/** A user group. */
export interface Group {
  /** The group's id, assigned by the service. */
  readonly id: string
  /** The group's name, unique in the account. */
  readonly name: string
  /** When the group was created. */
  readonly createTime?: Date
  /** The group's description. */
  readonly description?: string
}

/** Wire codec of {@link Group} (optional fields may be absent or `null`). */
export const groupCodec: t.Decoder<unknown, Group> = struct(
  'Group',
  { id: t.string, name: t.string },
  { createTime: bceDate, description: t.string },
)
