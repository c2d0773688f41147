/** Whom temporary credentials act for: the root account, a sub-user, or an assumed role. */
export type SessionSubject =
  | { readonly kind: 'root' }
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'role'; readonly roleId: string }

/** Temporary credentials issued by STS (getSessionToken, assumeRole). */
export interface SessionRecord {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  /** Must come back in a signed `x-bce-security-token` header. */
  readonly sessionToken: string
  readonly createTime: string
  /** BCE DateTime; the credentials stop authenticating after it (emulator clock). */
  readonly expiration: string
  readonly subject: SessionSubject
  /** The `userId` reported in the STS answer. */
  readonly userId: string
  /** The ACL that narrows these credentials (parsed JSON), when one was sent. */
  readonly acl?: unknown
}
