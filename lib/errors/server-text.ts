/** Longest server-supplied `message` kept in an error, in UTF-16 code units. */
export const MAX_MESSAGE_CHARS = 500

/** Longest server-supplied `code` kept in an error (known codes are under 40 characters). */
export const MAX_CODE_CHARS = 128

/** Longest server-supplied `requestId` kept in an error (BCE's are 36-character UUIDs). */
export const MAX_REQUEST_ID_CHARS = 128

/** Rewrites a server-supplied string before it is kept (e.g. removes the client's own secrets). */
export type Scrub = (text: string) => string

/**
 * A server-supplied string as an error keeps it: scrubbed first (so a secret cut by the cap
 * cannot leave a fragment behind), then cut to `max` code units without splitting a surrogate pair.
 */
export function serverText(text: string, max: number, scrub?: Scrub): string {
  const clean = scrub === undefined ? text : scrub(text)
  if (clean.length <= max) return clean
  const code = clean.charCodeAt(max - 1)
  return clean.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)
}
