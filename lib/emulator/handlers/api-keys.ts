import { randomBytes } from 'node:crypto'
import { err, ok, safeTry, type Result } from 'neverthrow'
import { parseAclText, readAclField, type AclObject } from '../acl-document'
import { freshId, type ApiKeyRecord, type EmulatorState } from '../state'
import type { Principal } from '../principal'
import { reply, type ApiError, type Outcome } from '../wire'
import { apiKeyView } from './api-key-views'
import { readBody } from './body'
import type { HandlerContext } from './context'
import { inappropriateJson, invalidParameter, limitExceeded, notFound } from './names'

/**
 * The permanent API keys of `POST /v1/apikey/{create,list,detail,update,delete,decrypt}` (Baidu's
 * API reference https://cloud.baidu.com/doc/Reference/s/dmcvlynvd; shapes from the newer Go SDK's
 * `services/iam/model_*_apikey_*.go`). `userId` names whose keys (a sub-user's id, or the
 * account id); omitted, the caller's own. Emulator assumptions (Baidu documents none): the
 * list's default page size is {@link DEFAULT_PAGE_SIZE}, keys are listed oldest first, and
 * every answer but create and decrypt shows `tokenId` masked (`****` and its last 4 characters).
 */

/** Page size when a list request names none (an emulator assumption). */
export const DEFAULT_PAGE_SIZE = 10

/** The owner id a request means: `userId` when given (an existing sub-user or the account), else the caller. */
function ownerOf(state: EmulatorState, principal: Principal, userId: unknown): Result<string, ApiError> {
  if (typeof userId === 'string') {
    return userId === state.accountId || state.userById(userId) !== undefined
      ? ok(userId)
      : err(notFound('user', userId))
  }
  if (principal.kind === 'root') return ok(state.accountId)
  if (principal.kind === 'user') return ok(principal.userId)
  return err(invalidParameter('a role has no API keys of its own: name the userId'))
}

/** The key `id` of `owner`; 404 when it is missing or someone else's. */
function findApiKey(state: EmulatorState, owner: string, id: unknown): Result<ApiKeyRecord, ApiError> {
  const key = typeof id === 'string' ? state.apiKeys.get(id) : undefined
  return key !== undefined && key.userId === owner ? ok(key) : err(notFound('API key', String(id)))
}

/** The `acl` field: a JSON object, or (as Baidu's reference types it) the JSON text of one. */
function readKeyAcl(value: unknown): Result<AclObject, ApiError> {
  if (value === undefined || value === null) return err(inappropriateJson('acl is required'))
  return typeof value === 'string' ? parseAclText(value, 'acl', 'policy') : readAclField(value, 'acl', 'policy')
}

/** The services an ACL's statements name, first seen first. */
function servicesOf(acl: AclObject): string[] {
  return [...new Set(acl.accessControlList.map((statement) => statement.service as string))]
}

const ID_FIELDS = { id: { kind: 'string', required: true }, userId: { kind: 'string' } } as const

/** A1 createApiKey `{acl, name?, userId?}`: the answer carries the key in plain text. */
export function createApiKey({ state, principal, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const fields = yield* readBody(body, { userId: { kind: 'string' }, name: { kind: 'string', maxLength: 64 } })
    const acl = yield* readKeyAcl((body as Record<string, unknown> | undefined)?.acl)
    const owner = yield* ownerOf(state, principal, fields.userId)
    const limit = state.limits.apiKeysPerUser
    if (state.apiKeys.ownedBy(owner).length >= limit) return err(limitExceeded('API keys per user', limit))
    const now = state.timestamp()
    const key: ApiKeyRecord = {
      id: freshId(state),
      tokenId: `bce-v3/ALTAK-${randomBytes(15).toString('base64url')}/${randomBytes(20).toString('hex')}`,
      name: (fields.name as string | undefined) ?? '',
      userId: owner,
      acl,
      services: servicesOf(acl),
      createTime: now,
      updateTime: now,
    }
    state.apiKeys.set(key.id, key)
    return reply(201, apiKeyView(key, state.accountId, { plain: true, detail: true }))
  })
}

/** A2 listApiKeys `{userId?, service?, pageNo?, pageSize?}`: one page, oldest key first. */
export function listApiKeys({ state, principal, body }: HandlerContext): Outcome {
  return safeTry(function* () {
    const fields = yield* readBody(body, {
      userId: { kind: 'string' },
      pageNo: { kind: 'integer' },
      pageSize: { kind: 'integer' },
    })
    const service = (body as Record<string, unknown> | undefined)?.service ?? undefined
    if (service !== undefined && !(Array.isArray(service) && service.every((s) => typeof s === 'string')))
      return err(inappropriateJson('service must be an array of strings'))
    const pageNo = (fields.pageNo as number | undefined) ?? 1
    const pageSize = (fields.pageSize as number | undefined) ?? DEFAULT_PAGE_SIZE
    if (pageNo < 1 || pageSize < 1) return err(inappropriateJson('pageNo and pageSize must be at least 1'))
    const owner = yield* ownerOf(state, principal, fields.userId)
    const wanted = service as readonly string[] | undefined
    const keys = state.apiKeys
      .ownedBy(owner)
      .filter((key) => wanted === undefined || key.services.some((s) => wanted.includes(s)))
    const start = (pageNo - 1) * pageSize
    return reply(200, {
      success: true,
      status: 200,
      page: {
        orderBy: 'createTime',
        order: 'asc',
        pageNo,
        pageSize,
        totalCount: keys.length,
        result: keys
          .slice(start, start + pageSize)
          .map((key) => apiKeyView(key, state.accountId, { plain: false, detail: false })),
      },
    })
  })
}

/** The key a `{id, userId?}` body names. */
function keyOfBody(context: HandlerContext): Result<ApiKeyRecord, ApiError> {
  const { state, principal, body } = context
  return readBody(body, ID_FIELDS).andThen((fields) =>
    ownerOf(state, principal, fields.userId).andThen((owner) => findApiKey(state, owner, fields.id)),
  )
}

/** A3 getApiKey `{id, userId?}`. */
export function getApiKey(context: HandlerContext): Outcome {
  return keyOfBody(context).andThen((key) =>
    reply(200, apiKeyView(key, context.state.accountId, { plain: false, detail: true })),
  )
}

/** A4 updateApiKey `{id, userId?, acl}`: the ACL (and so the services) is replaced. */
export function updateApiKey(context: HandlerContext): Outcome {
  const { state, body } = context
  return safeTry(function* () {
    const key = yield* keyOfBody(context)
    const acl = yield* readKeyAcl((body as Record<string, unknown>).acl)
    const updated: ApiKeyRecord = { ...key, acl, services: servicesOf(acl), updateTime: state.timestamp() }
    state.apiKeys.set(key.id, updated)
    return reply(200, apiKeyView(updated, state.accountId, { plain: false, detail: true }))
  })
}

/** A5 deleteApiKey `{id, userId?}`: answers `{success, status}` (the Go SDK's model). */
export function deleteApiKey(context: HandlerContext): Outcome {
  return keyOfBody(context).andThen((key) => {
    context.state.apiKeys.delete(key.id)
    return reply(200, { success: true, status: 200 })
  })
}

/** A6 decryptApiKey `{id, userId?}`: the key in plain text (the Go SDK's model: no `acl`, no `domainId`). */
export function decryptApiKey(context: HandlerContext): Outcome {
  return keyOfBody(context).andThen((key) =>
    reply(200, apiKeyView(key, context.state.accountId, { plain: true, detail: false, services: true })),
  )
}
