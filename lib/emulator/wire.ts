import type { IncomingHttpHeaders } from 'node:http'
import { err, ok, type Err, type Result } from 'neverthrow'
import type { EmulatorCode } from './error-codes'

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
  /** One of {@link EmulatorCode}: a code whose provenance is recorded. */
  readonly code: EmulatorCode
  readonly message: string
}

/** A successful answer; `body` undefined means an empty body. */
export interface ApiReply {
  readonly status: number
  readonly body?: unknown
}

/**
 * What a handler (and every step of the request pipeline) decides: the emulator's one failure
 * convention is a neverthrow `Result` whose error is the {@link ApiError} to answer.
 */
export type Outcome = Result<ApiReply, ApiError>

/** A successful outcome. */
export function reply(status: number, body?: unknown): Outcome {
  return ok(body === undefined ? { status } : { status, body })
}

/** An {@link ApiError}. */
export function apiError(status: number, code: EmulatorCode, message: string): ApiError {
  return { status, code, message }
}

/** A failed result carrying an {@link ApiError}. */
export function fail(status: number, code: EmulatorCode, message: string): Err<never, ApiError> {
  return err({ status, code, message })
}

/** Splits `/a/b?x=1` into raw path and raw query without decoding anything. */
export function splitTarget(target: string): { rawPath: string; rawQuery: string } {
  const mark = target.indexOf('?')
  return mark === -1
    ? { rawPath: target, rawQuery: '' }
    : { rawPath: target.slice(0, mark), rawQuery: target.slice(mark + 1) }
}

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/

/**
 * Percent-decodes to raw bytes (no `+` to space: BCE's encoding never produces `+`). A malformed
 * escape such as `%G1` or a trailing `%` is an error (the caller names what was malformed).
 */
export function percentDecode(text: string): Result<Buffer, 'malformed'> {
  if (!text.includes('%')) return ok(Buffer.from(text, 'utf8'))
  const bytes: number[] = []
  const source = Buffer.from(text, 'utf8')
  for (let i = 0; i < source.length; i += 1) {
    const byte = source[i] as number
    if (byte !== 0x25) {
      bytes.push(byte)
      continue
    }
    const hex = source.subarray(i + 1, i + 3).toString('latin1')
    if (!HEX_PAIR.test(hex)) return err('malformed')
    bytes.push(parseInt(hex, 16))
    i += 2
  }
  return ok(Buffer.from(bytes))
}

/** Parses a raw query into decoded `[key, value]` pairs, in order (a bare `flag` has value ''). */
export function parseRawQuery(rawQuery: string): Result<Array<[Buffer, Buffer]>, 'malformed'> {
  const pairs: Array<[Buffer, Buffer]> = []
  if (rawQuery === '') return ok(pairs)
  for (const part of rawQuery.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const key = percentDecode(eq === -1 ? part : part.slice(0, eq))
    const value = percentDecode(eq === -1 ? '' : part.slice(eq + 1))
    if (key.isErr() || value.isErr()) return err('malformed')
    pairs.push([key.value, value.value])
  }
  return ok(pairs)
}
