import * as t from 'io-ts'
import { withSecrets } from '../auth/redact'
import { bceDate, struct } from '../decode/codecs'
import { fastPathOf, REJECTED, withFastPath } from '../decode/fast-path'

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
  /** JSON of the key with the secret shown as `[redacted]`. */
  toString(): string
}

const accessKeyFields = {
  createTime: bceDate,
  description: t.string,
  enabled: t.boolean,
  lastUsedTime: bceDate,
}

const listedWire = struct('AccessKey', { id: t.string }, accessKeyFields)
const newWire = struct('NewAccessKey', { id: t.string, secret: t.string }, accessKeyFields)

/** Drops a `secret` field from a listed key (it must never ride along). */
function listed(decoded: t.TypeOf<typeof listedWire>): AccessKey {
  const { secret: _dropped, ...key } = decoded as AccessKey & { secret?: unknown }
  return key
}

/** Hides the secret of a new key from every rendering. */
function created(decoded: t.TypeOf<typeof newWire>): NewAccessKey {
  const { secret, ...visible } = decoded
  return withSecrets(visible, { secret })
}

/** Wire codec of {@link AccessKey} (a `secret` field, if any, is dropped). */
export const accessKeyCodec: t.Decoder<unknown, AccessKey> = new t.Type<AccessKey, unknown, unknown>(
  'AccessKey',
  (value): value is AccessKey => typeof value === 'object' && value !== null,
  (value, context) => {
    const decoded = listedWire.validate(value, context)
    return decoded._tag === 'Left' ? decoded : t.success(listed(decoded.right))
  },
  (key) => key,
)

/** Wire codec of {@link NewAccessKey}: the secret is required and hidden from every rendering. */
export const newAccessKeyCodec: t.Decoder<unknown, NewAccessKey> = new t.Type<NewAccessKey, unknown, unknown>(
  'NewAccessKey',
  (value): value is NewAccessKey => typeof value === 'object' && value !== null,
  (value, context) => {
    const decoded = newWire.validate(value, context)
    return decoded._tag === 'Left' ? decoded : t.success(created(decoded.right))
  },
  (key) => key,
)

const fastListed = fastPathOf(listedWire)
const fastNew = fastPathOf(newWire)
if (fastListed !== undefined) {
  withFastPath(accessKeyCodec, (value) => {
    const decoded = fastListed(value)
    return decoded === REJECTED ? REJECTED : listed(decoded)
  })
}
if (fastNew !== undefined) {
  withFastPath(newAccessKeyCodec, (value) => {
    const decoded = fastNew(value)
    return decoded === REJECTED ? REJECTED : created(decoded)
  })
}
