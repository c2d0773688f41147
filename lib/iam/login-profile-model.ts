import * as t from 'io-ts'
import { bceDate } from '../decode/codecs'
import { partialStruct } from '../decode/struct'

/** Second factor for console login. */
export type LoginMfaType = 'PHONE' | 'TOTP'

/** Third-party login binding: Baidu intranet (`UUAP`) or Baidu account (`PASSPORT`); `''` unbinds. */
export type ThirdPartyType = 'UUAP' | 'PASSPORT' | ''

/** A sub-user's console-login settings (the password is never returned). */
export interface LoginProfile {
  readonly needResetPassword?: boolean
  readonly enabledLogin?: boolean
  readonly enabledLoginMfa?: boolean
  readonly loginMfaType?: string
  readonly thirdPartyType?: string
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
