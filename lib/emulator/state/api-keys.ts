/**
 * A stored permanent API key, secret included (the emulator's own store). Shapes follow Baidu's
 * API reference (https://cloud.baidu.com/doc/Reference/s/dmcvlynvd) and the newer Go SDK's
 * `services/iam/model_api_key.go`.
 */
export interface ApiKeyRecord {
  /** The key's identifier (not secret). */
  readonly id: string
  /** The API key itself: answered by create and decrypt (and detail/update), never logged. */
  readonly tokenId: string
  readonly name: string
  /** Owner: a sub-user's id, or the account id for the root's own keys (ids survive renames). */
  readonly userId: string
  /** The key's ACL (a checked document with only the known fields). */
  readonly acl: unknown
  /** The services its ACL names, in first-seen order. */
  readonly services: readonly string[]
  readonly createTime: string
  readonly updateTime: string
}
