import { defaultIdp } from '../state'
import { err } from 'neverthrow'
import { reply, type Outcome } from '../wire'
import { readBody } from './body'
import type { HandlerContext } from './context'
import { invalidParameter } from './names'
import { idpView } from './views'

/** I1 getSubUserIdp: the SSO record (a default one, status `disable`, exists from the start). */
export function getSubUserIdp({ state }: HandlerContext): Outcome {
  return reply(200, idpView(state.idp))
}

/** I2 updateSubUserIdpStatus `?status=enable|disable` (anything else: 400 `InvalidParameter`). */
export function updateSubUserIdpStatus({ state, query }: HandlerContext): Outcome {
  const status = query.get('status')
  if (status !== 'enable' && status !== 'disable') return err(invalidParameter('status must be "enable" or "disable"'))
  state.idp = { ...state.idp, status, updateTime: state.timestamp() }
  return reply(200, idpView(state.idp))
}

/** I3 updateSubUserIdp `{fileName?, encodeMetadata?, auxiliaryDomain?}`: omitted fields stay. */
export function updateSubUserIdp({ state, body }: HandlerContext): Outcome {
  const read = readBody(body, {
    fileName: { kind: 'string' },
    encodeMetadata: { kind: 'string' },
    auxiliaryDomain: { kind: 'string' },
  })
  return read.andThen((fields) => {
    const { idp } = state
    state.idp = {
      ...idp,
      fileName: (fields.fileName as string | undefined) ?? idp.fileName,
      encodeMetadata: (fields.encodeMetadata as string | undefined) ?? idp.encodeMetadata,
      auxiliaryDomain: (fields.auxiliaryDomain as string | undefined) ?? idp.auxiliaryDomain,
      updateTime: state.timestamp(),
    }
    return reply(200, idpView(state.idp))
  })
}

/** I4 deleteSubUserIdp: back to the default record. */
export function deleteSubUserIdp({ state }: HandlerContext): Outcome {
  state.idp = defaultIdp(state.accountId, state.timestamp())
  return reply(200)
}
