import raw from '../fixtures/signing-vectors.json'

/** One signing vector of `spec/fixtures/signing-vectors.json` (a copy of the research fixture). */
export interface SigningVector {
  readonly name: string
  readonly ak: string
  readonly sk: string
  readonly timestamp: string
  readonly expirationSeconds: number
  readonly method: string
  readonly path: string
  readonly query: Record<string, string | null>
  readonly headers: Record<string, string>
  readonly headersToSign: string[] | null
  readonly signingKey?: string
  readonly canonicalRequest: string
  readonly signature?: string
  readonly authorization: string
}

/** One component vector. */
export interface ComponentVector {
  readonly function: string
  readonly input: unknown
  readonly expected: string
}

/** The typed fixture. */
export const signingVectors = raw as unknown as { vectors: SigningVector[]; components: ComponentVector[] }
