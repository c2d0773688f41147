import * as t from 'io-ts'
import { withSecrets, type RedactedRendering } from '../auth/redact'
import { bceDate } from '../decode/codecs'
import { mapped } from '../decode/mapped'
import { struct } from '../decode/struct'

/**
 * A console sign-in token from STS getSigninSecurityToken (the Java SDK's
 * `GetSigninSecurityTokenResponse`): no access key pair, only a token. Read `sessionToken`
 * explicitly; `JSON.stringify`, `util.inspect` and `String()` show it as `[redacted]`, and an
 * object spread copies it together with that redacted rendering.
 */
export interface SigninSecurityToken extends RedactedRendering {
  /** The user the token signs in (the account id for the root account). */
  readonly userId?: string
  /** The session token (secret; rendered as `[redacted]`). */
  readonly sessionToken: string
  /** When the token was issued. */
  readonly createTime?: Date
  /** When the token stops working (service clock). */
  readonly expiration?: Date
  /** JSON of the token with `sessionToken` shown as `[redacted]`. */
  toString(): string
}

/**
 * Wire codec of {@link SigninSecurityToken}: `sessionToken` is required and hidden from every
 * rendering; the other fields may be absent or `null`.
 */
export const signinSecurityTokenCodec: t.Decoder<unknown, SigninSecurityToken> = mapped(
  'SigninSecurityToken',
  struct(
    'SigninSecurityToken',
    { sessionToken: t.string },
    { userId: t.string, createTime: bceDate, expiration: bceDate },
  ),
  ({ sessionToken, ...visible }): SigninSecurityToken => withSecrets(visible, { sessionToken }),
)
