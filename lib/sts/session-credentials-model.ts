import * as t from 'io-ts'
import { withSecrets } from '../auth/redact'
import { bceDate, struct } from '../decode/codecs'
import { fastPathOf, REJECTED, withFastPath } from '../decode/fast-path'

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

/** The public shape of decoded wire credentials: secrets hidden, undefined when no secret was sent. */
function hideSecrets(decoded: t.TypeOf<typeof wire>): SessionCredentials | undefined {
  const { secretAccessKey, accessKeySecret, sessionToken, ...visible } = decoded
  const secret = secretAccessKey ?? accessKeySecret
  return secret === undefined ? undefined : withSecrets(visible, { secretAccessKey: secret, sessionToken })
}

/**
 * Wire codec of {@link SessionCredentials}. The secret is read from `secretAccessKey` (every
 * official SDK) or, failing that, `accessKeySecret` (Baidu's data-type page).
 */
export const sessionCredentialsCodec: t.Decoder<unknown, SessionCredentials> = new t.Type<
  SessionCredentials,
  unknown,
  unknown
>(
  'SessionCredentials',
  (value): value is SessionCredentials => typeof value === 'object' && value !== null,
  (value, context) => {
    const decoded = wire.validate(value, context)
    if (decoded._tag === 'Left') return decoded
    const credentials = hideSecrets(decoded.right)
    if (credentials === undefined)
      return t.failure(undefined, [...context, { key: 'secretAccessKey', type: t.string, actual: undefined }], 'string')
    return t.success(credentials)
  },
  (credentials) => credentials,
)

const fastWire = fastPathOf(wire)
if (fastWire !== undefined) {
  withFastPath(sessionCredentialsCodec, (value) => {
    const decoded = fastWire(value)
    return decoded === REJECTED ? REJECTED : (hideSecrets(decoded) ?? REJECTED)
  })
}
