import * as t from 'io-ts'
import { withSecrets } from '../auth/redact'
import { bceDate } from '../decode/codecs'
import { mapped } from '../decode/mapped'
import { struct } from '../decode/struct'

/** An access key of a sub-user, as listed (never with its secret). */
export interface AccessKey {
  /** The access key id (AK). */
  readonly id: string
  /** When the key was created. */
  readonly createTime?: Date
  /** The key's description. */
  readonly description?: string
  /** Whether the key can authenticate requests (`false` once disabled). */
  readonly enabled?: boolean
  /** When the key last authenticated a request; absent if never used. */
  readonly lastUsedTime?: Date
}

/**
 * A newly created access key. `secret` is the secret access key, returned by the service only
 * this once: read it explicitly (`key.secret`). `JSON.stringify`, `util.inspect` and `String()`
 * show it as `[redacted]`; an object spread copies it together with that redacted rendering.
 */
export interface NewAccessKey extends AccessKey {
  /** The secret access key (SK), returned only at creation; rendered as `[redacted]`. */
  readonly secret: string
  /** The key's own fields for `JSON.stringify`, the secret shown as `[redacted]`. */
  toJSON(): Record<string, unknown>
  /** JSON of the key with the secret shown as `[redacted]`. */
  toString(): string
}

const accessKeyFields = {
  createTime: bceDate,
  description: t.string,
  enabled: t.boolean,
  lastUsedTime: bceDate,
}

/**
 * Wire codec of {@link AccessKey}: a listed key. Optional fields may be absent or `null`; a
 * `secret` field, if the service ever sent one, is dropped (it must never ride along).
 */
export const accessKeyCodec: t.Decoder<unknown, AccessKey> = mapped(
  'AccessKey',
  struct('AccessKey', { id: t.string }, accessKeyFields),
  (decoded): AccessKey => {
    const { secret: _dropped, ...key } = decoded as AccessKey & { readonly secret?: unknown }
    return key
  },
)

/** Wire codec of {@link NewAccessKey}: the secret is required and hidden from every rendering. */
export const newAccessKeyCodec: t.Decoder<unknown, NewAccessKey> = mapped(
  'NewAccessKey',
  struct('NewAccessKey', { id: t.string, secret: t.string }, accessKeyFields),
  ({ secret, ...visible }): NewAccessKey => withSecrets(visible, { secret }),
)

/**
 * When an access key last authenticated a request (getAccessKeyLastUsedTime; the newer Go SDK's
 * `QueryTheLastUsageTimeOfAccesskeyResponse`). `lastUsedTime` is absent for a key never used.
 */
export interface AccessKeyLastUsed {
  /** The access key id (AK) asked about. */
  readonly accessKeyId: string
  /** When the key last authenticated a request; absent if never used. */
  readonly lastUsedTime?: Date
}

/** Wire codec of {@link AccessKeyLastUsed} (`lastUsedTime` may be absent or `null`). */
export const accessKeyLastUsedCodec: t.Decoder<unknown, AccessKeyLastUsed> = struct(
  'AccessKeyLastUsed',
  { accessKeyId: t.string },
  { lastUsedTime: bceDate },
)
