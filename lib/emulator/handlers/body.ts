import { err, ok, type Result } from 'neverthrow'
import { apiError, type ApiError } from '../wire'

/** Expected type of a body field. */
export type FieldKind = 'string' | 'boolean' | 'integer'

/** A body field declaration: type, whether it must be present, and simple constraints. */
export interface BodyField {
  readonly kind: FieldKind
  readonly required?: boolean
  readonly minLength?: number
  readonly maxLength?: number
  /** The only values a string field may take. */
  readonly oneOf?: readonly string[]
}

const inappropriate = (message: string): Result<never, ApiError> => err(apiError(400, 'InappropriateJSON', message))

function fieldProblem(name: string, field: BodyField, value: unknown): string | undefined {
  const typeOk = field.kind === 'integer' ? Number.isSafeInteger(value) : typeof value === field.kind
  if (!typeOk) return `${name} must be a ${field.kind}`
  if (typeof value !== 'string') return undefined
  if (field.minLength !== undefined && value.length < field.minLength)
    return `${name} must be at least ${field.minLength} characters`
  if (field.maxLength !== undefined && value.length > field.maxLength)
    return `${name} must be at most ${field.maxLength} characters`
  if (field.oneOf !== undefined && !field.oneOf.includes(value)) {
    return `${name} must be one of ${field.oneOf.map((v) => JSON.stringify(v)).join(', ')}`
  }
  return undefined
}

/**
 * Checks a JSON body against field declarations (unknown fields ignored, as BCE documents; null
 * counts as absent) and returns the known fields, or `InappropriateJSON`. An empty body is `{}`.
 */
export function readBody(
  body: unknown,
  fields: Readonly<Record<string, BodyField>>,
): Result<Record<string, unknown>, ApiError> {
  const record = body === undefined ? {} : body
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return inappropriate('the body must be a JSON object')
  const out: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(fields)) {
    const value = (record as Record<string, unknown>)[name]
    if (value === undefined || value === null) {
      if (field.required === true) return inappropriate(`${name} is required`)
      continue
    }
    const problem = fieldProblem(name, field, value)
    if (problem !== undefined) return inappropriate(problem)
    out[name] = value
  }
  return ok(out)
}
