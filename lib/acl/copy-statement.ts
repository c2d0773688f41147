import { isRecord, readField } from './record'
import type { AclGrantee, AclStatement } from './types'

/** A frozen copy of a list given as one string or an array; anything else is returned unchanged. */
export function copyList(value: unknown): unknown {
  if (typeof value === 'string') return Object.freeze([value])
  if (!Array.isArray(value)) return value
  try {
    return Object.freeze(Array.from(value as readonly unknown[]))
  } catch {
    return value
  }
}

/** A frozen grantee: a string is an id, an object is copied to `{ id }`, anything else is kept. */
function copyGrantee(value: unknown): unknown {
  if (typeof value === 'string') return Object.freeze<AclGrantee>({ id: value })
  if (isRecord(value)) return Object.freeze({ id: readField(value, 'id') })
  return value
}

/** Frozen grantees from one id or grantee, or an array of ids and grantees. */
export function copyGrantees(value: unknown): unknown {
  const list = Array.isArray(value) ? copyList(value) : value === undefined ? undefined : [value]
  return Array.isArray(list) ? Object.freeze(list.map(copyGrantee)) : list
}

/**
 * A frozen statement with the known fields of `source` in canonical order, undefined fields
 * left out and lists copied; a non-object is returned unchanged. Values are not validated
 * (that is {@link validateAcl}'s job), so a malformed statement stays visibly malformed.
 */
export function copyStatement(source: unknown): AclStatement {
  if (!isRecord(source)) return source as AclStatement
  const copy: Record<string, unknown> = {}
  const put = (key: string, value: unknown): void => {
    if (value !== undefined) copy[key] = value
  }
  put('eid', readField(source, 'eid'))
  put('service', readField(source, 'service'))
  put('region', readField(source, 'region'))
  put('resource', copyList(readField(source, 'resource')))
  put('permission', copyList(readField(source, 'permission')))
  put('grantee', copyGrantees(readField(source, 'grantee')))
  put('effect', readField(source, 'effect'))
  return Object.freeze(copy) as unknown as AclStatement
}
