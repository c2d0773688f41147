/** A problem with its path, as errors carry them (`users.alice.groups.0`). */
interface PathIssue {
  readonly path: string
  readonly expected: string
  readonly actual?: string
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null
}

function issuesOf(error: unknown): readonly PathIssue[] {
  if (!isRecord(error) || !Array.isArray(error.issues)) return []
  return (error.issues as readonly unknown[]).filter(
    (issue): issue is PathIssue =>
      isRecord(issue) && typeof issue.path === 'string' && typeof issue.expected === 'string',
  )
}

/** The one-line summary: an SDK error's own `toString` (never a secret), else its `message`. */
function summaryOf(error: unknown): string {
  if (isRecord(error)) {
    const render: unknown = Reflect.get(error, 'toString')
    if (typeof render === 'function' && render !== Object.prototype.toString)
      return String((render as (this: unknown) => unknown).call(error))
    if (typeof error.message === 'string') return error.message
  }
  return typeof error === 'string' ? error : 'unexpected failure'
}

/**
 * The text printed for an error: its one-line summary (an SDK error's own `toString`, which
 * never holds a secret, else its `message`), then one line per issue with its path.
 */
export function errorText(error: unknown): string {
  const lines = [`error: ${summaryOf(error).split('\n')[0] ?? ''}`]
  for (const issue of issuesOf(error))
    lines.push(
      `  ${issue.path}: expected ${issue.expected}${issue.actual === undefined ? '' : `, got ${issue.actual}`}`,
    )
  return `${lines.join('\n')}\n`
}
