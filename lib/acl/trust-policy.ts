import { copyList } from './copy-statement'
import { aclDocument } from './document-builders'
import { readField } from './record'
import { allow } from './statement-builders'
import type { Acl } from './types'

/** What {@link trustPolicy} builds a role trust document from. */
export interface TrustPolicySpec {
  /** The account id(s) allowed to assume the role; `'*'` trusts every account. */
  readonly accountIds: string | readonly string[]
  /** Grammar version; defaults to `v1`. */
  readonly version?: string
}

/**
 * A frozen role trust document (`assumeRolePolicyDocument`): version `v1` and one `Allow`
 * statement on service `bce:iam`, region `*`, permission `AssumeRole`, granted to the given
 * account ids (an empty list stays empty, and {@link validateAcl} rejects it). It has no
 * `resource`: the server fills in `role/<roleId>` when it stores the document.
 *
 * @example trustPolicy({ accountIds: '3f2a…' })
 */
export function trustPolicy(spec: TrustPolicySpec): Acl {
  const version = readField(spec, 'version')
  const ids = copyList(readField(spec, 'accountIds'))
  return aclDocument({
    version: version === undefined ? 'v1' : (version as string),
    statements: [
      allow({ service: 'bce:iam', region: '*', permission: 'AssumeRole', grantee: (ids ?? []) as readonly string[] }),
    ],
  })
}
