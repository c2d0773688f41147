import type { LoginProfileRecord } from '../state'
import { safeTry } from 'neverthrow'
import { reply, type Outcome } from '../wire'
import { readBody } from './body'
import type { HandlerContext } from './context'
import { PASSWORD_FIELD } from './login-profile'
import { findUser } from './lookup'
import { userView } from './views'

/**
 * U11 updateSubUser `{password?, provider?, enable?}`: `enable` switches the user on or off (a
 * disabled user's keys stop authenticating); `password` sets the console password, creating the
 * login profile when there is none; `provider` is accepted and ignored (undocumented).
 */
export function updateSubUser({ state, params, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const user = yield* findUser(state, params.userName)
    const fields = yield* readBody(body, {
      password: PASSWORD_FIELD,
      provider: { kind: 'string' },
      enable: { kind: 'boolean' },
    })
    const password = fields.password as string | undefined
    const enable = fields.enable as boolean | undefined
    const now = state.timestamp()
    const profile: LoginProfileRecord | undefined =
      password === undefined
        ? user.loginProfile
        : {
            ...(user.loginProfile ?? {
              needResetPassword: false,
              enabledLogin: true,
              enabledLoginMfa: false,
              createTime: now,
            }),
            password,
            passwordSetTime: now,
          }
    const updated = {
      ...user,
      enabled: enable ?? user.enabled,
      ...(profile === undefined ? {} : { loginProfile: profile }),
    }
    state.users.set(user.name, updated)
    return reply(200, userView(updated))
  })
}
