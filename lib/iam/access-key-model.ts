import * as t from 'io-ts'
import { withSecrets } from '../auth/redact'
import { bceDate, struct } from '../decode/codecs'

/** An access key of a sub-user, as listed (never with its secret). */
export interface AccessKey {
  /** The access key id (AK). */
  readonly id: string
  readonly createTime?: Date
  readonly description?: string
  readonly enabled?: boolean
  readonly lastUsedTime?: Date
}

/**
 * A newly created access key. `secret` is the secret access key, returned by the service only
 * this once: read it explicitly (`key.secret`). It is non-enumerable, so it never appears in
 * `JSON.stringify`, `util.inspect`, `String()` or an object spread.
 */
export interface NewAccessKey extends AccessKey {
  readonly secret: string
}

const accessKeyFields = {
  createTime: bceDate,
  description: t.string,
  enabled: t.boolean,
  lastUsedTime: bceDate,
}

/** Wire codec of {@link AccessKey} (a `secret` field, if any, is dropped). */
export const accessKeyCodec: t.Decoder<unknown, AccessKey> = new t.Type<AccessKey, unknown, unknown>(
  'AccessKey',
  (value): value is AccessKey => typeof value === 'object' && value !== null,
  (value, context) => {
    const decoded = struct('AccessKey', { id: t.string }, accessKeyFields).validate(value, context)
    if (decoded._tag === 'Left') return decoded
    const { secret: _dropped, ...listed } = decoded.right as AccessKey & { secret?: unknown }
    return t.success(listed)
  },
  (key) => key,
)

/** Wire codec of {@link NewAccessKey}: the secret is required and hidden from every rendering. */
export const newAccessKeyCodec: t.Decoder<unknown, NewAccessKey> = new t.Type<NewAccessKey, unknown, unknown>(
  'NewAccessKey',
  (value): value is NewAccessKey => typeof value === 'object' && value !== null,
  (value, context) => {
    const decoded = struct('NewAccessKey', { id: t.string, secret: t.string }, accessKeyFields).validate(value, context)
    if (decoded._tag === 'Left') return decoded
    const { secret, ...visible } = decoded.right
    return t.success(withSecrets(visible, { secret }))
  },
  (key) => key,
)
