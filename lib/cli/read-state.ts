import { err, ok, type Result } from 'neverthrow'
import { parse } from 'yaml'
import { parseAcl } from '..'
import type { ErrorIssue } from '../errors/types'
import type { SimulationState } from '../iac/simulate-types'

/** A document that does not read: every problem with its dotted path. */
export interface DocumentProblem {
  readonly _tag: 'IacError'
  readonly reason: 'InvalidDocument'
  readonly message: string
  readonly issues: readonly ErrorIssue[]
}

type Record_ = Readonly<Record<string, unknown>>

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value
}

const SECTIONS: Readonly<Record<string, readonly string[]>> = {
  users: ['description', 'enabled', 'groups', 'policies'],
  groups: ['description', 'policies'],
  policies: ['description', 'document'],
  roles: ['description', 'trust', 'policies'],
}

function checkRef(value: unknown, path: string, issues: ErrorIssue[]): void {
  if (typeof value === 'string' && value !== '') return
  if (isRecord(value) && typeof value.name === 'string' && (value.type === 'Custom' || value.type === 'System')) return
  issues.push({ path, expected: 'a policy name, or { name, type: Custom | System }', actual: kindOf(value) })
}

function checkAclAt(value: unknown, path: string, requireResource: boolean, issues: ErrorIssue[]): void {
  const checked = parseAcl(value, { requireResource })
  if (checked.isErr())
    for (const issue of checked.error.issues ?? [])
      issues.push({ ...issue, path: issue.path === '(root)' ? path : `${path}.${issue.path}` })
}

function checkEntity(section: string, name: string, entity: unknown, issues: ErrorIssue[]): void {
  const at = `${section}.${name}`
  if (!isRecord(entity)) {
    issues.push({ path: at, expected: 'an object', actual: kindOf(entity) })
    return
  }
  const fields = SECTIONS[section] ?? []
  for (const key of Object.keys(entity))
    if (!fields.includes(key)) issues.push({ path: `${at}.${key}`, expected: `one of ${fields.join(', ')}` })
  const { description, enabled, groups, policies, document, trust } = entity
  if (description !== undefined && typeof description !== 'string')
    issues.push({ path: `${at}.description`, expected: 'a string', actual: kindOf(description) })
  if (enabled !== undefined && typeof enabled !== 'boolean')
    issues.push({ path: `${at}.enabled`, expected: 'true or false', actual: kindOf(enabled) })
  for (const [key, value] of [
    ['groups', groups],
    ['policies', section === 'policies' ? undefined : policies],
  ] as const) {
    if (value === undefined) continue
    if (!Array.isArray(value)) {
      issues.push({ path: `${at}.${key}`, expected: 'a list', actual: kindOf(value) })
      continue
    }
    ;(value as readonly unknown[]).forEach((item, index) => {
      if (key === 'policies') checkRef(item, `${at}.${key}.${index}`, issues)
      else if (typeof item !== 'string' || item === '')
        issues.push({ path: `${at}.${key}.${index}`, expected: 'a group name', actual: kindOf(item) })
    })
  }
  if (section === 'policies') checkAclAt(document, `${at}.document`, true, issues)
  if (section === 'roles') checkAclAt(trust, `${at}.trust`, false, issues)
}

/**
 * Reads a desired-state document (JSON or YAML) far enough to simulate and validate it: the
 * four sections, their fields, policy references and ACL documents (with the ACL toolkit),
 * every problem with its path.
 */
export function readStateDocument(text: string, format: 'json' | 'yaml'): Result<SimulationState, DocumentProblem> {
  let value: unknown
  try {
    value = format === 'json' ? JSON.parse(text) : parse(text)
  } catch {
    return err(problem([{ path: '(root)', expected: `${format === 'json' ? 'JSON' : 'YAML'} text` }]))
  }
  const issues: ErrorIssue[] = []
  if (value === null || value === undefined) value = {}
  if (!isRecord(value)) return err(problem([{ path: '(root)', expected: 'an object', actual: kindOf(value) }]))
  for (const [section, entities] of Object.entries(value)) {
    if (!(section in SECTIONS)) {
      issues.push({ path: section, expected: 'one of users, groups, policies, roles' })
      continue
    }
    if (entities === null || entities === undefined) continue
    if (!isRecord(entities)) {
      issues.push({ path: section, expected: 'a map of names', actual: kindOf(entities) })
      continue
    }
    for (const [name, entity] of Object.entries(entities)) checkEntity(section, name, entity, issues)
  }
  return issues.length > 0 ? err(problem(issues)) : ok(value as SimulationState)
}

function problem(issues: readonly ErrorIssue[]): DocumentProblem {
  const first = issues[0]
  return Object.freeze({
    _tag: 'IacError',
    reason: 'InvalidDocument',
    message: `invalid document${first === undefined ? '' : `; ${first.path}: expected ${first.expected}`}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
    issues: Object.freeze([...issues]),
  } as const)
}
