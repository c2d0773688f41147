/**
 * The canonical field order of an ACL document, used by the builders, {@link parseAcl} and
 * {@link serializeAcl}: `id`, `version`, `accessControlList`.
 */
export const DOCUMENT_FIELDS = ['id', 'version', 'accessControlList'] as const

/**
 * The canonical field order of a statement: `eid`, `service`, `region`, `resource`,
 * `permission`, `grantee`, `effect` (identity first, then scope, then who, then the verdict).
 */
export const STATEMENT_FIELDS = ['eid', 'service', 'region', 'resource', 'permission', 'grantee', 'effect'] as const
