import { copyList } from './copy-statement'
import { aclDocument } from './document-builders'
import { readField } from './record'
import { allow } from './statement-builders'
import type { Acl } from './types'

/** What {@link trustPolicy} builds a role trust document from. */
export interface TrustPolicySpec {
  /** The account id(s) allowed to assume the role; `'*'` trusts every account. */
  readonly accountIds: string | readonly string[]
  /**
   * Sub-user id(s) allowed to assume the role by name, besides the accounts (may be used with
   * `accountIds: []`). BCE does not document naming sub-users in a trust document; the bundled
   * emulator accepts a sub-user's id as a grantee and lets that sub-user assume the role without
   * a policy of its own, whereas a trust naming only the account also needs a policy allowing
   * `AssumeRole` on `role/<roleName>` for a sub-user.
   */
  readonly userIds?: string | readonly string[] | undefined
  /** Grammar version; defaults to `v1`. */
  readonly version?: string | undefined
}

/**
 * A frozen role trust document (`assumeRolePolicyDocument`): version `v1` and one `Allow`
 * statement on service `bce:iam`, region `*`, permission `AssumeRole`, granted to the given
 * account ids, then the given sub-user ids (an empty list stays empty, and {@link validateAcl}
 * rejects it). It has no
 * `resource`: the server fills in `role/<roleId>` when it stores the document.
 *
 * @example trustPolicy({ accountIds: '3f2a…' })
 * @example trustPolicy({ accountIds: [], userIds: aliceUserId }) // only that sub-user (emulator rule)
 */
export function trustPolicy(spec: TrustPolicySpec): Acl {
  const version = readField(spec, 'version')
  const accounts = copyList(readField(spec, 'accountIds'))
  const users = copyList(readField(spec, 'userIds'))
  // Lists are joined; anything else is passed through for validateAcl to reject.
  let ids = accounts
  if (users !== undefined && Array.isArray(accounts))
    ids = Array.isArray(users) ? [...(accounts as readonly unknown[]), ...(users as readonly unknown[])] : users
  return aclDocument({
    version: version === undefined ? 'v1' : (version as string),
    statements: [
      allow({ service: 'bce:iam', region: '*', permission: 'AssumeRole', grantee: (ids ?? []) as readonly string[] }),
    ],
  })
}
