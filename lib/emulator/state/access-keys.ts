/** A stored access key of a sub-user, secret included (the emulator's own store). */
export interface AccessKeyRecord {
  /** The access key id (AK). */
  readonly id: string
  /** The secret key (SK): returned by createAccessKey only. */
  readonly secret: string
  /** Id (not name: names change) of the owning user. */
  readonly userId: string
  readonly createTime: string
  readonly enabled: boolean
  /** Set whenever the key authenticates a request. */
  readonly lastUsedTime?: string
}
