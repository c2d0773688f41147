import { randomBytes } from 'node:crypto'
import { err, ok, safeTry, type Result } from 'neverthrow'
import { freshId, type AccessKeyRecord, type EmulatorState, type UserRecord } from '../state'
import { fail, reply, type ApiError, type Outcome } from '../wire'
import type { HandlerContext } from './context'
import { findUser } from './lookup'
import { limitExceeded, notFound } from './names'
import { accessKeyView, newAccessKeyView } from './views'

const keysOf = (state: EmulatorState, user: UserRecord): AccessKeyRecord[] => state.accessKeys.ownedBy(user.id)

/** The key `accessKeyId` of user `userName`; 404 when either is missing or the key is someone else's. */
function findKey(state: EmulatorState, params: Readonly<Record<string, string>>): Result<AccessKeyRecord, ApiError> {
  return findUser(state, params.userName).andThen((user) => {
    const id = params.accessKeyId ?? ''
    const key = state.accessKeys.get(id)
    return key !== undefined && key.userId === user.id
      ? ok(key)
      : err(notFound(`access key of user ${JSON.stringify(user.name)}`, id))
  })
}

/** K1 createAccessKey: the answer carries the secret, which is never shown again. */
export function createAccessKey({ state, params }: HandlerContext): Outcome {
  return findUser(state, params.userName).andThen((user) => {
    if (keysOf(state, user).length >= state.limits.accessKeysPerUser)
      return err(limitExceeded('access keys per user', state.limits.accessKeysPerUser))
    const key: AccessKeyRecord = {
      id: freshId(state),
      secret: randomBytes(16).toString('hex'),
      userId: user.id,
      createTime: state.timestamp(),
      enabled: true,
    }
    state.accessKeys.set(key.id, key)
    return reply(200, newAccessKeyView(key))
  })
}

function setKeyEnabled({ state, params, query }: HandlerContext, enabled: boolean): Outcome {
  return safeTry(function* () {
    if (query.has('enable') && query.has('disable'))
      return fail(400, 'InvalidURI', 'send exactly one of the query flags enable and disable')
    const key = yield* findKey(state, params)
    const updated = { ...key, enabled }
    state.accessKeys.set(key.id, updated)
    return reply(200, accessKeyView(updated, state.keyLastUsedTime(key.id)))
  })
}

/** K2 disableAccessKey (`?disable`): the key stops authenticating at once. */
export function disableAccessKey(context: HandlerContext): Outcome {
  return setKeyEnabled(context, false)
}

/** K3 enableAccessKey (`?enable`). */
export function enableAccessKey(context: HandlerContext): Outcome {
  return setKeyEnabled(context, true)
}

/** K4 deleteAccessKey: the key stops authenticating at once. */
export function deleteAccessKey({ state, params }: HandlerContext): Outcome {
  return findKey(state, params).andThen((key) => {
    state.accessKeys.delete(key.id)
    state.forgetKeyUse(key.id)
    return reply(200)
  })
}

/** K5 listAccessKeys: never the secrets. */
export function listAccessKeys({ state, params }: HandlerContext): Outcome {
  return findUser(state, params.userName).andThen((user) =>
    reply(200, { accessKeys: keysOf(state, user).map((key) => accessKeyView(key, state.keyLastUsedTime(key.id))) }),
  )
}

/**
 * K6 getAccessKeyLastUsedTime `GET /v1/accesskey/{accessKeyId}/lastusedtime` (newer Go SDK
 * `QueryTheLastUsageTimeOfAccesskey`): `{accessKeyId, lastUsedTime}` for a sub-user's key or the
 * root key pair, `lastUsedTime` left out while the key has never authenticated a request. Any
 * other id, temporary credentials' included (they are not access keys), is 404 `NotFound`.
 */
export function getAccessKeyLastUsedTime({ state, params }: HandlerContext): Outcome {
  const id = params.accessKeyId ?? ''
  if (id !== state.root.accessKeyId && !state.accessKeys.has(id)) return err(notFound('access key', id))
  const lastUsedTime = state.keyLastUsedTime(id)
  return reply(200, { accessKeyId: id, ...(lastUsedTime === undefined ? {} : { lastUsedTime }) })
}
