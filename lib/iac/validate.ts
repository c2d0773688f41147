import type { Acl, ErrorIssue } from 'bce-iam'
import { err, ok, type Result } from 'neverthrow'
import { parseAcl } from '../acl'
import {
  iacError,
  type DesiredGroup,
  type DesiredPolicy,
  type DesiredRole,
  type DesiredState,
  type DesiredUser,
  type IacError,
  type PolicyRef,
} from './document'

type Rec = Readonly<Record<string, unknown>>

const FIELDS = {
  users: ['description', 'enabled', 'groups', 'policies'],
  groups: ['description', 'policies'],
  policies: ['description', 'document'],
  roles: ['description', 'trust', 'policies'],
} as const

type Section = keyof typeof FIELDS

function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function shape(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

class Checker {
  readonly issues: ErrorIssue[] = []
  add(path: string, expected: string, value?: unknown): void {
    this.issues.push(arguments.length > 2 ? { path, expected, actual: shape(value) } : { path, expected })
  }
}

function description(c: Checker, entity: Rec, at: string): string | undefined {
  const value = entity.description
  if (value === undefined || typeof value === 'string') return value
  c.add(`${at}.description`, 'string', value)
  return undefined
}

function names(c: Checker, value: unknown, at: string): readonly string[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value)) {
    c.add(at, 'list of names', value)
    return undefined
  }
  const items: unknown[] = value
  items.forEach((item, index) => {
    if (typeof item !== 'string' || item === '') c.add(`${at}.${index}`, 'non-empty name', item)
  })
  return Object.freeze(items.filter((item): item is string => typeof item === 'string'))
}

function refs(c: Checker, value: unknown, at: string): readonly PolicyRef[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value)) {
    c.add(at, 'list of policy references', value)
    return undefined
  }
  const items: unknown[] = value
  const out: PolicyRef[] = []
  items.forEach((item, index) => {
    if (typeof item === 'string' && item !== '') out.push(item)
    else if (
      isRecord(item) &&
      typeof item.name === 'string' &&
      item.name !== '' &&
      (item.type === 'Custom' || item.type === 'System')
    )
      out.push(Object.freeze({ name: item.name, type: item.type }))
    else c.add(`${at}.${index}`, 'policy name, or { name, type: Custom | System }', item)
  })
  return Object.freeze(out)
}

function document(c: Checker, value: unknown, at: string, requireResource: boolean): Acl | undefined {
  const checked = parseAcl(value, { requireResource })
  if (checked.isOk()) return checked.value
  for (const issue of checked.error.issues ?? [])
    c.issues.push({ ...issue, path: issue.path === '(root)' ? at : `${at}.${issue.path}` })
  return undefined
}

function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field
  return Object.freeze(out) as T
}

function entity(c: Checker, section: Section, entityValue: Rec, at: string): object {
  const allowed: readonly string[] = FIELDS[section]
  for (const key of Object.keys(entityValue))
    if (!allowed.includes(key)) c.add(`${at}.${key}`, `one of ${allowed.join(', ')}`)
  const desc = description(c, entityValue, at)
  switch (section) {
    case 'users': {
      const enabled = entityValue.enabled
      if (enabled !== undefined && typeof enabled !== 'boolean') c.add(`${at}.enabled`, 'true or false', enabled)
      return compact<DesiredUser>({
        description: desc,
        enabled: typeof enabled === 'boolean' ? enabled : undefined,
        groups: names(c, entityValue.groups, `${at}.groups`),
        policies: refs(c, entityValue.policies, `${at}.policies`),
      })
    }
    case 'groups':
      return compact<DesiredGroup>({ description: desc, policies: refs(c, entityValue.policies, `${at}.policies`) })
    case 'policies':
      return compact<DesiredPolicy>({
        description: desc,
        document: document(c, entityValue.document, `${at}.document`, true) as Acl,
      })
    case 'roles':
      return compact<DesiredRole>({
        description: desc,
        trust: document(c, entityValue.trust, `${at}.trust`, false) as Acl,
        policies: refs(c, entityValue.policies, `${at}.policies`),
      })
  }
}

function crossReferences(c: Checker, state: DesiredState): void {
  const custom = (ref: PolicyRef): boolean => typeof ref === 'string' || ref.type === 'Custom'
  const check = (list: readonly PolicyRef[] | undefined, at: string): void =>
    list?.forEach((ref, index) => {
      const name = typeof ref === 'string' ? ref : ref.name
      if (custom(ref) && state.policies?.[name] === undefined)
        c.add(`${at}.${index}`, 'a custom policy declared under policies (or type: System)')
    })
  for (const [name, user] of Object.entries(state.users ?? {})) {
    user.groups?.forEach((group, index) => {
      if (state.groups?.[group] === undefined) c.add(`users.${name}.groups.${index}`, 'a group declared under groups')
    })
    check(user.policies, `users.${name}.policies`)
  }
  for (const [name, group] of Object.entries(state.groups ?? {})) check(group.policies, `groups.${name}.policies`)
  for (const [name, role] of Object.entries(state.roles ?? {})) check(role.policies, `roles.${name}.policies`)
}

/**
 * Checks an untrusted value (parsed JSON or YAML) against the desired-state grammar: the four
 * sections, their fields, policy references, policy documents (resources required) and trust
 * documents (resources optional) with the ACL toolkit, and that every group and custom policy
 * referenced is declared. Returns a frozen {@link DesiredState} or an {@link IacError}
 * (`InvalidDocument`) listing every problem with its dotted path (`users.alice.groups.0`). Never throws.
 */
export function validateDesiredState(value: unknown): Result<DesiredState, IacError> {
  const c = new Checker()
  const root = value === null || value === undefined ? {} : value
  if (!isRecord(root))
    return err(iacError('InvalidDocument', [{ path: '(root)', expected: 'object', actual: shape(root) }]))
  const out: Record<string, Record<string, object>> = {}
  for (const [section, entities] of Object.entries(root)) {
    if (!(section in FIELDS)) {
      c.add(section, 'one of users, groups, policies, roles')
      continue
    }
    if (entities === null || entities === undefined) continue
    if (!isRecord(entities)) {
      c.add(section, 'map of names to entities', entities)
      continue
    }
    const built: Record<string, object> = {}
    for (const [name, item] of Object.entries(entities)) {
      const at = `${section}.${name}`
      if (isRecord(item)) built[name] = entity(c, section as Section, item, at)
      else if (item === null && section !== 'policies' && section !== 'roles') built[name] = Object.freeze({})
      else c.add(at, 'object', item)
    }
    out[section] = Object.freeze(built)
  }
  const state = Object.freeze(out) as DesiredState
  if (c.issues.length === 0) crossReferences(c, state)
  return c.issues.length > 0 ? err(iacError('InvalidDocument', c.issues)) : ok(state)
}
