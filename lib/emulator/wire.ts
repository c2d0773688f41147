import type { IncomingHttpHeaders } from 'node:http'

/** A request as the emulator received it: nothing decoded or normalised. */
export interface WireRequest {
  readonly method: string
  /** The path exactly as sent, before `?`. */
  readonly rawPath: string
  /** The query exactly as sent, after `?` (empty when absent). */
  readonly rawQuery: string
  /** Header values by lower-case name (Node joins repeated headers). */
  readonly headers: IncomingHttpHeaders
  /** Lower-case names of headers that were sent more than once. */
  readonly repeatedHeaders: ReadonlySet<string>
  readonly body: Buffer
}

/** A service error as the emulator sends it: `{code, message, requestId}` with this status. */
export interface ApiError {
  readonly status: number
  readonly code: string
  readonly message: string
}

/** A successful answer; `body` undefined means an empty body. */
export interface ApiReply {
  readonly status: number
  readonly body?: unknown
}

/** What a handler decides. */
export type Outcome = { readonly ok: true; readonly reply: ApiReply } | { readonly ok: false; readonly error: ApiError }

/** A successful outcome. */
export function reply(status: number, body?: unknown): Outcome {
  return { ok: true, reply: body === undefined ? { status } : { status, body } }
}

/** A failed outcome. */
export function fail(status: number, code: string, message: string): Outcome {
  return { ok: false, error: { status, code, message } }
}

/** A failed outcome from an {@link ApiError}. */
export function failWith(error: ApiError): Outcome {
  return { ok: false, error }
}

/** Splits `/a/b?x=1` into raw path and raw query without decoding anything. */
export function splitTarget(target: string): { rawPath: string; rawQuery: string } {
  const mark = target.indexOf('?')
  return mark === -1
    ? { rawPath: target, rawQuery: '' }
    : { rawPath: target.slice(0, mark), rawQuery: target.slice(mark + 1) }
}

/**
 * Percent-decodes to raw bytes (no `+` to space: BCE's encoding never produces `+`).
 * Returns undefined for a malformed escape such as `%G1` or a trailing `%`.
 */
export function percentDecode(text: string): Buffer | undefined {
  if (!text.includes('%')) return Buffer.from(text, 'utf8')
  const bytes: number[] = []
  const source = Buffer.from(text, 'utf8')
  for (let i = 0; i < source.length; i += 1) {
    const byte = source[i] as number
    if (byte !== 0x25) {
      bytes.push(byte)
      continue
    }
    const hex = source.subarray(i + 1, i + 3).toString('latin1')
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined
    bytes.push(parseInt(hex, 16))
    i += 2
  }
  return Buffer.from(bytes)
}

/** Parses a raw query into decoded `[key, value]` pairs (a bare `flag` has value ''). */
export function parseRawQuery(rawQuery: string): Array<[Buffer, Buffer]> | undefined {
  if (rawQuery === '') return []
  const pairs: Array<[Buffer, Buffer]> = []
  for (const part of rawQuery.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const key = percentDecode(eq === -1 ? part : part.slice(0, eq))
    const value = percentDecode(eq === -1 ? '' : part.slice(eq + 1))
    if (key === undefined || value === undefined) return undefined
    pairs.push([key, value])
  }
  return pairs
}

/** Tells an {@link ApiError} apart from a record a lookup found. */
export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value && 'message' in value
}
