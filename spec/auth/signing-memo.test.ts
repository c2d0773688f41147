import fc from 'fast-check'
import { createHmac } from 'node:crypto'
import { bceSignature } from '../support/reference-hmac'
import { signRequest } from '../../lib/auth/sign-request'
import { SigningKey, SigningKeyCache } from '../../lib/auth/signing-key'
import { formatBceTimestamp } from '../../lib/auth/timestamp'

const reference = (ms: number): string | undefined => {
  const date = new Date(Math.floor(ms / 1000) * 1000)
  const year = date.getUTCFullYear()
  return Number.isNaN(year) || year < 0 || year > 9999 ? undefined : `${date.toISOString().slice(0, 19)}Z`
}

describe('per-second memos never change a signature', () => {
  it('formatBceTimestamp equals the unmemoised formatting for any sequence of instants', () => {
    const instant = fc.oneof(
      fc.integer({ min: 1_700_000_000_000, max: 1_700_000_002_500 }),
      fc.double(),
      fc.integer({ min: -62_200_000_000_000, max: 253_500_000_000_000 }),
    )
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 20 }), (instants) => {
        for (const ms of instants) expect(formatBceTimestamp(ms)).toBe(Number.isFinite(ms) ? reference(ms) : undefined)
      }),
    )
  })

  it('the signing-key memo equals two HMACs for any sequence of key ids, secrets, timestamps and expirations', () => {
    const cache = new SigningKeyCache()
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('ak1', 'ak2'),
            fc.constantFrom('sk1', 'sk2', 'ü-secret'),
            fc.constantFrom('2024-05-01T10:20:30Z', '2024-05-01T10:20:31Z'),
            fc.constantFrom(1800, 60),
            fc.string(),
          ),
          { maxLength: 10 },
        ),
        (calls) => {
          for (const [accessKeyId, secret, timestamp, expiration, canonical] of calls) {
            const prefix = `bce-auth-v1/${accessKeyId}/${timestamp}/${expiration}`
            const signing = cache.keyFor(accessKeyId, secret, timestamp, expiration)
            expect(signing.prefix).toBe(prefix)
            expect(signing.key.sign(canonical)).toBe(bceSignature(secret, prefix, canonical))
            const hexKey = createHmac('sha256', secret).update(prefix).digest('hex')
            expect(cache.keyFor(accessKeyId, secret, timestamp, expiration).key.sign(canonical)).toBe(
              createHmac('sha256', hexKey).update(canonical, 'utf8').digest('hex'),
            )
          }
        },
      ),
    )
  })

  it('a prepared signing key signs exactly as createHmac does, for any key and any message (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', maxLength: 300 }), (secret, message) => {
        const hexKey = createHmac('sha256', secret).update('prefix').digest('hex')
        const key = new SigningKey(hexKey)
        const expected = createHmac('sha256', hexKey).update(message, 'utf8').digest('hex')
        expect(key.sign(message)).toBe(expected)
        // The key's buffer is reused between signatures: a second one must not see the first.
        expect(key.sign(message)).toBe(expected)
      }),
    )
  })

  it('one prepared key signs a run of messages of any lengths as createHmac does, each on its own', () => {
    // Short messages are written into the key's buffer after K ⊕ ipad; from a third of the room on
    // (1,024 UTF-16 units) they take the string path: lengths on both sides, in any order, so
    // neither a longer message's leftover bytes nor a switch of path can change a signature.
    const short = fc.string({ unit: 'binary', maxLength: 64 })
    const nearRoom = fc.string({ unit: 'binary', minLength: 1020, maxLength: 1030 })
    const threeBytes = fc.integer({ min: 1020, max: 1030 }).map((n) => '€'.repeat(n))
    fc.assert(
      fc.property(fc.array(fc.oneof(short, nearRoom, threeBytes), { minLength: 2, maxLength: 6 }), (messages) => {
        const hexKey = createHmac('sha256', 'secret').update('prefix').digest('hex')
        const key = new SigningKey(hexKey)
        expect(messages.map((m) => key.sign(m))).toEqual(
          messages.map((m) => createHmac('sha256', hexKey).update(m, 'utf8').digest('hex')),
        )
      }),
      { numRuns: 60 },
    )
  })

  it('signRequest alternating secrets within one second signs each with its own key', () => {
    const timestamp = new Date(Date.UTC(2024, 4, 1, 10, 20, 30))
    const headers = { host: 'iam.bj.baidubce.com', 'x-bce-date': '2024-05-01T10:20:30Z' }
    const sign = (secretAccessKey: string): string =>
      signRequest({
        credentials: { accessKeyId: 'ak', secretAccessKey },
        method: 'GET',
        path: '/v1/user',
        headers,
        timestamp,
      })._unsafeUnwrap()
    const [a1, b1, a2] = [sign('a'), sign('b'), sign('a')]
    expect(a1).toBe(a2)
    expect(a1).not.toBe(b1)
    const canonical = 'GET\n/v1/user\n\nhost:iam.bj.baidubce.com\nx-bce-date:2024-05-01T10%3A20%3A30Z'
    expect(b1.split('/').pop()).toBe(bceSignature('b', 'bce-auth-v1/ak/2024-05-01T10:20:30Z/1800', canonical))
  })
})
