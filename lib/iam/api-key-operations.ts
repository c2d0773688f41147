import type { Acl } from '../acl/types'
import { codecReader, ignoreBody } from '../decode/reader'
import { defineOperation, type FieldSpec } from '../operation/operation'
import { API_KEY_ACL, BEARER_TOKEN_ACL, BEARER_TOKEN_SECONDS, SERVICE_NAMES } from './api-key-fields'
import {
  apiKeyCodec,
  apiKeyPageCodec,
  bearerTokenCodec,
  type ApiKey,
  type ApiKeyPage,
  type BearerToken,
} from './api-key-model'

/**
 * Baidu's API reference for permanent API keys (create, list, detail, update, delete, decrypt).
 * The request and answer shapes follow the newer Go SDK, `baidubce/baiducloud-go-sdk`
 * `services/iam/model_*_apikey_*.go`, whose client sends every one of them as `POST` with a
 * JSON body. Like every POST of this SDK they are never retried after an ambiguous failure, the
 * reads (list, detail, decrypt) included. Access follows Baidu's two policies: reads need `READ`
 * (IAMReadAPIKeyPolicy), changes and bearer tokens `FULL_CONTROL` (IAMManageAPIKeyPolicy).
 */
export const API_KEY_DOCS = 'https://cloud.baidu.com/doc/Reference/s/dmcvlynvd'
/** Baidu's API reference for short-term API keys (`GET /v1/BCE-BEARER/token`). */
export const BEARER_TOKEN_DOCS = 'https://cloud.baidu.com/doc/Reference/s/Gm5z8ryv5'

/** Largest `pageSize` the SDK sends (an SDK bound: Baidu documents none). */
export const MAX_API_KEY_PAGE_SIZE = 1000

/** `userId` in the body: whose keys; omitted, the caller's own. */
const userIdInBody: FieldSpec = { type: 'name', in: 'body' }
/** `id` in the body: the API key's identifier. */
const apiKeyIdInBody: FieldSpec = { type: 'name', in: 'body', required: true }

/**
 * Input of `IamClient.createApiKey` (Go SDK `model_create_apikey_permanently_valid_request.go`:
 * `{userId, acl, name}`).
 */
export interface CreateApiKeyInput {
  /** What the key may do (required by Baidu's API reference). */
  readonly acl: Acl | string
  /** The key's display name. */
  readonly name?: string | undefined
  /** The sub-user (id) that will own the key; omitted, the caller. */
  readonly userId?: string | undefined
}

/**
 * Input of `IamClient.listApiKeys` (Go SDK `model_obtain_a_list_of_permanently_valid_apikeys_request.go`:
 * `{userId, service, pageNo, pageSize}`).
 */
export interface ListApiKeysInput {
  /** Whose keys (a sub-user's id); omitted, the caller's own. */
  readonly userId?: string | undefined
  /** Only keys granted one of these services. */
  readonly service?: readonly string[] | undefined
  /** Page number, from 1. */
  readonly pageNo?: number | undefined
  /** Keys per page. */
  readonly pageSize?: number | undefined
}

/** Input of the operations on one API key: detail, delete and decrypt (`{userId, id}`). */
export interface ApiKeyIdInput {
  /** The key's identifier (`ApiKey.id`, not the secret `tokenId`). */
  readonly id: string
  /** The owning sub-user's id; omitted, the caller. */
  readonly userId?: string | undefined
}

/** Input of `IamClient.updateApiKey` (Go SDK `model_update_apikey_permanently_valid_request.go`: `{userId, id, acl}`). */
export interface UpdateApiKeyInput extends ApiKeyIdInput {
  /** The key's new ACL (replaces the old one). */
  readonly acl: Acl | string
}

/** Input of `IamClient.getBearerToken` (Go SDK `model_get_session_api_key_request.go`). */
export interface GetBearerTokenInput {
  /** Validity in seconds, 300 to 2,592,000 (5 minutes to 30 days); the service default is 1800. */
  readonly expireInSeconds?: number | undefined
  /** Narrows what the token may do (sent base64-encoded in the query). */
  readonly acl?: Acl | string | undefined
}

/** `POST /v1/apikey/create`: never retried once sent (a lost answer must not make a second key). */
export const createApiKey = defineOperation<CreateApiKeyInput, ApiKey>()({
  name: 'createApiKey',
  service: 'iam',
  summary: 'Creates a permanent API key; the answer carries the key (`tokenId`, secret). Never retried once sent.',
  docs: API_KEY_DOCS,
  status: 201,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: ['NotFound', 'LimitExceeded'],
  method: 'POST',
  path: '/v1/apikey/create',
  fields: {
    acl: { type: 'codec', in: 'body', codec: API_KEY_ACL, required: true },
    name: { type: 'string', in: 'body', minLength: 1, maxLength: 64 },
    userId: userIdInBody,
  },
  idempotent: false,
  reader: codecReader(apiKeyCodec),
})

/** `POST /v1/apikey/list`: one page (`pageNo`, `pageSize`) of a user's API keys; see `apiKeyPages` for all. */
export const listApiKeys = defineOperation<ListApiKeysInput, ApiKeyPage>()({
  name: 'listApiKeys',
  service: 'iam',
  summary: "Lists one page of a user's permanent API keys (`pageNo` from 1).",
  docs: API_KEY_DOCS,
  status: 200,
  access: { permission: 'READ', resource: '*' },
  errors: ['NotFound'],
  method: 'POST',
  path: '/v1/apikey/list',
  fields: {
    userId: userIdInBody,
    service: { type: 'codec', in: 'body', codec: SERVICE_NAMES },
    pageNo: { type: 'integer', in: 'body', min: 1 },
    pageSize: { type: 'integer', in: 'body', min: 1, max: MAX_API_KEY_PAGE_SIZE },
  },
  idempotent: false,
  reader: codecReader(apiKeyPageCodec),
})

/** `POST /v1/apikey/detail`. */
export const getApiKey = defineOperation<ApiKeyIdInput, ApiKey>()({
  name: 'getApiKey',
  service: 'iam',
  summary: "Reads one permanent API key's details (ACL, services).",
  docs: API_KEY_DOCS,
  status: 200,
  access: { permission: 'READ', resource: '*' },
  errors: ['NotFound'],
  method: 'POST',
  path: '/v1/apikey/detail',
  fields: { id: apiKeyIdInBody, userId: userIdInBody },
  idempotent: false,
  reader: codecReader(apiKeyCodec),
})

/** `POST /v1/apikey/update`: replaces the key's ACL. */
export const updateApiKey = defineOperation<UpdateApiKeyInput, ApiKey>()({
  name: 'updateApiKey',
  service: 'iam',
  summary: "Replaces a permanent API key's ACL.",
  docs: API_KEY_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: ['NotFound'],
  method: 'POST',
  path: '/v1/apikey/update',
  fields: {
    id: apiKeyIdInBody,
    userId: userIdInBody,
    acl: { type: 'codec', in: 'body', codec: API_KEY_ACL, required: true },
  },
  idempotent: false,
  reader: codecReader(apiKeyCodec),
})

/** `POST /v1/apikey/delete`: the key stops working at once. */
export const deleteApiKey = defineOperation<ApiKeyIdInput, void>()({
  name: 'deleteApiKey',
  service: 'iam',
  summary: 'Deletes a permanent API key.',
  docs: API_KEY_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: ['NotFound'],
  method: 'POST',
  path: '/v1/apikey/delete',
  fields: { id: apiKeyIdInBody, userId: userIdInBody },
  idempotent: false,
  reader: ignoreBody(),
})

/** `POST /v1/apikey/decrypt`: the key in plain text (`tokenId`, secret: never rendered). */
export const decryptApiKey = defineOperation<ApiKeyIdInput, ApiKey>()({
  name: 'decryptApiKey',
  service: 'iam',
  summary: 'Reads a permanent API key in plain text (`tokenId`, secret).',
  docs: API_KEY_DOCS,
  status: 200,
  access: { permission: 'READ', resource: '*' },
  errors: ['NotFound'],
  method: 'POST',
  path: '/v1/apikey/decrypt',
  fields: { id: apiKeyIdInBody, userId: userIdInBody },
  idempotent: false,
  reader: codecReader(apiKeyCodec),
})

/**
 * `GET /v1/BCE-BEARER/token?expireInSeconds=&acl=`. Retried like every GET: a lost answer only
 * leaves an unused short-term token behind, which expires by itself.
 */
export const getBearerToken = defineOperation<GetBearerTokenInput, BearerToken>()({
  name: 'getBearerToken',
  service: 'iam',
  summary: 'Creates a short-term API key (bearer token, secret), optionally narrowed by an ACL.',
  docs: BEARER_TOKEN_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: [],
  method: 'GET',
  path: '/v1/BCE-BEARER/token',
  fields: {
    expireInSeconds: { type: 'integer', in: 'query', min: BEARER_TOKEN_SECONDS.min, max: BEARER_TOKEN_SECONDS.max },
    acl: { type: 'codec', in: 'query', codec: BEARER_TOKEN_ACL },
  },
  idempotent: true,
  reader: codecReader(bearerTokenCodec),
})
