import type { LoginProfileRecord } from '../state'
import { err, safeTry } from 'neverthrow'
import { reply, type Outcome } from '../wire'
import { readBody, type BodyField } from './body'
import type { HandlerContext } from './context'
import { findUser } from './lookup'
import { notFound } from './names'
import { loginProfileView } from './views'

/** A console password: 8–64 characters (BCE system restrictions). */
export const PASSWORD_FIELD: BodyField = { kind: 'string', minLength: 8, maxLength: 64 }

/** U6 updateLoginProfile: creates the profile or merges into it; omitted fields keep their value. */
export function updateLoginProfile({ state, params, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const user = yield* findUser(state, params.userName)
    const read = yield* readBody(body, {
      password: PASSWORD_FIELD,
      needResetPassword: { kind: 'boolean' },
      enabledLogin: { kind: 'boolean' },
      enabledLoginMfa: { kind: 'boolean' },
      loginMfaType: { kind: 'string', oneOf: ['PHONE', 'TOTP'] },
      thirdPartyType: { kind: 'string', oneOf: ['UUAP', 'PASSPORT', ''] },
      thirdPartyAccount: { kind: 'string' },
    })
    const fields = read as {
      password?: string
      needResetPassword?: boolean
      enabledLogin?: boolean
      enabledLoginMfa?: boolean
      loginMfaType?: string
      thirdPartyType?: string
      thirdPartyAccount?: string
    }
    const now = state.timestamp()
    const current: LoginProfileRecord = user.loginProfile ?? {
      needResetPassword: false,
      enabledLogin: true,
      enabledLoginMfa: false,
      createTime: now,
    }
    const profile: LoginProfileRecord = {
      ...current,
      ...(fields.password === undefined ? {} : { password: fields.password, passwordSetTime: now }),
      needResetPassword: fields.needResetPassword ?? current.needResetPassword,
      enabledLogin: fields.enabledLogin ?? current.enabledLogin,
      enabledLoginMfa: fields.enabledLoginMfa ?? current.enabledLoginMfa,
      ...(fields.loginMfaType === undefined ? {} : { loginMfaType: fields.loginMfaType }),
      ...(fields.thirdPartyType === undefined ? {} : { thirdPartyType: fields.thirdPartyType }),
      ...(fields.thirdPartyAccount === undefined ? {} : { thirdPartyAccount: fields.thirdPartyAccount }),
    }
    state.users.set(user.name, { ...user, loginProfile: profile })
    return reply(200, loginProfileView(profile, false))
  })
}

/** U7 getLoginProfile: adds `passwordExpireDate` (90 days after the password was set) when there is a password. */
export function getLoginProfile({ state, params }: HandlerContext): Outcome {
  return findUser(state, params.userName).andThen((user) =>
    user.loginProfile === undefined
      ? err(notFound('login profile of user', user.name))
      : reply(200, loginProfileView(user.loginProfile, true)),
  )
}

/** U8 deleteLoginProfile. */
export function deleteLoginProfile({ state, params }: HandlerContext): Outcome {
  return findUser(state, params.userName).andThen((user) => {
    if (user.loginProfile === undefined) return err(notFound('login profile of user', user.name))
    const { loginProfile: _removed, ...rest } = user
    state.users.set(user.name, rest)
    return reply(200)
  })
}
