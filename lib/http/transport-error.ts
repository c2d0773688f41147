import { summariseCause } from '../errors/make'

/** How a transport failure is reported upwards, before it becomes a BceClientError. */
export interface TransportFailure {
  readonly reason: 'Network' | 'Timeout' | 'Aborted'
  /** False only when the request certainly never reached the server (e.g. connection refused). */
  readonly mayHaveBeenSent: boolean
  /** Set when the same request would fail the same way (it could not be formed): never retried. */
  readonly permanent?: true
  readonly message: string
  readonly cause: ReturnType<typeof summariseCause>
  /** The status of an answer that had begun when the exchange failed (its body cut off). */
  readonly statusCode?: number
}

/** Error codes that mean no byte of the request reached the server. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  // undici refused the request before writing a byte: an invalid header value or other argument.
  'UND_ERR_INVALID_ARG',
  // Dispatched on a closed pool: rejected before anything was written.
  'UND_ERR_CLOSED',
])

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
])

/**
 * Why an attempt was cut short by us rather than by the network: our deadline, the caller's
 * signal, or the client being closed with `close({ force: true })`.
 */
export type LocalAbort = 'deadline' | 'caller' | 'shutdown' | undefined

/**
 * Classifies whatever undici (or the socket) threw. `localAbort` says whether our own deadline
 * timer or the caller's signal fired, which undici reports only as the signal's reason.
 */
export function classifyTransportError(error: unknown, localAbort: LocalAbort): TransportFailure {
  const cause = summariseCause(error)
  if (localAbort === 'caller') {
    return { reason: 'Aborted', mayHaveBeenSent: true, message: 'the call was aborted by its signal', cause }
  }
  if (localAbort === 'shutdown') {
    return {
      reason: 'Aborted',
      mayHaveBeenSent: true,
      message: 'the client was closed (close({ force: true })) while the call was in flight',
      cause,
    }
  }
  if (localAbort === 'deadline') {
    return { reason: 'Timeout', mayHaveBeenSent: true, message: 'the call exceeded its timeout', cause }
  }
  const code = cause.code ?? ''
  const mayHaveBeenSent = !NOT_SENT_CODES.has(code)
  if (TIMEOUT_CODES.has(code)) {
    return { reason: 'Timeout', mayHaveBeenSent, message: `transport timeout (${code})`, cause }
  }
  const detail = code === '' ? cause.message : `${code}: ${cause.message}`
  if (code === 'UND_ERR_INVALID_ARG') {
    return {
      reason: 'Network',
      mayHaveBeenSent: false,
      permanent: true,
      message: `the request could not be formed and was not sent (${detail})`,
      cause,
    }
  }
  if (code === 'UND_ERR_CLOSED') {
    return {
      reason: 'Network',
      mayHaveBeenSent: false,
      permanent: true,
      message: `the client is closed; the request was not sent (${detail})`,
      cause,
    }
  }
  return { reason: 'Network', mayHaveBeenSent, message: `transport failure (${detail})`, cause }
}
