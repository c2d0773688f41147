import * as t from 'io-ts'
import type { Acl } from '../acl/types'
import { withSecrets, type RedactedRendering } from '../auth/redact'
import { bceDate } from '../decode/codecs'
import { mapped } from '../decode/mapped'
import { partialStruct, struct } from '../decode/struct'

/**
 * A permanent API key (Baidu's "API Key (永久有效)"), as the list, detail, update, create and
 * decrypt answers carry it. Field names follow Baidu's newer Go SDK
 * (`baidubce/baiducloud-go-sdk` `services/iam/model_api_key.go` and
 * `model_query_apikey_details_permanently_valid_response.go`) and Baidu's API reference
 * (https://cloud.baidu.com/doc/Reference/s/dmcvlynvd).
 *
 * `tokenId` is the API key itself, a bearer secret: when the answer carried it, it can be read
 * explicitly (`key.tokenId`); `JSON.stringify`, `util.inspect` and `String()` show it as
 * `[redacted]`, and an object spread copies it together with that redacted rendering.
 */
export interface ApiKey extends RedactedRendering {
  /** The key's identifier (not secret): what detail, update, delete and decrypt take. */
  readonly id: string
  /** The API key itself (secret; rendered as `[redacted]`). */
  readonly tokenId?: string
  /** The key's display name. */
  readonly name?: string
  /** The user the key belongs to (a sub-user's id, or the account's id for the root's own keys). */
  readonly userId?: string
  /** The services the key is granted (detail, update, create and decrypt answers). */
  readonly services?: readonly string[]
  /** When the key was created. */
  readonly createTime?: Date
  /** When the key was last updated. */
  readonly updateTime?: Date
  /** The account the key belongs to. */
  readonly domainId?: string
  /** What the key may do (detail, update and create answers). */
  readonly acl?: Acl
  /** JSON of the key with `tokenId` shown as `[redacted]`. */
  toString(): string
}

/**
 * One page of {@link ApiKey}s: the `page` object of `POST /v1/apikey/list` (Go SDK
 * `model_page.go`). Pages are numbered from 1.
 */
export interface ApiKeyPage {
  /** The number of this page (from 1). */
  readonly pageNo?: number
  /** The page size asked for. */
  readonly pageSize?: number
  /** How many keys there are in all (every page). */
  readonly totalCount?: number
  /** The field the keys are sorted by, as the service reports it. */
  readonly orderBy?: string
  /** The sort direction, as the service reports it. */
  readonly order?: string
  /** The keys of this page (empty when the page is past the end). */
  readonly result: readonly ApiKey[]
}

/**
 * The short-term API key ("bearer token") of `GET /v1/BCE-BEARER/token` (Go SDK
 * `model_get_session_api_key_response.go`; https://cloud.baidu.com/doc/Reference/s/Gm5z8ryv5).
 * `token` is a bearer secret: readable explicitly, rendered as `[redacted]` (spread copies too).
 */
export interface BearerToken extends RedactedRendering {
  /** The user the token acts for. */
  readonly userId?: string
  /** The token (secret; rendered as `[redacted]`). */
  readonly token: string
  /** When the token was issued. */
  readonly createTime?: Date
  /** When the token stops working (service clock). */
  readonly expireTime?: Date
  /** JSON of the token with `token` shown as `[redacted]`. */
  toString(): string
}

const statementCodec = struct(
  'ApiKeyAclStatement',
  {
    service: t.string,
    region: t.string,
    permission: t.readonlyArray(t.string),
    effect: t.keyof({ Allow: null, Deny: null }),
  },
  { eid: t.string, resource: t.readonlyArray(t.string) },
)

const aclCodec = struct(
  'ApiKeyAcl',
  { accessControlList: t.readonlyArray(statementCodec) },
  { id: t.string, version: t.string },
)

const apiKeyWire = struct(
  'ApiKey',
  { id: t.string },
  {
    tokenId: t.string,
    name: t.string,
    userId: t.string,
    services: t.readonlyArray(t.string),
    createTime: bceDate,
    updateTime: bceDate,
    domainId: t.string,
    acl: aclCodec,
  },
)

/**
 * Wire codec of {@link ApiKey}: `id` is required; every other field may be absent or `null`; the
 * `tokenId`, when sent, is hidden from every rendering.
 */
export const apiKeyCodec: t.Type<ApiKey, unknown> = mapped('ApiKey', apiKeyWire, ({ tokenId, ...visible }): ApiKey =>
  tokenId === undefined ? withSecrets(visible, {}) : withSecrets(visible, { tokenId }),
)

const pageWire = struct(
  'ApiKeyPage',
  {},
  {
    pageNo: t.number,
    pageSize: t.number,
    totalCount: t.number,
    orderBy: t.string,
    order: t.string,
    result: t.readonlyArray(apiKeyCodec),
  },
)

/**
 * Wire codec of the list answer `{success?, status?, page: {…}}`: the {@link ApiKeyPage}. A
 * missing or `null` `page` or `result` is an empty page (the Go SDK's model has both optional).
 */
export const apiKeyPageCodec: t.Decoder<unknown, ApiKeyPage> = mapped(
  'ApiKeyList',
  partialStruct('ApiKeyList', { page: pageWire }),
  ({ page }): ApiKeyPage => ({ ...page, result: page?.result ?? [] }),
)

/** Wire codec of {@link BearerToken}: `token` is required and hidden from every rendering. */
export const bearerTokenCodec: t.Decoder<unknown, BearerToken> = mapped(
  'BearerToken',
  struct('BearerToken', { token: t.string }, { userId: t.string, createTime: bceDate, expireTime: bceDate }),
  ({ token, ...visible }): BearerToken => withSecrets(visible, { token }),
)
