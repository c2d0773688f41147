import * as t from 'io-ts'
import { bceDate } from '../decode/codecs'
import { struct } from '../decode/struct'

/** A user group. */
export interface Group {
  readonly id: string
  readonly name: string
  readonly createTime?: Date
  readonly description?: string
}

/** Wire codec of {@link Group} (optional fields may be absent or `null`). */
export const groupCodec: t.Decoder<unknown, Group> = struct(
  'Group',
  { id: t.string, name: t.string },
  { createTime: bceDate, description: t.string },
)
