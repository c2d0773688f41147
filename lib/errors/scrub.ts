import { isBuiltError, makeClientError, makeServiceError } from './make'
import { MAX_CODE_CHARS, MAX_MESSAGE_CHARS, MAX_REQUEST_ID_CHARS, serverText, type Scrub } from './server-text'
import type { BceClientError, BceError, BceServiceError, ErrorIssue } from './types'

/** What replaces a scrubbed secret. */
export const SCRUBBED = '[redacted]'

/**
 * Shortest value scrubbed: shorter ones would match ordinary words (real BCE secret keys have 32
 * characters, signatures 64, session tokens hundreds).
 */
export const MIN_SCRUBBED_LENGTH = 8

function identity(text: string): string {
  return text
}

/**
 * A function replacing every exact occurrence of each secret (of at least
 * {@link MIN_SCRUBBED_LENGTH} characters) with `[redacted]`, longest secret first so a secret
 * contained in another (a signature in its Authorization header) is removed with it.
 */
export function secretScrubber(secrets: readonly (string | undefined)[]): Scrub {
  const values = [
    ...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SCRUBBED_LENGTH)),
  ].sort((a, b) => b.length - a.length)
  if (values.length === 0) return identity
  return (text) => {
    let out = text
    for (const secret of values) if (out.includes(secret)) out = out.split(secret).join(SCRUBBED)
    return out
  }
}

function scrubIssue(issue: ErrorIssue, scrub: Scrub): ErrorIssue {
  return {
    path: scrub(issue.path),
    expected: scrub(issue.expected),
    ...(issue.actual === undefined ? {} : { actual: scrub(issue.actual) }),
  }
}

/** A cause scrubbed: an SDK error as a scrubbed SDK error (kept whole), anything else as its `{ name, code, message }`. */
function scrubCause(cause: unknown, scrub: Scrub): unknown {
  if (isBuiltError(cause)) return scrubError(cause, scrub)
  if (typeof cause !== 'object' || cause === null) return cause
  const { name, code, message } = cause as { name?: unknown; code?: unknown; message?: unknown }
  return {
    name: typeof name === 'string' ? scrub(name) : 'Error',
    ...(typeof code === 'string' ? { code: scrub(code) } : {}),
    message: typeof message === 'string' ? scrub(message) : '',
  }
}

/**
 * A copy of `error` with `scrub` applied to every string that may come from the server or the
 * transport (`message`, `code`, `requestId`, issues, cause), server strings capped as the
 * decoders cap them. Used on the error path only.
 */
export function scrubError<E extends BceError>(error: E, scrub: Scrub): E {
  const plain: BceError = error
  if (plain._tag === 'BceServiceError') {
    const { _tag, ...rest } = plain
    const scrubbed: BceServiceError = makeServiceError({
      ...rest,
      code: serverText(rest.code, MAX_CODE_CHARS, scrub),
      message: serverText(rest.message, MAX_MESSAGE_CHARS, scrub),
      ...(rest.requestId === undefined ? {} : { requestId: serverText(rest.requestId, MAX_REQUEST_ID_CHARS, scrub) }),
    })
    return scrubbed as E
  }
  const { _tag, ...rest } = plain
  const scrubbed: BceClientError = makeClientError({
    ...rest,
    message: scrub(rest.message),
    ...(rest.requestId === undefined ? {} : { requestId: serverText(rest.requestId, MAX_REQUEST_ID_CHARS, scrub) }),
    ...(rest.issues === undefined ? {} : { issues: rest.issues.map((issue) => scrubIssue(issue, scrub)) }),
    ...(rest.cause === undefined ? {} : { cause: scrubCause(rest.cause, scrub) }),
  })
  return scrubbed as E
}
