import { describeValue } from '../decode/describe-value'
import { err, ok, type Result } from 'neverthrow'
import type { Issue, PathKey } from '../errors/issue'
import { DOCUMENT_FIELDS, STATEMENT_FIELDS } from './field-order'
import { isRecord, ownField, readField, type UnknownRecord } from './record'
import type { Acl, AclEffect, AclGrantee, AclStatement } from './types'

/** Options of {@link parseAcl} and {@link validateAcl}. */
export interface AclCheckOptions {
  /**
   * Report statements without `resource` (default false). Set it for user, group and STS
   * policies, which BCE rejects without one; leave it unset for trust documents, whose resource
   * the server fills in.
   */
  readonly requireResource?: boolean | undefined
  /**
   * Report fields outside the typed grammar, e.g. `condition` or `notResource` (default false:
   * they are accepted and left out of the result, as BCE ignores items it does not know).
   */
  readonly rejectUnknownFields?: boolean | undefined
}

/** The outcome of checking an untrusted value against the ACL grammar: the document, or every issue (structured paths). */
export type AclCheck = Result<Acl, readonly Issue[]>

/** A path inside the document being checked. */
type Path = readonly PathKey[]

const EXPECTED = {
  document: 'object with an accessControlList',
  statements: 'non-empty array of statements',
  statement: 'statement object',
  text: 'non-empty string',
  optionalText: 'string',
  textList: 'non-empty array of non-empty strings',
  effect: '"Allow" or "Deny"',
  grantees: 'non-empty array of grantees',
  grantee: 'grantee object with an id',
} as const

const GRANTEE_FIELDS = ['id'] as const

interface Checker {
  readonly issues: Issue[]
  readonly requireResource: boolean
  readonly rejectUnknownFields: boolean
}

function report(checker: Checker, path: Path, expected: string, value: unknown): void {
  checker.issues.push({ path, expected, actual: describeValue(value) })
}

function join(path: Path, key: PathKey): Path {
  return [...path, key]
}

/** `null` is read as absent in optional fields: services often serialise unset fields as null. */
function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null
}

function optionalString(checker: Checker, record: UnknownRecord, key: string, path: Path): string | undefined {
  const value = ownField(record, key)
  if (isAbsent(value)) return undefined
  if (typeof value === 'string') return value
  report(checker, join(path, key), EXPECTED.optionalText, value)
  return undefined
}

function requiredText(checker: Checker, record: UnknownRecord, key: string, path: Path): string | undefined {
  const value = ownField(record, key)
  if (typeof value === 'string' && value.length > 0) return value
  report(checker, join(path, key), EXPECTED.text, value)
  return undefined
}

function textList(checker: Checker, value: unknown, path: Path): readonly string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    report(checker, path, EXPECTED.textList, value)
    return undefined
  }
  const items: string[] = []
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index]
    if (typeof item === 'string' && item.length > 0) items.push(item)
    else report(checker, join(path, index), EXPECTED.text, item)
  }
  return items.length === value.length ? Object.freeze(items) : undefined
}

/** A field name as a path segment; an empty name or one with a dot is JSON-quoted to stay unambiguous. */
function fieldSegment(key: string): string {
  return key === '' || key.includes('.') ? JSON.stringify(key) : key
}

function unknownFields(checker: Checker, record: UnknownRecord, known: readonly string[], path: Path): void {
  if (!checker.rejectUnknownFields) return
  for (const key of Object.keys(record)) {
    if (!known.includes(key))
      report(checker, join(path, fieldSegment(key)), `only the fields ${known.join(', ')}`, record[key])
  }
}

function grantee(checker: Checker, value: unknown, path: Path): AclGrantee | undefined {
  if (!isRecord(value)) {
    report(checker, path, EXPECTED.grantee, value)
    return undefined
  }
  unknownFields(checker, value, GRANTEE_FIELDS, path)
  const id = requiredText(checker, value, 'id', path)
  return id === undefined ? undefined : Object.freeze({ id })
}

function grantees(checker: Checker, value: unknown, path: Path): readonly AclGrantee[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    report(checker, path, EXPECTED.grantees, value)
    return undefined
  }
  const items: AclGrantee[] = []
  for (let index = 0; index < value.length; index += 1) {
    const item = grantee(checker, value[index], join(path, index))
    if (item !== undefined) items.push(item)
  }
  return items.length === value.length ? Object.freeze(items) : undefined
}

function effect(checker: Checker, record: UnknownRecord, path: Path): AclEffect | undefined {
  const value = ownField(record, 'effect')
  if (value === 'Allow' || value === 'Deny') return value
  report(checker, join(path, 'effect'), EXPECTED.effect, value)
  return undefined
}

function statement(checker: Checker, value: unknown, path: Path): AclStatement | undefined {
  if (!isRecord(value)) {
    report(checker, path, EXPECTED.statement, value)
    return undefined
  }
  const before = checker.issues.length
  const rawResource = ownField(value, 'resource')
  const rawGrantee = ownField(value, 'grantee')
  const fields = {
    eid: optionalString(checker, value, 'eid', path),
    service: requiredText(checker, value, 'service', path),
    region: requiredText(checker, value, 'region', path),
    resource:
      isAbsent(rawResource) && !checker.requireResource
        ? undefined
        : textList(checker, rawResource, join(path, 'resource')),
    permission: textList(checker, ownField(value, 'permission'), join(path, 'permission')),
    grantee: isAbsent(rawGrantee) ? undefined : grantees(checker, rawGrantee, join(path, 'grantee')),
    effect: effect(checker, value, path),
  }
  unknownFields(checker, value, STATEMENT_FIELDS, path)
  if (checker.issues.length > before) return undefined
  const result: Record<string, unknown> = {}
  for (const key of STATEMENT_FIELDS) if (fields[key] !== undefined) result[key] = fields[key]
  return Object.freeze(result) as unknown as AclStatement
}

function document(checker: Checker, value: unknown): Acl | undefined {
  if (!isRecord(value)) {
    report(checker, [], EXPECTED.document, value)
    return undefined
  }
  const id = optionalString(checker, value, 'id', [])
  const version = optionalString(checker, value, 'version', [])
  const list = ownField(value, 'accessControlList')
  const statements: AclStatement[] = []
  if (!Array.isArray(list) || list.length === 0) report(checker, ['accessControlList'], EXPECTED.statements, list)
  else {
    for (let index = 0; index < list.length; index += 1) {
      const item = statement(checker, list[index], ['accessControlList', index])
      if (item !== undefined) statements.push(item)
    }
  }
  unknownFields(checker, value, DOCUMENT_FIELDS, [])
  if (checker.issues.length > 0) return undefined
  return Object.freeze({
    ...(id === undefined ? {} : { id }),
    ...(version === undefined ? {} : { version }),
    accessControlList: Object.freeze(statements),
  })
}

/**
 * Checks an untrusted value (already JSON-parsed) against the ACL grammar and collects every
 * problem with its structured path (rendered to the dotted public form when an error is built). On success the result is a frozen copy holding only the typed
 * fields, in canonical order. Never throws: a value whose fields cannot even be read (a throwing
 * getter, a revoked proxy) is one issue at `(root)`.
 */
export function checkAcl(value: unknown, options?: AclCheckOptions): AclCheck {
  const checker: Checker = {
    issues: [],
    requireResource: readField(options, 'requireResource') === true,
    rejectUnknownFields: readField(options, 'rejectUnknownFields') === true,
  }
  try {
    const acl = document(checker, value)
    return acl === undefined ? err(checker.issues) : ok(acl)
  } catch {
    return err([{ path: [], expected: 'readable ACL document', actual: 'unreadable value' }])
  }
}
