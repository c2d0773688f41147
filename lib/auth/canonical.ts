import { uriEncode, uriEncodeExceptSlash } from './uri-encode'

/** Query parameters to sign: a `null` (or empty) value is a flag parameter, signed as `key=`. */
export type SignableQuery = Readonly<Record<string, string | number | boolean | null | undefined>>

/** Header values to sign; numbers are accepted because callers often pass `Content-Length: 0`. */
export type SignableHeaders = Readonly<Record<string, string | number | undefined>>

/** The header names signed when the caller names none (every `x-bce-*` header is added too). */
export const DEFAULT_HEADERS_TO_SIGN: readonly string[] = ['host', 'content-length', 'content-type', 'content-md5']

/** Headers that are never signed automatically: they are per-attempt transport metadata. */
const NEVER_AUTO_SIGNED = 'x-bce-request-id'

/** CanonicalURI: the decoded absolute path, `UriEncode`d except `/`; empty becomes `/`. */
export function canonicalUri(decodedPath: string): string {
  const absolute = decodedPath.startsWith('/') ? decodedPath : `/${decodedPath}`
  return uriEncodeExceptSlash(absolute)
}

/**
 * CanonicalQueryString: `UriEncode(key)=UriEncode(value)` for every parameter except
 * `authorization` (any case), sorted as encoded strings, joined with `&`.
 */
export function canonicalQuery(query: SignableQuery | undefined): string {
  if (query === undefined) return ''
  const pairs: string[] = []
  for (const key of Object.keys(query)) {
    if (key.toLowerCase() === 'authorization') continue
    const value = query[key]
    pairs.push(`${uriEncode(key)}=${value === null || value === undefined ? '' : uriEncode(String(value))}`)
  }
  return pairs.sort().join('&')
}

/** The canonical header block and the lower-case names it covers, sorted. */
export interface CanonicalHeaders {
  readonly canonical: string
  readonly signedHeaders: readonly string[]
}

/**
 * CanonicalHeaders: the chosen headers (default {@link DEFAULT_HEADERS_TO_SIGN}) plus every
 * `x-bce-*` header (except `x-bce-request-id`), names lower-cased and trimmed, values trimmed,
 * empty values dropped, each line `UriEncode(name):UriEncode(value)`, lines sorted.
 */
export function canonicalHeaders(
  headers: SignableHeaders,
  headersToSign: readonly string[] = DEFAULT_HEADERS_TO_SIGN,
): CanonicalHeaders {
  const wanted = headersToSign === DEFAULT_HEADERS_TO_SIGN ? DEFAULT_WANTED : wantedSet(headersToSign)
  const lines: string[] = []
  const names: string[] = []
  for (const rawName of Object.keys(headers)) {
    const name = rawName.trim().toLowerCase()
    const isBce = name.startsWith('x-bce-') && name !== NEVER_AUTO_SIGNED
    if (!isBce && !wanted.has(name)) continue
    const raw = headers[rawName]
    if (raw === undefined) continue
    const value = String(raw).trim()
    if (value.length === 0) continue
    lines.push(`${uriEncode(name)}:${uriEncode(value)}`)
    names.push(name)
  }
  // Default sort = UTF-16 code-unit order, the same order as comparing with `<`.
  return { canonical: lines.length === 1 ? (lines[0] as string) : lines.sort().join('\n'), signedHeaders: names.sort() }
}

/** The default header set, lower-cased once. */
const DEFAULT_WANTED: ReadonlySet<string> = new Set(DEFAULT_HEADERS_TO_SIGN)

function wantedSet(headersToSign: readonly string[]): ReadonlySet<string> {
  const wanted = new Set<string>()
  for (const name of headersToSign) wanted.add(name.trim().toLowerCase())
  return wanted
}
