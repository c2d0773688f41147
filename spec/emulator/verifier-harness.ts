import { err, ok, type Result } from 'neverthrow'
import { authenticate, type Authenticated } from '../../lib/emulator/authenticate'
import type { EmulatorState } from '../../lib/emulator/state'
import {
  canonicalRequestOf,
  readSignedParts,
  verifySignature,
  type AuthHeader,
} from '../../lib/emulator/verify-signature'
import type { ApiError, WireRequest } from '../../lib/emulator/wire'
import { officialCanonicalUri, officialRawQuery, type OfficialRequest } from '../support/official-signer'

/** A result as one value (the ok value or the error), so that assertions read as plain data. */
export const flat = <T>(result: Result<T, ApiError>): T | ApiError => (result.isOk() ? result.value : result.error)

/** {@link verifySignature} on a raw request, with secrets looked up by a plain function (undefined: unknown key). */
export function verifyWire(
  wire: WireRequest,
  nowMs: number,
  secretOf: (accessKeyId: string) => string | undefined,
): { readonly accessKeyId: string; readonly signedHeaders: ReadonlySet<string> } | ApiError {
  const verified = verifySignature(readSignedParts(wire), nowMs, (accessKeyId) => {
    const secret = secretOf(accessKeyId)
    return secret === undefined
      ? err({ status: 403, code: 'InvalidAccessKeyId', message: 'the access key id does not exist or is disabled' })
      : ok({ secret })
  })
  return flat(verified.map(({ accessKeyId, signedHeaders }) => ({ accessKeyId, signedHeaders })))
}

/** {@link authenticate} on a raw request. */
export const authenticateWire = (state: EmulatorState, wire: WireRequest): Authenticated | ApiError =>
  flat(authenticate(state, readSignedParts(wire)))

/** The parsed Authorization header of a raw request, or why it does not parse. */
export const parseAuthWire = (wire: WireRequest): AuthHeader | ApiError => flat(readSignedParts(wire).auth)

/** The canonical request the emulator recomputes for a raw request. */
export const canonicalWire = (wire: WireRequest, auth: AuthHeader): string | ApiError =>
  flat(canonicalRequestOf(readSignedParts(wire), auth))

/** The request as the emulator receives it from a client that signed with Baidu's own signer. */
export function wireOf(request: OfficialRequest, authorization: string): WireRequest {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = String(value).trim()
  return {
    method: request.method,
    rawPath: officialCanonicalUri(request.path),
    rawQuery: officialRawQuery(request.query),
    headers: { ...headers, authorization },
    repeatedHeaders: new Set(),
    body: Buffer.alloc(0),
  }
}

/** {@link verifyWire} one second after an official request was signed, knowing only its key pair (or `sk` instead of its secret). */
export const verifyAt = (request: OfficialRequest, wire: WireRequest, sk = request.sk): ReturnType<typeof verifyWire> =>
  verifyWire(wire, request.timestampSeconds * 1000 + 1000, (ak) => (ak === request.ak ? sk : undefined))
