import { err, ok, type Result } from 'neverthrow'
import type { AclObject } from '../acl-document'
import type { ApiError } from '../wire'
import { inappropriateJson } from './names'

/**
 * A checked ACL as an identity-based document (a policy's `document`, or the ACL that narrows
 * STS credentials), or why it cannot be one: such a document applies to whoever holds it, so a
 * statement naming `grantee` has no meaning there (grantees belong in role trust documents).
 * Accepting one would let a `Deny` look as if it applied to someone else: 400
 * `InappropriateJSON`, like every other malformed document.
 */
export function identityDocument(acl: AclObject, field: string): Result<AclObject, ApiError> {
  const index = acl.accessControlList.findIndex((entry) => entry.grantee !== undefined)
  if (index < 0) return ok(acl)
  return err(
    inappropriateJson(
      `${field}.accessControlList[${index}] has a grantee: an identity-based document applies to its holder and cannot name grantees (only role trust documents can)`,
    ),
  )
}
