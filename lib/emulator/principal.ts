/** What is known about the temporary credentials a request was signed with. */
export interface ViaSession {
  /** The temporary access key id. */
  readonly accessKeyId: string
  /** When the credentials stop authenticating (BCE DateTime). */
  readonly expiration: string
  /** The ACL given when the credentials were issued (parsed JSON), which narrows what they may do. */
  readonly acl?: unknown
}

/**
 * Who a request acts for, as authentication established it: the root account (its own key pair),
 * a sub-user (one of its access keys), or a role (credentials from assumeRole). `viaSession` is
 * present when the request was signed with STS temporary credentials; a role is only ever acted
 * for through them. Authorization (`authorization/authorize.ts`) decides from it, after routing
 * and before the handler; handlers also get it in their context.
 */
export type Principal =
  | { readonly kind: 'root'; readonly viaSession?: ViaSession }
  | { readonly kind: 'user'; readonly userName: string; readonly userId: string; readonly viaSession?: ViaSession }
  | { readonly kind: 'role'; readonly roleName: string; readonly roleId: string; readonly viaSession: ViaSession }

/** True for the root account's own key pair (not temporary credentials obtained with it). */
export function isRootKeyPair(principal: Principal): boolean {
  return principal.kind === 'root' && principal.viaSession === undefined
}
