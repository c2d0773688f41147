import { err, ok, type Result } from 'neverthrow'

/**
 * Deepest JSON nesting the emulator accepts in a request body or an ACL document. The deepest
 * legitimate shape is an ACL statement's `condition` (document → list → statement → condition →
 * operator → values: 6 levels); 8 leaves room without letting a document grow deep enough to
 * make `JSON.stringify` or a recursive reader fail.
 */
export const MAX_JSON_DEPTH = 8

/**
 * Longest ACL document accepted (policy `document`, role trust document, STS session ACL), in
 * characters of compact JSON. BCE documents no limit; this is AWS's limit for a managed policy
 * (6,144 characters without whitespace), so every realistic document fits and none can bloat
 * the state.
 */
export const MAX_DOCUMENT_CHARS = 6144

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Decodes UTF-8 strictly: an error for any invalid byte sequence (nothing is replaced by U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): Result<string, 'invalid'> {
  try {
    return ok(strictUtf8.decode(bytes))
  } catch {
    return err('invalid')
  }
}

/**
 * Whether JSON text nests deeper than `maxDepth` arrays/objects, found by scanning the text (no
 * parsing, no recursion), so any text can be checked before it is parsed.
 */
export function jsonTextTooDeep(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c) i += 1
      else if (char === 0x22) inString = false
      continue
    }
    if (char === 0x22) inString = true
    else if (char === 0x7b || char === 0x5b) {
      depth += 1
      if (depth > maxDepth) return true
    } else if (char === 0x7d || char === 0x5d) depth -= 1
  }
  return false
}

/** Whether a parsed value nests deeper than `maxDepth` arrays/objects (explicit stack, stops early). */
export function valueTooDeep(value: unknown, maxDepth: number = MAX_JSON_DEPTH): boolean {
  const stack: Array<{ readonly value: unknown; readonly depth: number }> = [{ value, depth: 0 }]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue
    const depth = item.depth + 1
    if (depth > maxDepth) return true
    const children: readonly unknown[] = Array.isArray(item.value) ? item.value : Object.values(item.value)
    for (const child of children) stack.push({ value: child, depth })
  }
  return false
}

/** Why JSON text was refused: not JSON at all, or nested too deep; `message` names what was read. */
export interface JsonProblem {
  readonly problem: 'syntax' | 'depth'
  readonly message: string
}

/**
 * The emulator's one JSON parser (request bodies, ACL documents, the admin API, the state file,
 * journal lines, stored documents): never throws. Text nesting deeper than `maxDepth` (default
 * {@link MAX_JSON_DEPTH}; `Infinity` for none) is refused before it is parsed. `what` names the
 * text in the message, e.g. `the body is not valid JSON`.
 */
export function parseJson(text: string, what: string, maxDepth: number = MAX_JSON_DEPTH): Result<unknown, JsonProblem> {
  if (maxDepth !== Infinity && jsonTextTooDeep(text, maxDepth))
    return err({ problem: 'depth', message: `${what} nests deeper than ${maxDepth} levels` })
  try {
    return ok(JSON.parse(text) as unknown)
  } catch {
    return err({ problem: 'syntax', message: `${what} is not valid JSON` })
  }
}
