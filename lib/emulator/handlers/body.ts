import type { ApiError } from '../wire'

/** Expected type of a body field. */
export type FieldKind = 'string' | 'boolean' | 'integer'

/** A body field declaration: type and whether it must be present. */
export interface BodyField {
  readonly kind: FieldKind
  readonly required?: boolean
  readonly maxLength?: number
}

const inappropriate = (message: string): ApiError => ({ status: 400, code: 'InappropriateJSON', message })

/**
 * Checks a JSON body against field declarations (unknown fields ignored, as BCE documents) and
 * returns the known fields, or `InappropriateJSON`.
 */
export function readBody(
  body: unknown,
  fields: Readonly<Record<string, BodyField>>,
): { readonly fields: Record<string, unknown> } | { readonly error: ApiError } {
  const record = body === undefined ? {} : body
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { error: inappropriate('the body must be a JSON object') }
  const out: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(fields)) {
    const value = (record as Record<string, unknown>)[name]
    if (value === undefined || value === null) {
      if (field.required === true) return { error: inappropriate(`${name} is required`) }
      continue
    }
    const typeOk =
      field.kind === 'integer' ? Number.isSafeInteger(value) : typeof value === field.kind
    if (!typeOk) return { error: inappropriate(`${name} must be a ${field.kind}`) }
    if (field.maxLength !== undefined && typeof value === 'string' && value.length > field.maxLength) {
      return { error: inappropriate(`${name} must be at most ${field.maxLength} characters`) }
    }
    out[name] = value
  }
  return { fields: out }
}
