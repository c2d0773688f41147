import { err, ok, type Result } from 'neverthrow'
import { nameProblem } from '../../operation/validate-name'
import type { ApiError } from '../wire'

/** Longest group and custom-policy name (BCE system restrictions). */
export const MAX_GROUP_OR_POLICY_NAME = 64

/** Validates a name from a request body the way the SDK does: the name, or `InappropriateJSON`. */
export function checkName(field: string, name: string, maxLength?: number): Result<string, ApiError> {
  const problem = nameProblem(name, maxLength)
  return problem === undefined ? ok(name) : err(inappropriateJson(`${field} ${problem}`))
}

/** The 404 for a missing entity. */
export function notFound(kind: string, name: string): ApiError {
  return { status: 404, code: 'NotFound', message: `${kind} ${JSON.stringify(name)} does not exist` }
}

/** The 409 for a name already taken. */
export function alreadyExists(kind: string, name: string): ApiError {
  return { status: 409, code: 'EntityAlreadyExists', message: `${kind} ${JSON.stringify(name)} already exists` }
}

/** The 409 for an account or entity limit. */
export function limitExceeded(what: string, limit: number): ApiError {
  return { status: 409, code: 'LimitExceeded', message: `${what} is limited to ${limit}` }
}

/** The 409 for deleting an entity that something still refers to (nothing is cascaded). */
export function deleteConflict(kind: string, name: string, reasons: readonly string[]): ApiError {
  return {
    status: 409,
    code: 'DeleteConflict',
    message: `${kind} ${JSON.stringify(name)} cannot be deleted: it still has ${reasons.join(', ')}`,
  }
}

/** The 400 for a query or path parameter with a value the operation does not accept. */
export function invalidParameter(message: string): ApiError {
  return { status: 400, code: 'InvalidParameter', message }
}

/** The 400 for a body (or body-like parameter) that is well-formed JSON but semantically wrong. */
export function inappropriateJson(message: string): ApiError {
  return { status: 400, code: 'InappropriateJSON', message }
}
