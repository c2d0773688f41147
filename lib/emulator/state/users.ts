/** Console-login settings of a sub-user (U6–U8). The password is stored, never returned. */
export interface LoginProfileRecord {
  readonly password?: string
  /** When the password was last set; the password expires 90 days later. */
  readonly passwordSetTime?: string
  readonly needResetPassword: boolean
  readonly enabledLogin: boolean
  readonly enabledLoginMfa: boolean
  readonly loginMfaType?: string
  readonly thirdPartyType?: string
  readonly thirdPartyAccount?: string
  readonly createTime: string
}

/** The "operation protection" switch of a sub-user (U9). */
export interface OperationMfaRecord {
  readonly enabled: boolean
  /** Comma-separated MFA types, e.g. `PHONE,TOTP` ('' when not given). */
  readonly mfaTypes: string
}

/** A stored sub-user. Relations (keys, groups, policies) live elsewhere, keyed by `id`. */
export interface UserRecord {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly enabled: boolean
  readonly createTime: string
  /** Contact details (updateUser); absent until set. */
  readonly contact?: string
  readonly loginProfile?: LoginProfileRecord
  readonly operationMfa?: OperationMfaRecord
}
