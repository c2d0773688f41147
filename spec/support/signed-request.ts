import { request, type Dispatcher } from 'undici'
import { signRequest } from '../../lib/auth/sign-request'
import { formatBceTimestamp } from '../../lib/auth/timestamp'
import { uriEncode, uriEncodeExceptSlash } from '../../lib/auth/uri-encode'

/** A key pair (and STS token) to sign with. */
export interface Signer {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
}

/** One raw request to send, signed with `bce-auth-v1`. */
export interface SignedRequest {
  readonly method: string
  /** The decoded path, e.g. `/v1/user/测试`; each segment is percent-encoded on the wire. */
  readonly path: string
  /** Query parameters; `null` is a bare flag (`?disable`). */
  readonly query?: Readonly<Record<string, string | null>>
  /** A string is sent as is (to test malformed JSON); anything else as JSON. */
  readonly body?: unknown
  readonly credentials: Signer
  /** Signing instant (default now); move it along with the emulator clock. */
  readonly at?: Date
  /** Send the session token header but leave it out of the signature. */
  readonly tokenUnsigned?: boolean
  /** Leave out the Authorization header altogether. */
  readonly unsigned?: boolean
  readonly dispatcher?: Dispatcher
}

/** What came back. */
export interface RawResponse {
  readonly status: number
  /** The parsed JSON body, or undefined when empty. */
  readonly body: unknown
  /** The body as text. */
  readonly text: string
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
}

/** The query string as the SDK puts it on the wire (flags without `=`). */
export function wireQuery(query: Readonly<Record<string, string | null>> = {}): string {
  return Object.entries(query)
    .map(([key, value]) => (value === null ? uriEncode(key) : `${uriEncode(key)}=${uriEncode(value)}`))
    .join('&')
}

/**
 * Sends one request signed with `signRequest` over undici, independently of the SDK clients
 * (so emulator tests do not depend on them). Never sets `x-bce-request-id`.
 */
export async function sendSigned(endpoint: string, input: SignedRequest): Promise<RawResponse> {
  const url = new URL(endpoint)
  const at = input.at ?? new Date()
  const payload =
    input.body === undefined
      ? undefined
      : Buffer.from(typeof input.body === 'string' ? input.body : JSON.stringify(input.body), 'utf8')
  const signed: Record<string, string> = { host: url.host, 'x-bce-date': formatBceTimestamp(at) as string }
  if (payload !== undefined) {
    signed['content-type'] = 'application/json; charset=utf-8'
    signed['content-length'] = String(payload.length)
  }
  const token = input.credentials.sessionToken
  if (token !== undefined && input.tokenUnsigned !== true) signed['x-bce-security-token'] = token
  const headers: Record<string, string> = { ...signed }
  if (token !== undefined && input.tokenUnsigned === true) headers['x-bce-security-token'] = token
  if (input.unsigned !== true) {
    const authorization = signRequest({
      credentials: input.credentials,
      method: input.method,
      path: input.path,
      query: input.query ?? {},
      headers: signed,
      timestamp: at,
    })
    if (authorization.isErr()) throw new Error(`cannot sign: ${authorization.error.message}`)
    headers.authorization = authorization.value
  }
  delete headers.host
  const query = wireQuery(input.query)
  const target = `${url.origin}${uriEncodeExceptSlash(input.path)}${query === '' ? '' : `?${query}`}`
  const response = await request(target, {
    method: input.method,
    headers,
    ...(payload === undefined ? {} : { body: payload }),
    ...(input.dispatcher === undefined ? {} : { dispatcher: input.dispatcher }),
  })
  const text = await response.body.text()
  let body: unknown
  if (text.length > 0) {
    try {
      body = JSON.parse(text) as unknown
    } catch {
      body = text
    }
  }
  return { status: response.statusCode, body, text, headers: response.headers }
}
