/**
 * An independent, deliberately plain reading of the ACL grammar that `parseAcl` documents, used
 * as an oracle by property tests: it says whether a value is a valid document, at which dotted
 * paths it is not, and what the typed result must be. It shares no code with `lib/acl`.
 */

const STATEMENT_KEYS = ['eid', 'service', 'region', 'resource', 'permission', 'grantee', 'effect']
const DOCUMENT_KEYS = ['id', 'version', 'accessControlList']

type Json = Record<string, unknown>

/** What the grammar makes of a value. */
export interface ReferenceCheck {
  /** Dotted paths of every problem, sorted. Empty when the value is a valid document. */
  readonly issuePaths: readonly string[]
  /** The typed document (known fields only, canonical order, `null` read as absent) when valid. */
  readonly acl?: unknown
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const own = (record: Json, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
const absent = (value: unknown): boolean => value === undefined || value === null
const nonEmptyText = (value: unknown): value is string => typeof value === 'string' && value !== ''
const at = (path: string, key: string | number): string => (path === '' ? String(key) : `${path}.${key}`)
const segment = (key: string): string => (key === '' || key.includes('.') ? JSON.stringify(key) : key)

/** Checks `value` against the ACL grammar (see `parseAcl`'s documentation). */
export function referenceCheck(
  value: unknown,
  options: { requireResource?: boolean; rejectUnknownFields?: boolean } = {},
): ReferenceCheck {
  const issues: string[] = []
  const unknown = (record: Json, known: string[], path: string): void => {
    if (options.rejectUnknownFields !== true) return
    for (const key of Object.keys(record)) if (!known.includes(key)) issues.push(at(path, segment(key)))
  }
  const list = (raw: unknown, path: string): string[] | undefined => {
    if (!Array.isArray(raw) || raw.length === 0) {
      issues.push(path)
      return undefined
    }
    let good = true
    raw.forEach((item, index) => {
      if (!nonEmptyText(item)) {
        issues.push(at(path, index))
        good = false
      }
    })
    return good ? (raw as string[]) : undefined
  }
  const statement = (raw: unknown, path: string): Json | undefined => {
    if (!isObject(raw)) {
      issues.push(path)
      return undefined
    }
    const result: Json = {}
    const eid = own(raw, 'eid')
    if (!absent(eid)) {
      if (typeof eid === 'string') result.eid = eid
      else issues.push(at(path, 'eid'))
    }
    for (const key of ['service', 'region']) {
      const text = own(raw, key)
      if (nonEmptyText(text)) result[key] = text
      else issues.push(at(path, key))
    }
    const resource = own(raw, 'resource')
    if (!(absent(resource) && options.requireResource !== true)) {
      const items = list(resource, at(path, 'resource'))
      if (items !== undefined) result.resource = [...items]
    }
    const permission = list(own(raw, 'permission'), at(path, 'permission'))
    if (permission !== undefined) result.permission = [...permission]
    const grantee = own(raw, 'grantee')
    if (!absent(grantee)) {
      const where = at(path, 'grantee')
      if (!Array.isArray(grantee) || grantee.length === 0) issues.push(where)
      else {
        result.grantee = grantee.map((entry: unknown, index) => {
          const entryPath = at(where, index)
          if (!isObject(entry)) {
            issues.push(entryPath)
            return undefined
          }
          unknown(entry, ['id'], entryPath)
          const id = own(entry, 'id')
          if (!nonEmptyText(id)) issues.push(at(entryPath, 'id'))
          return { id }
        })
      }
    }
    const effect = own(raw, 'effect')
    if (effect === 'Allow' || effect === 'Deny') result.effect = effect
    else issues.push(at(path, 'effect'))
    unknown(raw, STATEMENT_KEYS, path)
    const ordered: Json = {}
    for (const key of STATEMENT_KEYS) if (result[key] !== undefined) ordered[key] = result[key]
    return ordered
  }

  if (!isObject(value)) return { issuePaths: ['(root)'] }
  const document: Json = {}
  for (const key of ['id', 'version']) {
    const field = own(value, key)
    if (absent(field)) continue
    if (typeof field === 'string') document[key] = field
    else issues.push(key)
  }
  const statements = own(value, 'accessControlList')
  if (!Array.isArray(statements) || statements.length === 0) issues.push('accessControlList')
  else document.accessControlList = statements.map((raw, index) => statement(raw, `accessControlList.${index}`))
  unknown(value, DOCUMENT_KEYS, '')
  return issues.length > 0 ? { issuePaths: [...issues].sort() } : { issuePaths: [], acl: document }
}
