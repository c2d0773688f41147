import { request as httpRequest } from 'node:http'
import { signRequest } from '../../lib/auth/sign-request'
import { formatBceTimestamp } from '../../lib/auth/timestamp'
import type { Signer } from './signed-request'

/** One request whose wire path and bytes are chosen freely, signed for `signedPath`. */
export interface RawSignedRequest {
  readonly method: string
  /** The decoded path the signature is computed for. */
  readonly signedPath: string
  /** The path exactly as it goes on the wire (default: `signedPath`, sent as is). */
  readonly rawPath?: string
  /** The raw query string, without `?` (also what is signed, parsed as key=value pairs). */
  readonly rawQuery?: string
  /** The body bytes (sent with `content-type: application/json`). */
  readonly body?: Buffer
  /** Further headers, all signed. */
  readonly headers?: Readonly<Record<string, string>>
  readonly credentials: Signer
  /** Signing instant (default now). */
  readonly at?: Date
}

/** What came back. */
export interface RawSignedResponse {
  readonly status: number
  readonly text: string
  readonly body: unknown
}

function queryOf(rawQuery: string): Record<string, string | null> {
  const query: Record<string, string | null> = {}
  for (const part of rawQuery.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    if (eq === -1) query[decodeURIComponent(part)] = null
    else query[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1))
  }
  return query
}

/** Sends a request over node:http (no URL normalisation), signed with `bce-auth-v1`. */
export function sendRawSigned(endpoint: string, input: RawSignedRequest): Promise<RawSignedResponse> {
  const url = new URL(endpoint)
  const at = input.at ?? new Date()
  const body = input.body
  const signed: Record<string, string> = {
    host: url.host,
    'x-bce-date': formatBceTimestamp(at) as string,
    ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(body.length) }),
    ...input.headers,
  }
  const authorization = signRequest({
    credentials: input.credentials,
    method: input.method,
    path: input.signedPath,
    query: queryOf(input.rawQuery ?? ''),
    headers: signed,
    headersToSign: Object.keys(signed),
    timestamp: at,
  })
  if (authorization.isErr()) return Promise.reject(new Error(authorization.error.message))
  const path = `${input.rawPath ?? input.signedPath}${input.rawQuery === undefined ? '' : `?${input.rawQuery}`}`
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: input.method,
        path,
        headers: { ...signed, authorization: authorization.value },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: unknown
          try {
            parsed = text === '' ? undefined : (JSON.parse(text) as unknown)
          } catch {
            parsed = text
          }
          resolve({ status: res.statusCode ?? 0, text, body: parsed })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
