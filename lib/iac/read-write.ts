import type { Acl } from 'bce-iam'
import { err, type Result } from 'neverthrow'
import { parse, stringify } from 'yaml'
import { serializeAcl } from '../acl'
import { iacError, type DesiredState, type IacError, type PolicyRef } from './document'
import { validateDesiredState } from './validate'

/** The text formats of a desired-state document. */
export type DocumentFormat = 'json' | 'yaml'

function parseText(text: string, format: DocumentFormat): { readonly value: unknown } | undefined {
  try {
    return { value: format === 'json' ? (JSON.parse(text) as unknown) : (parse(text) as unknown) }
  } catch {
    return undefined
  }
}

/**
 * Reads a desired-state document from JSON or YAML text and validates it
 * ({@link validateDesiredState}). Unparsable text is one `UnreadableText` issue at `(root)`.
 * Never throws.
 */
export function readDesiredState(text: string, format: DocumentFormat): Result<DesiredState, IacError> {
  const parsed = parseText(text, format)
  if (parsed === undefined)
    return err(
      iacError('UnreadableText', [{ path: '(root)', expected: `${format === 'json' ? 'JSON' : 'YAML'} text` }]),
    )
  return validateDesiredState(parsed.value)
}

function canonicalAcl(acl: Acl): unknown {
  return JSON.parse(serializeAcl(acl)) as unknown
}

function sortedRefs(list: readonly PolicyRef[] | undefined): readonly PolicyRef[] | undefined {
  if (list === undefined) return undefined
  const key = (ref: PolicyRef): string => (typeof ref === 'string' ? `C:${ref}` : `${ref.type[0] ?? ''}:${ref.name}`)
  return [...list].sort((a, b) => key(a).localeCompare(key(b)))
}

function byName<T>(section: Readonly<Record<string, T>> | undefined, map: (value: T) => unknown): unknown {
  if (section === undefined) return undefined
  const out: Record<string, unknown> = {}
  for (const name of Object.keys(section).sort()) out[name] = map(section[name] as T)
  return out
}

function defined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined))
}

/** The canonical plain form of a state: sections, names, fields and lists in a fixed order. */
export function canonicalState(state: DesiredState): Record<string, unknown> {
  return defined({
    users: byName(state.users, (u) =>
      defined({
        description: u.description,
        enabled: u.enabled,
        groups: u.groups === undefined ? undefined : [...u.groups].sort(),
        policies: sortedRefs(u.policies),
      }),
    ),
    groups: byName(state.groups, (g) => defined({ description: g.description, policies: sortedRefs(g.policies) })),
    policies: byName(state.policies, (p) =>
      defined({ description: p.description, document: canonicalAcl(p.document) }),
    ),
    roles: byName(state.roles, (r) =>
      defined({ description: r.description, trust: canonicalAcl(r.trust), policies: sortedRefs(r.policies) }),
    ),
  })
}

/**
 * Writes a state as JSON or YAML text in canonical order (sections, names sorted, ACL documents
 * in the toolkit's canonical form), so `readDesiredState(writeDesiredState(s, f), f)` gives `s` back.
 */
export function writeDesiredState(state: DesiredState, format: DocumentFormat): string {
  const plain = canonicalState(state)
  return format === 'json' ? `${JSON.stringify(plain, null, 2)}\n` : stringify(plain)
}
