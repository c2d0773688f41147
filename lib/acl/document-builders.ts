import { copyList, copyStatement } from './copy-statement'
import { readField } from './record'
import type { Acl, AclStatement } from './types'

/** What {@link aclDocument} builds a document from. */
export interface AclDocumentSpec {
  /** Optional document id (the server replaces it with `policy_<policyId>` or `sts role acl`). */
  readonly id?: string | undefined
  /** Optional grammar version, e.g. `v1`. */
  readonly version?: string | undefined
  /** The statements, at least one (an empty list is reported by {@link validateAcl}). */
  readonly statements: readonly AclStatement[]
}

/**
 * A frozen ACL document `{ id?, version?, accessControlList }`. Statements are copied (known
 * fields only, canonical order) and frozen. Total: nothing is validated or thrown on.
 */
export function aclDocument(spec: AclDocumentSpec): Acl {
  const document: Record<string, unknown> = {}
  const id = readField(spec, 'id')
  const version = readField(spec, 'version')
  const statements = copyList(readField(spec, 'statements'))
  if (id !== undefined) document.id = id
  if (version !== undefined) document.version = version
  document.accessControlList = Array.isArray(statements) ? Object.freeze(statements.map(copyStatement)) : statements
  return Object.freeze(document) as unknown as Acl
}

/**
 * A frozen ACL document holding `statements`, without id or version — the usual shape of a
 * custom policy or an STS ACL.
 *
 * @example acl(allow({ service: 'bcc', region: 'bj', resource: '*', permission: 'READ' }))
 */
export function acl(...statements: readonly AclStatement[]): Acl {
  return aclDocument({ statements })
}
