import * as t from 'io-ts'
import { withSecrets } from '../auth/redact'
import { bceDate, struct } from '../decode/codecs'

/**
 * Temporary credentials from STS. Pass the object itself as a client's `credentials`.
 * `secretAccessKey` and `sessionToken` are non-enumerable: read them explicitly; they never
 * appear in `JSON.stringify`, `util.inspect`, `String()` or an object spread.
 */
export interface SessionCredentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken: string
  readonly createTime?: Date
  /** When the credentials stop working (service clock). */
  readonly expiration?: Date
  /** The user the credentials act for. */
  readonly userId?: string
  /** The assumed role (assumeRole only). */
  readonly roleId?: string
}

const wire = struct(
  'SessionCredentials',
  { accessKeyId: t.string, sessionToken: t.string },
  { secretAccessKey: t.string, accessKeySecret: t.string, createTime: bceDate, expiration: bceDate, userId: t.string, roleId: t.string },
)

/**
 * Wire codec of {@link SessionCredentials}. The secret is read from `secretAccessKey` (every
 * official SDK) or, failing that, `accessKeySecret` (Baidu's data-type page).
 */
export const sessionCredentialsCodec: t.Decoder<unknown, SessionCredentials> = new t.Type<SessionCredentials, unknown, unknown>(
  'SessionCredentials',
  (value): value is SessionCredentials => typeof value === 'object' && value !== null,
  (value, context) => {
    const decoded = wire.validate(value, context)
    if (decoded._tag === 'Left') return decoded
    const { secretAccessKey, accessKeySecret, sessionToken, ...visible } = decoded.right
    const secret = secretAccessKey ?? accessKeySecret
    if (secret === undefined) return t.failure(undefined, [...context, { key: 'secretAccessKey', type: t.string, actual: undefined }], 'string')
    return t.success(withSecrets(visible, { secretAccessKey: secret, sessionToken }))
  },
  (credentials) => credentials,
)
