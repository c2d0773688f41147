import { DOCUMENT_FIELDS, STATEMENT_FIELDS } from './field-order'
import { isRecord, readField } from './record'
import type { Acl } from './types'

/** What {@link serializeAcl} writes when the value cannot be written at all (rejected by every reader). */
const UNWRITABLE = '{}'

function canonicalGrantee(grantee: unknown): unknown {
  return isRecord(grantee) ? { id: readField(grantee, 'id') } : grantee
}

function canonicalStatement(statement: unknown): unknown {
  if (!isRecord(statement)) return statement
  const canonical: Record<string, unknown> = {}
  for (const key of STATEMENT_FIELDS) {
    const value = readField(statement, key)
    canonical[key] = key === 'grantee' && Array.isArray(value) ? value.map(canonicalGrantee) : value
  }
  return canonical
}

function canonicalDocument(acl: unknown): Record<string, unknown> {
  const canonical: Record<string, unknown> = {}
  if (!isRecord(acl)) return canonical
  for (const key of DOCUMENT_FIELDS) {
    const value = readField(acl, key)
    canonical[key] = key === 'accessControlList' && Array.isArray(value) ? value.map(canonicalStatement) : value
  }
  return canonical
}

/**
 * Canonical, compact JSON of an ACL document — what the SDK sends as a policy `document`, a
 * role's `assumeRolePolicyDocument` or an STS ACL body. Deterministic: document fields in the
 * order `id`, `version`, `accessControlList`; statement fields in the order `eid`, `service`,
 * `region`, `resource`, `permission`, `grantee`, `effect`; grantees as `{ id }`; list order
 * kept; undefined fields omitted; fields outside the typed grammar dropped.
 *
 * For every valid document `d`, `parseAcl(serializeAcl(d))` is `Ok(d)`, and serialising a parsed
 * document again yields the same text. It does not validate: values are written as given, so a
 * malformed document stays malformed (check with {@link validateAcl} first). Never throws; a
 * value that JSON cannot represent at all (a cycle, a BigInt, a throwing getter — impossible for a
 * well-typed `Acl`) is written as `{}`, which every reader rejects.
 */
export function serializeAcl(acl: Acl): string {
  try {
    return JSON.stringify(canonicalDocument(acl))
  } catch {
    return UNWRITABLE
  }
}
