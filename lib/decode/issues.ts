import type * as t from 'io-ts'
import type { Issue, PathKey } from '../errors/issue'
import { describeValue } from './describe-value'

/** Type tags whose children are keyed by member index, not by a field name. */
const TRANSPARENT = new Set(['IntersectionType', 'UnionType', 'RefinementType', 'ReadonlyType', 'ExactType'])

function pathOf(context: t.Context): PathKey[] {
  const keys: PathKey[] = []
  for (let i = 1; i < context.length; i += 1) {
    const parent = (context[i - 1]?.type as { _tag?: string } | undefined)?._tag
    if (parent !== undefined && TRANSPARENT.has(parent)) continue
    const key = context[i]?.key
    if (key !== undefined && key !== '') keys.push(key)
  }
  return keys
}

/** io-ts validation errors as structured issues (path keys, expected, redacted actual), at most `limit`. */
export function issuesFromIoTs(errors: t.Errors, limit = 20): Issue[] {
  const seen = new Set<string>()
  const issues: Issue[] = []
  for (const error of errors) {
    const last = error.context[error.context.length - 1]
    const issue: Issue = {
      path: pathOf(error.context),
      expected: error.message ?? last?.type.name ?? 'unknown',
      actual: describeValue(error.value),
    }
    const key = `${issue.path.join('\u0000')}|${issue.expected}`
    if (seen.has(key)) continue
    seen.add(key)
    issues.push(issue)
    if (issues.length >= limit) break
  }
  return issues
}
