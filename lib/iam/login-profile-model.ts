import * as t from 'io-ts'
import { bceDate } from '../decode/codecs'
import { partialStruct } from '../decode/struct'

/** Second factor for console login. */
export type LoginMfaType = 'PHONE' | 'TOTP'

/** Third-party login binding: Baidu intranet (`UUAP`) or Baidu account (`PASSPORT`); `''` unbinds. */
export type ThirdPartyType = 'UUAP' | 'PASSPORT' | ''

/** A sub-user's console-login settings (the password is never returned). */
export interface LoginProfile {
  /** Whether the user must change the password at the next login. */
  readonly needResetPassword?: boolean
  /** Whether console login is enabled. */
  readonly enabledLogin?: boolean
  /** Whether console login asks for a second factor. */
  readonly enabledLoginMfa?: boolean
  /** The second factor (`PHONE` or `TOTP`), kept as sent. */
  readonly loginMfaType?: string
  /** The bound third-party login (`UUAP`, `PASSPORT`), kept as sent; empty when unbound. */
  readonly thirdPartyType?: string
  /** The third-party account bound for login. */
  readonly thirdPartyAccount?: string
  /** When the password expires (getLoginProfile only). */
  readonly passwordExpireDate?: Date
}

/** Wire codec of {@link LoginProfile}; every field optional (absent or `null`). */
export const loginProfileCodec: t.Decoder<unknown, LoginProfile> = partialStruct('LoginProfile', {
  needResetPassword: t.boolean,
  enabledLogin: t.boolean,
  enabledLoginMfa: t.boolean,
  loginMfaType: t.string,
  thirdPartyType: t.string,
  thirdPartyAccount: t.string,
  passwordExpireDate: bceDate,
})
