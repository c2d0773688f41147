import { nameProblem } from '../../core/validate-name'
import type { ApiError } from '../wire'

/** Validates a name from a request body the way the SDK does; `InappropriateJSON` otherwise. */
export function checkName(field: string, name: string, maxLength?: number): ApiError | undefined {
  const problem = nameProblem(name, maxLength)
  return problem === undefined ? undefined : { status: 400, code: 'InappropriateJSON', message: `${field} ${problem}` }
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
