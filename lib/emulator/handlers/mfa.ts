import { err, safeTry } from 'neverthrow'
import { reply, type Outcome } from '../wire'
import { readBody } from './body'
import type { HandlerContext } from './context'
import { findUser } from './lookup'
import { inappropriateJson } from './names'

/** The MFA device kinds BCE knows. */
export const MFA_TYPES: readonly string[] = ['PHONE', 'TOTP']

/** U9 setUserOperationMfa: `{userName, enabledMfa, mfaType?}` where mfaType lists kinds, e.g. `PHONE,TOTP`. */
export function setUserOperationMfa({ state, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const fields = yield* readBody(body, {
      userName: { kind: 'string', required: true },
      enabledMfa: { kind: 'boolean', required: true },
      mfaType: { kind: 'string' },
    })
    const mfaTypes = (fields.mfaType as string | undefined) ?? ''
    if (mfaTypes !== '' && !mfaTypes.split(',').every((kind) => MFA_TYPES.includes(kind.trim())))
      return err(inappropriateJson(`mfaType must be a comma-separated list of ${MFA_TYPES.join(', ')}`))
    const user = yield* findUser(state, fields.userName as string)
    state.users.set(user.name, { ...user, operationMfa: { enabled: fields.enabledMfa as boolean, mfaTypes } })
    return reply(200)
  })
}

/** U10 unbindUserMfaDevice: the emulator has no devices to bind, so this only checks its inputs. */
export function unbindUserMfaDevice({ state, params }: HandlerContext): Outcome {
  return findUser(state, params.userName).andThen(() => {
    const kind = params.mfaType ?? ''
    if (!MFA_TYPES.includes(kind)) return err(inappropriateJson(`mfaType must be one of ${MFA_TYPES.join(', ')}`))
    return reply(200)
  })
}
