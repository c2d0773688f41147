import type { Result } from 'neverthrow'
import { renderIssue } from '../errors/issue'
import { makeClientError } from '../errors/make'
import type { BceClientError, ErrorIssue } from '../errors/types'
import { checkAcl, type AclCheckOptions } from './check-acl'
import type { Acl } from './types'

/** An `InvalidInput` error listing `issues`; the message names the first one but never a value. */
export function invalidAcl(operation: string, issues: readonly ErrorIssue[]): BceClientError {
  const first = issues[0]
  const where = first === undefined ? '' : `; ${first.path}: expected ${first.expected}`
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  return makeClientError({ reason: 'InvalidInput', message: `invalid ACL document${where}${more}`, operation, issues })
}

/** A checked document, or the `InvalidInput` error of `operation` listing every issue. */
export function checkedAcl(
  operation: string,
  value: unknown,
  options: AclCheckOptions | undefined,
): Result<Acl, BceClientError> {
  return checkAcl(value, options).mapErr((issues) => invalidAcl(operation, issues.map(renderIssue)))
}
