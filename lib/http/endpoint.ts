import { err, ok, type Result } from 'neverthrow'
import { makeClientError } from '../errors/make'
import type { BceClientError } from '../errors/types'

/** A validated service endpoint. */
export interface Endpoint {
  /** `scheme://host[:port]`, what undici connects to. */
  readonly origin: string
  /** The `Host` header value: host plus a non-default port, exactly as signed and sent. */
  readonly host: string
  /** Whether the endpoint is plain HTTP (allowed only with `allowInsecureHttp`). */
  readonly insecure: boolean
}

function invalidConfig(message: string, operation: string): Result<never, BceClientError> {
  return err(makeClientError({ reason: 'InvalidConfig', message, operation }))
}

/**
 * What of a rejected endpoint may be echoed in a message: never user info. Everything up to the
 * last `@` (where user info and its password would be, however malformed the URL) is hidden.
 */
function echoable(text: string): string {
  const at = text.lastIndexOf('@')
  const shown = at === -1 ? text : `[user info hidden]@${text.slice(at + 1)}`
  return JSON.stringify(shown.slice(0, 200))
}

/**
 * Parses and checks an endpoint: `https://` by default (a bare host name gets `https://`),
 * `http://` only when `allowInsecureHttp` is set, no user info, path, query or fragment.
 */
export function parseEndpoint(
  endpoint: unknown,
  allowInsecureHttp: boolean,
  operation = 'configure',
): Result<Endpoint, BceClientError> {
  if (typeof endpoint !== 'string' || endpoint.trim().length === 0) {
    return invalidConfig('endpoint must be a non-empty string', operation)
  }
  const text = endpoint.trim()
  const withScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return invalidConfig(`endpoint is not a valid URL: ${echoable(text)}`, operation)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return invalidConfig(`endpoint scheme must be https (got ${url.protocol})`, operation)
  }
  if (url.protocol === 'http:' && !allowInsecureHttp) {
    return invalidConfig(
      'plain http:// endpoints send signed requests in clear; use https://, or set allowInsecureHttp: true (e.g. for the local emulator)',
      operation,
    )
  }
  if (url.username !== '' || url.password !== '') {
    return invalidConfig('endpoint must not contain user info', operation)
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return invalidConfig('endpoint must be scheme://host[:port] without path, query or fragment', operation)
  }
  return ok({ origin: url.origin, host: url.host, insecure: url.protocol === 'http:' })
}
