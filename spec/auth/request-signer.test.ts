import fc from 'fast-check'
import { formatBceTimestamp } from '../../lib/auth/timestamp'
import { prepareRequest, type PreparedRequest } from '../../lib/operation/prepare'
import { RequestSigner } from '../../lib/auth/request-signer'
import { createUser, getUser, listUsers } from '../../lib/iam/user-operations'
import { attachPolicyToUser } from '../../lib/iam/policy-operations'
import { getSessionToken } from '../../lib/sts/sts-operations'
import { officialSignRaw } from '../support/official-signer'

/** The query parameters of a request target's `?…`, decoded (a bare flag is `null`). */
function queryParams(search: string): Record<string, string | null> {
  const params: Record<string, string | null> = {}
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    params[decodeURIComponent(eq === -1 ? part : part.slice(0, eq))] =
      eq === -1 ? null : decodeURIComponent(part.slice(eq + 1))
  }
  return params
}

/**
 * The reference: Baidu's own signer (@baiducloud/sdk) over the request as it goes on the wire,
 * the path as sent (that SDK signs its resource verbatim), the query decoded from the target and
 * the sent headers. Nothing here comes from lib/auth, so a shared mistake cannot hide.
 */
function referenceAuthorization(
  headers: Record<string, string>,
  prepared: PreparedRequest,
  credentials: { accessKeyId: string; secretAccessKey: string },
  instantMs: number,
): string {
  return officialSignRaw({
    ak: credentials.accessKeyId,
    sk: credentials.secretAccessKey,
    method: prepared.method,
    resource: prepared.path,
    query: queryParams(prepared.search),
    headers,
    timestampSeconds: instantMs / 1000,
    expirationSeconds: 1800,
    headersToSign: ['host', 'content-type', 'content-length'],
  })
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

// Key ids and secrets often drawn from a pair each, so calls within one second share one but
// not the other (the signer's per-second memos must notice either change).
const credentialsArb = fc.record(
  {
    accessKeyId: fc.oneof(fc.constantFrom('ak1', 'ak2'), fc.stringMatching(/^[a-z0-9]{1,32}$/)),
    secretAccessKey: fc.oneof(fc.constantFrom('sk1', 'sk2'), fc.string({ minLength: 1, maxLength: 40 })),
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
  // From 1 s: the official signer reads a timestamp of 0 as "now".
  fc.integer({ min: 1000, max: 253_402_300_799_999 }),
)

describe('RequestSigner', () => {
  it("signs exactly as Baidu's own signer, across operations, secrets, tokens, hosts and seconds", () => {
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
            expect(authorization).toBe(referenceAuthorization(headers, prepared, credentials, instant))
          }
        },
      ),
      { numRuns: 150 },
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
