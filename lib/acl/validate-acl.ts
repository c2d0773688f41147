import type { Result } from 'neverthrow'
import type { BceClientError } from '../errors/types'
import type { AclCheckOptions } from './check-acl'
import { checkedAcl } from './checked-acl'
import type { Acl } from './types'

/** Options of {@link validateAcl}. */
export type ValidateAclOptions = AclCheckOptions

/**
 * Checks a built (or otherwise typed) document against the grammar {@link parseAcl} enforces —
 * the type system cannot see empty strings, empty lists or a missing resource. Returns a frozen
 * copy holding only the typed fields in canonical order, or `InvalidInput` (operation
 * `validateAcl`) listing every issue. Never throws.
 *
 * @example validateAcl(acl(allow({ service: 'bcc', permission: 'READ' })), { requireResource: true })
 */
export function validateAcl(acl: Acl, options?: ValidateAclOptions): Result<Acl, BceClientError> {
  return checkedAcl('validateAcl', acl, options)
}
