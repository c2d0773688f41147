/** HTTP methods the IAM and STS APIs use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** A validated request, before the per-attempt headers and signature. */
export interface PreparedRequest {
  readonly method: HttpMethod
  /** Encoded path: every segment `UriEncode`d; also the canonical URI that is signed. */
  readonly path: string
  /** `?a=b&flag` as sent, or empty. */
  readonly search: string
  /** Canonical query string that is signed (`flag=` for bare flags). */
  readonly canonicalQuery: string
  /** `path` + `search`: the request target as sent. */
  readonly target: string
  /** UTF-8 JSON body, when the operation has one. */
  readonly body?: Buffer
  /** Values of fields declared secret (a password), scrubbed from errors should a server echo them. */
  readonly secrets?: readonly string[]
}
