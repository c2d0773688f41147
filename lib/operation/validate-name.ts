/** Longest entity name accepted (BCE's user-name limit); shorter per-entity limits are declared per field. */
export const MAX_NAME_LENGTH = 255

// C0 controls, DEL and C1 controls: invisible, and some are stripped or rejected by HTTP stacks.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\?#\u0000-\u001f\u007f-\u009f]/

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Why a name cannot be put into a URL path segment unchanged, or undefined when it can.
 * Rejects empty names, names over `maxLength` characters, `.` and `..` (normalised away by URL
 * parsers, retargeting the request), `/`, `\`, `?`, `#`, control characters and ill-formed
 * UTF-16 (lone surrogates cannot be sent byte-identical).
 */
export function nameProblem(name: string, maxLength: number = MAX_NAME_LENGTH): string | undefined {
  if (name.length === 0) return 'must not be empty'
  if (name.length > maxLength) return `must be at most ${maxLength} characters (got ${name.length})`
  if (name === '.' || name === '..') return 'must not be "." or ".."'
  const bad = FORBIDDEN.exec(name)
  if (bad !== null) {
    const code = bad[0].charCodeAt(0)
    return `must not contain ${code < 0x20 || code >= 0x7f ? `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}` : JSON.stringify(bad[0])}`
  }
  if (LONE_SURROGATE.test(name)) return 'must be well-formed Unicode (no lone surrogates)'
  return undefined
}
