import { err, safeTry, type Result } from 'neverthrow'
import type { Principal } from '../principal'
import type { EmulatorState, UserRecord } from '../state'
import { reply, type ApiError, type Outcome } from '../wire'
import { readBody } from './body'
import type { HandlerContext } from './context'
import { findUser } from './lookup'
import { inappropriateJson, invalidParameter } from './names'

/** The MFA device kinds BCE knows. */
export const MFA_TYPES: readonly string[] = ['PHONE', 'TOTP']

/**
 * The sub-user a setUserOperationMfa call addresses: the named one (404 when unknown), or,
 * without `userName` (optional in every official SDK, whose effect no official source states),
 * the calling sub-user; a caller that is not a sub-user must name one (400 `InvalidParameter`).
 */
function mfaTarget(
  state: EmulatorState,
  principal: Principal,
  userName: string | undefined,
): Result<UserRecord, ApiError> {
  if (userName !== undefined) return findUser(state, userName)
  if (principal.kind !== 'user')
    return err(invalidParameter('userName is required unless the caller is a sub-user (it then applies to the caller)'))
  return findUser(state, principal.userName)
}

/**
 * U9 setUserOperationMfa: `{userName?, enabledMfa, mfaType?}` where mfaType lists kinds, e.g.
 * `PHONE,TOTP`; without `userName` the switch applies to the calling sub-user ({@link mfaTarget}).
 */
export function setUserOperationMfa({ state, principal, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const fields = yield* readBody(body, {
      userName: { kind: 'string' },
      enabledMfa: { kind: 'boolean', required: true },
      mfaType: { kind: 'string' },
    })
    const mfaTypes = (fields.mfaType as string | undefined) ?? ''
    if (mfaTypes !== '' && !mfaTypes.split(',').every((kind) => MFA_TYPES.includes(kind.trim())))
      return err(inappropriateJson(`mfaType must be a comma-separated list of ${MFA_TYPES.join(', ')}`))
    const user = yield* mfaTarget(state, principal, fields.userName as string | undefined)
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
