import fc from 'fast-check'
import { canonicalHeaders } from '../../lib/auth/canonical'
import { bceSignature } from '../../lib/auth/hmac'
import { DEFAULT_EXPIRATION_SECONDS } from '../../lib/auth/sign-request'
import { formatBceTimestamp } from '../../lib/auth/timestamp'
import { prepareRequest, type PreparedRequest } from '../../lib/core/prepare'
import { RequestSigner } from '../../lib/core/request-signer'
import { createUser, getUser, listUsers } from '../../lib/iam/user-operations'
import { attachPolicyToUser } from '../../lib/iam/policy-operations'
import { getSessionToken } from '../../lib/sts/sts-operations'

/** The general signing path the SDK used before its signer was specialised: the reference. */
function referenceAuthorization(
  headers: Record<string, string>,
  prepared: PreparedRequest,
  credentials: { accessKeyId: string; secretAccessKey: string },
): string {
  const signed = canonicalHeaders(headers, ['host', 'content-type', 'content-length'])
  const canonicalRequest = `${prepared.method}\n${prepared.path}\n${prepared.canonicalQuery}\n${signed.canonical}`
  const prefix = `bce-auth-v1/${credentials.accessKeyId}/${headers['x-bce-date']}/${DEFAULT_EXPIRATION_SECONDS}`
  return `${prefix}/${signed.signedHeaders.join(';')}/${bceSignature(credentials.secretAccessKey, prefix, canonicalRequest)}`
}

const name = fc.stringMatching(/^[A-Za-z0-9_\-.@+\u4e00-\u4e08 ]{1,20}$/).filter((n) => n !== '.' && n !== '..')
const preparedArb: fc.Arbitrary<PreparedRequest> = fc
  .oneof(
    name.map((userName) => prepareRequest(getUser, { userName })),
    fc.record({ name, description: fc.string({ maxLength: 30 }) }).map((input) => prepareRequest(createUser, input)),
    fc.constant(prepareRequest(listUsers, {})),
    fc
      .record({ userName: name, policyName: name, policyType: fc.constantFrom('System', 'Custom') })
      .map((input) => prepareRequest(attachPolicyToUser, input)),
    fc.integer({ min: 1, max: 100_000 }).map((durationSeconds) => prepareRequest(getSessionToken, { durationSeconds })),
  )
  .map((result) => result._unsafeUnwrap())

const credentialsArb = fc.record(
  {
    accessKeyId: fc.stringMatching(/^[a-z0-9]{1,32}$/),
    secretAccessKey: fc.string({ minLength: 1, maxLength: 40 }),
    sessionToken: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom(' tok ', '   ', 'a/b+c=')),
  },
  { requiredKeys: ['accessKeyId', 'secretAccessKey'] },
)
const hostArb = fc.constantFrom(
  'iam.bj.baidubce.com',
  '127.0.0.1:8080',
  'localhost:1',
  '[::1]:4000',
  'sts.bj.baidubce.com',
)
// Instants clustered in a few seconds so the per-second memos both hit and miss.
const instantArb = fc.oneof(
  fc.integer({ min: 1_700_000_000_000, max: 1_700_000_003_000 }),
  fc.integer({ min: 0, max: 253_402_300_799_999 }),
)

describe('RequestSigner', () => {
  it('signs exactly as the general canonical-headers path, across secrets, tokens, hosts and seconds', () => {
    fc.assert(
      fc.property(
        hostArb,
        fc.array(fc.tuple(preparedArb, credentialsArb, instantArb), { minLength: 1, maxLength: 6 }),
        (host, calls) => {
          const signer = new RequestSigner(host, 'ua/1')
          for (const [prepared, credentials, instant] of calls) {
            const request = signer.sign(prepared, credentials, instant)
            if (request === undefined) throw new Error('valid instant refused')
            const { authorization, ...headers } = request.headers
            expect(headers['x-bce-date']).toBe(formatBceTimestamp(instant))
            expect(headers.host).toBe(host)
            expect(headers['user-agent']).toBe('ua/1')
            expect(headers['x-bce-security-token']).toBe(credentials.sessionToken)
            expect(request.path).toBe(`${prepared.path}${prepared.search}`)
            expect(request.body).toBe(prepared.body)
            expect(authorization).toBe(referenceAuthorization(headers, prepared, credentials))
          }
        },
      ),
      { numRuns: 400 },
    )
  })

  it('sends the headers in the order it always did', () => {
    const prepared = prepareRequest(createUser, { name: 'bob' })._unsafeUnwrap()
    const request = new RequestSigner('h:1', 'ua').sign(
      prepared,
      { accessKeyId: 'ak', secretAccessKey: 'sk', sessionToken: 't' },
      1_700_000_000_000,
    )
    expect(Object.keys(request?.headers ?? {})).toEqual([
      'host',
      'x-bce-date',
      'content-type',
      'content-length',
      'x-bce-security-token',
      'authorization',
      'user-agent',
    ])
  })

  it('refuses an instant that is not a BCE timestamp', () => {
    const prepared = prepareRequest(listUsers, {})._unsafeUnwrap()
    for (const instant of [Number.NaN, Number.POSITIVE_INFINITY, -1e20, 1e20]) {
      expect(
        new RequestSigner('h', 'ua').sign(prepared, { accessKeyId: 'a', secretAccessKey: 's' }, instant),
      ).toBeUndefined()
    }
  })
})
