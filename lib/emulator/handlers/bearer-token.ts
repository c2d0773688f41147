import { randomBytes } from 'node:crypto'
import { err, ok, safeTry, type Result } from 'neverthrow'
import { readAclField } from '../acl-document'
import { parseJson } from '../json-limits'
import type { Principal } from '../principal'
import type { EmulatorState } from '../state'
import { reply, type ApiError, type Outcome } from '../wire'
import type { HandlerContext } from './context'
import { invalidParameter } from './names'

/**
 * Validity bounds and default of a bearer token, in seconds: 5 minutes to 30 days, 1800 when
 * unset (Baidu's API reference, https://cloud.baidu.com/doc/Reference/s/Gm5z8ryv5).
 */
export const BEARER_TOKEN_SECONDS = { min: 300, max: 2_592_000, default: 1800 } as const

/** `expireInSeconds`: absent is the default; anything but an integer in range is 400 `InvalidParameter`. */
function readExpiry(text: string | undefined): Result<number, ApiError> {
  if (text === undefined) return ok(BEARER_TOKEN_SECONDS.default)
  const seconds = /^\d{1,8}$/.test(text) ? Number(text) : Number.NaN
  return seconds >= BEARER_TOKEN_SECONDS.min && seconds <= BEARER_TOKEN_SECONDS.max
    ? ok(seconds)
    : err(
        invalidParameter(
          `expireInSeconds must be an integer from ${BEARER_TOKEN_SECONDS.min} to ${BEARER_TOKEN_SECONDS.max}`,
        ),
      )
}

/** `acl`: the base64 of an ACL document's JSON; checked like an STS session ACL. */
function readAcl(text: string | undefined): Result<unknown, ApiError> {
  if (text === undefined) return ok(undefined)
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return err(invalidParameter('acl must be base64'))
  return parseJson(Buffer.from(text, 'base64').toString('utf8'), 'acl')
    .mapErr(({ message }) => invalidParameter(message))
    .andThen((value) => readAclField(value, 'acl', 'session'))
}

/** Whom the token is issued to: the account, the sub-user, or the role. */
function subjectId(state: EmulatorState, principal: Principal): string {
  if (principal.kind === 'root') return state.accountId
  return principal.kind === 'user' ? principal.userId : principal.roleId
}

/**
 * B1 getBearerToken `GET /v1/BCE-BEARER/token?expireInSeconds=&acl=`: a new short-term API key
 * `{userId, token, createTime, expireTime}` (Go SDK `model_get_session_api_key_response.go`).
 * The emulator issues the token but keeps no record of it: no emulator route accepts
 * `Authorization: Bearer …` (Baidu documents bearer tokens for AI services, not for IAM).
 */
export function getBearerToken({ state, principal, query }: HandlerContext): Outcome {
  return safeTry(function* () {
    const seconds = yield* readExpiry(query.get('expireInSeconds'))
    yield* readAcl(query.get('acl'))
    return reply(200, {
      userId: subjectId(state, principal),
      token: `bce-v3/ALTAK-${randomBytes(15).toString('base64url')}/${randomBytes(20).toString('hex')}`,
      createTime: state.timestamp(),
      expireTime: state.timestamp(seconds * 1000),
    })
  })
}
