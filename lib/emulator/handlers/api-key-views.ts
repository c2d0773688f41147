import type { ApiKeyRecord } from '../state'

/** Which fields an API key answer carries, and whether `tokenId` is in plain text. */
export interface ApiKeyViewOptions {
  /** The key in plain text (create, decrypt); otherwise masked. */
  readonly plain: boolean
  /** `services`, `updateTime`, `domainId` and `acl` (detail, update, create). */
  readonly detail: boolean
  /** `services` and `updateTime` without the rest of the detail (decrypt). */
  readonly services?: boolean
}

/** `****` and the last 4 characters: what answers other than create and decrypt show of a key (an emulator assumption). */
export function maskToken(tokenId: string): string {
  return `****${tokenId.slice(-4)}`
}

/**
 * The wire form of a permanent API key (field names of the Go SDK's `model_api_key.go` and
 * `model_query_apikey_details_permanently_valid_response.go`).
 */
export function apiKeyView(key: ApiKeyRecord, accountId: string, options: ApiKeyViewOptions): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: key.id,
    tokenId: options.plain ? key.tokenId : maskToken(key.tokenId),
    ...(key.name === '' ? {} : { name: key.name }),
    userId: key.userId,
    createTime: key.createTime,
  }
  if (options.detail || options.services === true) {
    view.services = key.services
    view.updateTime = key.updateTime
  }
  if (options.detail) {
    view.domainId = accountId
    view.acl = key.acl
  }
  return view
}
