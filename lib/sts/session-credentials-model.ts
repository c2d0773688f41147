import * as t from 'io-ts'
import { withSecrets } from '../auth/redact'
import { bceDate } from '../decode/codecs'
import { mapped, MapIssue } from '../decode/mapped'
import { struct } from '../decode/struct'

/**
 * Temporary credentials from STS. Pass the object itself (or a spread copy) as a client's
 * `credentials`. `secretAccessKey` and `sessionToken` are readable properties, shown as
 * `[redacted]` by `JSON.stringify`, `util.inspect` and `String()`; an object spread copies them
 * together with that redacted rendering.
 */
export interface SessionCredentials {
  /** The temporary access key id (AK). */
  readonly accessKeyId: string
  /** The temporary secret access key (SK); rendered as `[redacted]`. */
  readonly secretAccessKey: string
  /** The session token, sent as `x-bce-security-token`; rendered as `[redacted]`. */
  readonly sessionToken: string
  /** When the credentials were issued. */
  readonly createTime?: Date
  /** When the credentials stop working (service clock). */
  readonly expiration?: Date
  /** The user the credentials act for. */
  readonly userId?: string
  /** The assumed role (assumeRole only). */
  readonly roleId?: string
  /** The credentials' own fields for `JSON.stringify`, secret key and token shown as `[redacted]`. */
  toJSON(): Record<string, unknown>
  /** JSON of the credentials with the secret key and token shown as `[redacted]`. */
  toString(): string
}

const wire = struct(
  'SessionCredentials',
  { accessKeyId: t.string, sessionToken: t.string },
  {
    secretAccessKey: t.string,
    accessKeySecret: t.string,
    createTime: bceDate,
    expiration: bceDate,
    userId: t.string,
    roleId: t.string,
  },
)

/** Reported when neither secret field was sent. */
const NO_SECRET = new MapIssue('secretAccessKey', 'string')

/**
 * Wire codec of {@link SessionCredentials}. The secret is read from `secretAccessKey` (every
 * official SDK) or, failing that, `accessKeySecret` (Baidu's data-type page); without either the
 * decode fails at `secretAccessKey`. Optional fields may be absent or `null`. The secrets are
 * hidden from every rendering.
 */
export const sessionCredentialsCodec: t.Decoder<unknown, SessionCredentials> = mapped(
  'SessionCredentials',
  wire,
  ({ secretAccessKey, accessKeySecret, sessionToken, ...visible }): SessionCredentials | MapIssue => {
    const secret = secretAccessKey ?? accessKeySecret
    return secret === undefined ? NO_SECRET : withSecrets(visible, { secretAccessKey: secret, sessionToken })
  },
)
