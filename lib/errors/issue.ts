import type { ErrorIssue } from './types'

/** A key in an issue path: a property name or an array index. */
export type PathKey = string | number

/**
 * One problem as the SDK handles it internally: the path is structured data (`['users', 3,
 * 'createTime']`), never a string to be split or patched. It becomes a public {@link ErrorIssue}
 * (dotted path) only when an error is built, through `renderIssue`.
 */
export interface Issue {
  /** Where the offending value is, from the root of what was checked; empty for the root itself. */
  readonly path: readonly PathKey[]
  /** What was expected there. */
  readonly expected: string
  /** A short, redacted description of what was found. */
  readonly actual?: string
}

/** The rendering of an empty path. */
export const ROOT_PATH = '(root)'

/** Renders a structured path to the public dotted form: `users.3.createTime`, or `(root)` when empty. */
export function renderPath(path: readonly PathKey[]): string {
  return path.length === 0 ? ROOT_PATH : path.join('.')
}

/** The public form of an issue (dotted path). */
export function renderIssue(issue: Issue): ErrorIssue {
  const rendered = { path: renderPath(issue.path), expected: issue.expected }
  return issue.actual === undefined ? rendered : { ...rendered, actual: issue.actual }
}

/** The same issue, found inside the value at `prefix` (prefix keys come first). */
export function nestIssue(prefix: readonly PathKey[], issue: Issue): Issue {
  return { ...issue, path: [...prefix, ...issue.path] }
}
