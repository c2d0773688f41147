import { err, ok, type Result } from 'neverthrow'
import { isRecord } from '../decode/is-record'
import { MAX_DOCUMENT_CHARS, MAX_JSON_DEPTH, parseJson, valueTooDeep } from './json-limits'
import { apiError, type ApiError } from './wire'

/** A checked ACL document: a JSON object with a valid, non-empty `accessControlList`. */
export type AclObject = Readonly<Record<string, unknown>> & {
  readonly accessControlList: ReadonlyArray<Readonly<Record<string, unknown>>>
}

/** Where an ACL is used: policies and STS ACLs need `resource`; role trust documents get it filled in. */
export type AclUse = 'policy' | 'trust' | 'session'

const inappropriate = (message: string): Result<never, ApiError> => err(apiError(400, 'InappropriateJSON', message))

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')
const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0

function entryProblem(entry: unknown, use: AclUse): string | undefined {
  if (!isRecord(entry)) return 'must be an object'
  if (!nonEmptyString(entry.service)) return 'needs a non-empty string service'
  if (!nonEmptyString(entry.region)) return 'needs a non-empty string region'
  if (!isStringArray(entry.permission) || entry.permission.length === 0 || !entry.permission.every(nonEmptyString)) {
    return 'needs a non-empty permission array of non-empty strings'
  }
  if (entry.effect !== 'Allow' && entry.effect !== 'Deny') return 'needs effect "Allow" or "Deny"'
  if (entry.resource === undefined ? use !== 'trust' : !isStringArray(entry.resource))
    return 'needs a resource array of strings'
  if (
    entry.grantee !== undefined &&
    !(Array.isArray(entry.grantee) && entry.grantee.every((g) => isRecord(g) && typeof g.id === 'string'))
  ) {
    return 'has a grantee that is not an array of {id: string}'
  }
  if (entry.eid !== undefined && typeof entry.eid !== 'string') return 'has an eid that is not a string'
  if (entry.notResource !== undefined && !isStringArray(entry.notResource))
    return 'has a notResource that is not an array of strings'
  if (entry.condition !== undefined && !isRecord(entry.condition)) return 'has a condition that is not an object'
  return undefined
}

/** The fields an ACL document keeps; anything else is dropped when it is stored. */
const DOCUMENT_FIELDS = ['id', 'version', 'accessControlList'] as const
/**
 * The fields a statement keeps: BCE's grammar, plus `notResource` and `condition`, which BCE's
 * BOS ACL model documents (kept, so a conditional Allow is never widened by dropping its condition).
 */
const STATEMENT_FIELDS = [
  'eid',
  'service',
  'region',
  'resource',
  'notResource',
  'permission',
  'grantee',
  'effect',
  'condition',
] as const

function pick(record: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key]
  return out
}

/** A checked document with only the known fields (grantees keep only `id`). */
function knownFields(value: Readonly<Record<string, unknown>>): AclObject {
  const list = (value.accessControlList as ReadonlyArray<Readonly<Record<string, unknown>>>).map((entry) => {
    const kept = pick(entry, STATEMENT_FIELDS)
    if (Array.isArray(entry.grantee))
      kept.grantee = (entry.grantee as ReadonlyArray<Readonly<Record<string, unknown>>>).map((g) => ({ id: g.id }))
    return kept
  })
  return { ...pick(value, DOCUMENT_FIELDS), accessControlList: list }
}

/**
 * Reads an ACL-valued request field (named `readAclField`, apart from the SDK's own `checkAcl`,
 * which checks a caller's document before sending it): checks a parsed ACL (BCE ACL grammar: `{id?, version?, accessControlList: [{service, region,
 * resource, permission, effect, grantee?, eid?}]}`) and returns it with only the known fields
 * (see `STATEMENT_FIELDS`; anything else is dropped, as BCE ignores what it does not know). A
 * document nested deeper than {@link MAX_JSON_DEPTH} levels or longer than
 * {@link MAX_DOCUMENT_CHARS} characters of compact JSON, or of the wrong shape, is 400
 * `InappropriateJSON` naming `field`.
 */
export function readAclField(value: unknown, field: string, use: AclUse): Result<AclObject, ApiError> {
  if (valueTooDeep(value)) return inappropriate(`${field} nests deeper than ${MAX_JSON_DEPTH} levels`)
  if (!isRecord(value)) return inappropriate(`${field} must be a JSON object`)
  if (JSON.stringify(value).length > MAX_DOCUMENT_CHARS)
    return inappropriate(`${field} is longer than ${MAX_DOCUMENT_CHARS} characters`)
  if (value.id !== undefined && typeof value.id !== 'string') return inappropriate(`${field}.id must be a string`)
  if (value.version !== undefined && typeof value.version !== 'string')
    return inappropriate(`${field}.version must be a string`)
  const list = value.accessControlList
  if (!Array.isArray(list) || list.length === 0)
    return inappropriate(`${field}.accessControlList must be a non-empty array`)
  for (let i = 0; i < list.length; i += 1) {
    const problem = entryProblem(list[i], use)
    if (problem !== undefined) return inappropriate(`${field}.accessControlList[${i}] ${problem}`)
  }
  return ok(knownFields(value))
}

/**
 * Parses and checks an ACL sent as a JSON string (policy `document`, role
 * `assumeRolePolicyDocument`): text that is not JSON is 400 `MalformedJSON`; text nested too
 * deep (checked before parsing) or JSON of the wrong shape 400 `InappropriateJSON` (see
 * {@link readAclField}).
 */
export function parseAclText(text: string, field: string, use: AclUse): Result<AclObject, ApiError> {
  return parseJson(text, field)
    .mapErr(({ problem, message }) =>
      apiError(400, problem === 'syntax' ? 'MalformedJSON' : 'InappropriateJSON', message),
    )
    .andThen((value) => readAclField(value, field, use))
}

function withoutKeys(record: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) if (!keys.includes(key)) out[key] = value
  return out
}

/** A policy document as BCE stores it: `"id":"policy_<policyId>"` first, the rest as sent. */
export function normalisePolicyDocument(acl: AclObject, policyId: string): string {
  return JSON.stringify({ id: `policy_${policyId}`, ...withoutKeys(acl, ['id']) })
}

/**
 * A trust document as BCE stores it: `"id":"sts role acl"` first, and every entry with
 * `"eid":"role acl entry"` and `"resource":["role/<roleId>"]`.
 */
export function normaliseTrustDocument(acl: AclObject, roleId: string): string {
  const entries = acl.accessControlList.map((entry) => ({
    eid: 'role acl entry',
    ...withoutKeys(entry, ['eid', 'resource']),
    resource: [`role/${roleId}`],
  }))
  return JSON.stringify({
    id: 'sts role acl',
    ...withoutKeys(acl, ['id', 'accessControlList']),
    accessControlList: entries,
  })
}
