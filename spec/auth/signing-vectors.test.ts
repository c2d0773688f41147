import { canonicalHeaders, canonicalQuery, canonicalUri } from '../../lib/auth/canonical'
import { signRequest } from '../../lib/auth/sign-request'
import { SigningKey, SigningKeyCache } from '../../lib/auth/signing-key'
import { formatBceTimestamp } from '../../lib/auth/timestamp'
import { uriEncode } from '../../lib/auth/uri-encode'
import { signingVectors as vectors, type SigningVector } from '../support/vectors'

const prefixOf = (v: SigningVector): string => `bce-auth-v1/${v.ak}/${v.timestamp}/${v.expirationSeconds}`

describe('bce-auth-v1 published and derived vectors', () => {
  describe.each(vectors.vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    const headersToSign = vector.headersToSign ?? undefined

    it('produces the exact Authorization header', () => {
      const result = signRequest({
        credentials: { accessKeyId: vector.ak, secretAccessKey: vector.sk },
        method: vector.method,
        path: vector.path,
        query: vector.query,
        headers: vector.headers,
        timestamp: new Date(vector.timestamp),
        expirationSeconds: vector.expirationSeconds,
        ...(headersToSign === undefined ? {} : { headersToSign }),
      })
      expect(result._unsafeUnwrap()).toBe(vector.authorization)
    })

    it('builds the exact canonical request', () => {
      const canonical = [
        vector.method,
        canonicalUri(vector.path),
        canonicalQuery(vector.query),
        canonicalHeaders(vector.headers, headersToSign).canonical,
      ].join('\n')
      expect(canonical).toBe(vector.canonicalRequest)
    })

    const { signingKey, signature } = vector
    if (signingKey !== undefined) {
      it('derives the published signing key', () => {
        // The key is private to its memo: it must sign as the published key does.
        const derived = new SigningKeyCache().keyFor(vector.ak, vector.sk, vector.timestamp, vector.expirationSeconds)
        expect(derived.prefix).toBe(prefixOf(vector))
        expect(derived.key.sign('GET\n/\n\nhost:example')).toBe(
          new SigningKey(signingKey).sign('GET\n/\n\nhost:example'),
        )
      })
    }

    if (signature !== undefined) {
      it('computes the published signature', () => {
        const { key } = new SigningKeyCache().keyFor(vector.ak, vector.sk, vector.timestamp, vector.expirationSeconds)
        expect(key.sign(vector.canonicalRequest)).toBe(signature)
      })
    }
  })
})

describe('bce-auth-v1 component vectors', () => {
  it.each(vectors.components.map((c) => [c.function, c] as const))('%s', (fn, component) => {
    switch (fn) {
      case 'uriEncode':
        expect(uriEncode(component.input as string)).toBe(component.expected)
        break
      case 'canonicalUri':
        expect(canonicalUri(component.input as string)).toBe(component.expected)
        break
      case 'canonicalQuery':
        expect(canonicalQuery(component.input as Record<string, string | null>)).toBe(component.expected)
        break
      case 'canonicalHeaders':
        expect(canonicalHeaders(component.input as Record<string, string>).canonical).toBe(component.expected)
        break
      case 'timestamp':
        expect(formatBceTimestamp(new Date((component.input as number) * 1000))).toBe(component.expected)
        break
      default:
        throw new Error(`no test for component ${fn}`)
    }
  })

  it('covers every component function in the fixture', () => {
    expect(new Set(vectors.components.map((c) => c.function))).toEqual(
      new Set(['uriEncode', 'canonicalUri', 'canonicalQuery', 'canonicalHeaders', 'timestamp']),
    )
  })
})
