import type * as t from 'io-ts'
import type { ErrorIssue } from '../errors/types'
import { describeValue } from './describe-value'

/** Type tags whose children are keyed by member index, not by a field name. */
const TRANSPARENT = new Set(['IntersectionType', 'UnionType', 'RefinementType', 'ReadonlyType', 'ExactType'])

function pathOf(context: t.Context): string {
  const keys: string[] = []
  for (let i = 1; i < context.length; i += 1) {
    const parent = (context[i - 1]?.type as { _tag?: string } | undefined)?._tag
    if (parent !== undefined && TRANSPARENT.has(parent)) continue
    const key = context[i]?.key
    if (key !== undefined && key !== '') keys.push(key)
  }
  return keys.length === 0 ? '(root)' : keys.join('.')
}

/** io-ts validation errors as structured `{ path, expected, actual }` issues, values redacted. */
export function issuesFromIoTs(errors: t.Errors, limit = 20): ErrorIssue[] {
  const seen = new Set<string>()
  const issues: ErrorIssue[] = []
  for (const error of errors) {
    const last = error.context[error.context.length - 1]
    const issue: ErrorIssue = {
      path: pathOf(error.context),
      expected: error.message ?? last?.type.name ?? 'unknown',
      actual: describeValue(error.value),
    }
    const key = `${issue.path}|${issue.expected}`
    if (seen.has(key)) continue
    seen.add(key)
    issues.push(issue)
    if (issues.length >= limit) break
  }
  return issues
}
