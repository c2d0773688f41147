import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { prepareRequest, type PreparedRequest } from '../../lib/operation/prepare'
import { RequestSigner } from '../../lib/auth/request-signer'
import { createUser, getUser, listUsers } from '../../lib/iam/user-operations'
import { getSessionToken } from '../../lib/sts/sts-operations'

/**
 * `bce-auth-v1` written from the published algorithm with nothing from `lib/auth`: UriEncode is
 * `encodeURIComponent` plus the five characters it leaves alone; the canonical headers are the
 * signed ones, trimmed, encoded, sorted; the signing key is HMAC(sk, prefix).
 */
const encode = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const hmacHex = (key: string, text: string): string => createHmac('sha256', key).update(text, 'utf8').digest('hex')

function expectedAuthorization(
  method: string,
  path: string,
  query: string,
  headers: Record<string, string>,
  signed: readonly string[],
  credentials: { accessKeyId: string; secretAccessKey: string },
): string {
  const lines = signed.map((name) => `${encode(name)}:${encode((headers[name] ?? '').trim())}`).sort()
  const prefix = `bce-auth-v1/${credentials.accessKeyId}/${headers['x-bce-date']}/1800`
  const canonical = `${method}\n${path}\n${query}\n${lines.join('\n')}`
  return `${prefix}/${[...signed].sort().join(';')}/${hmacHex(hmacHex(credentials.secretAccessKey, prefix), canonical)}`
}

const name = fc.stringMatching(/^[A-Za-z0-9_\-.@+!'()*\u4e00-\u4e08 ]{1,20}$/).filter((n) => n !== '.' && n !== '..')
const requestArb: fc.Arbitrary<PreparedRequest> = fc
  .oneof(
    name.map((userName) => prepareRequest(getUser, { userName })),
    fc.record({ name, description: fc.string({ maxLength: 30 }) }).map((input) => prepareRequest(createUser, input)),
    fc.constant(prepareRequest(listUsers, {})),
    fc
      .integer({ min: 900, max: 100_000 })
      .map((durationSeconds) => prepareRequest(getSessionToken, { durationSeconds })),
  )
  .map((result) => result._unsafeUnwrap())

describe('RequestSigner against an independent bce-auth-v1', () => {
  it('the Authorization header and signed headers match the published algorithm', () => {
    fc.assert(
      fc.property(
        requestArb,
        fc.constantFrom('iam.bj.baidubce.com', '127.0.0.1:8080', '[::1]:4000'),
        fc.record({
          accessKeyId: fc.stringMatching(/^[a-z0-9]{1,32}$/),
          secretAccessKey: fc.string({ minLength: 1, maxLength: 40 }),
        }),
        fc.option(fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom(' tok ', '   ', 'a/b+c=')), {
          nil: undefined,
        }),
        fc.integer({ min: 946_684_800_000, max: 4_102_444_799_999 }),
        (prepared, host, keys, sessionToken, instant) => {
          const credentials = sessionToken === undefined ? keys : { ...keys, sessionToken }
          const request = new RequestSigner(host, 'ua/1').sign(prepared, credentials, instant)
          if (request === undefined) throw new Error('a valid instant was refused')
          const { headers } = request
          expect(headers['x-bce-date']).toBe(
            new Date(Math.floor(instant / 1000) * 1000).toISOString().replace('.000', ''),
          )
          const signed = ['host', 'x-bce-date']
          if (prepared.body !== undefined) {
            signed.push('content-type', 'content-length')
            expect(headers['content-type']).toBe('application/json; charset=utf-8')
            expect(headers['content-length']).toBe(String(prepared.body.length))
          } else {
            expect(headers).not.toHaveProperty('content-type')
            expect(headers).not.toHaveProperty('content-length')
          }
          if (sessionToken !== undefined && sessionToken.trim() !== '') signed.push('x-bce-security-token')
          if (sessionToken === undefined) expect(headers).not.toHaveProperty('x-bce-security-token')
          if (prepared.body === undefined) expect(request).not.toHaveProperty('body')
          else expect(request.body).toBe(prepared.body)
          expect(headers.authorization).toBe(
            expectedAuthorization(prepared.method, prepared.path, prepared.canonicalQuery, headers, signed, keys),
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('a known vector: GET /v1/user/alice at 2024-01-02T03:04:05Z', () => {
    const prepared = prepareRequest(getUser, { userName: 'alice' })._unsafeUnwrap()
    const request = new RequestSigner('iam.bj.baidubce.com', 'ua').sign(
      prepared,
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'SECRET' },
      Date.UTC(2024, 0, 2, 3, 4, 5, 678),
    )
    const prefix = 'bce-auth-v1/AKIDEXAMPLE/2024-01-02T03:04:05Z/1800'
    const canonical = 'GET\n/v1/user/alice\n\nhost:iam.bj.baidubce.com\nx-bce-date:2024-01-02T03%3A04%3A05Z'
    expect(request?.headers.authorization).toBe(
      `${prefix}/host;x-bce-date/${hmacHex(hmacHex('SECRET', prefix), canonical)}`,
    )
  })

  it('the signing key follows the secret and the second, within one signer', () => {
    const prepared = prepareRequest(listUsers, {})._unsafeUnwrap()
    const signer = new RequestSigner('h', 'ua')
    const at = Date.UTC(2024, 0, 1)
    const sign = (secretAccessKey: string, instant: number, sessionToken?: string) =>
      signer.sign(prepared, { accessKeyId: 'ak', secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }, instant)
        ?.headers.authorization
    const first = sign('s1', at)
    expect(sign('s2', at)).not.toBe(first)
    expect(sign('s1', at + 999)).toBe(first)
    expect(sign('s1', at + 1000)).not.toBe(first)
    expect(sign('s1', at, 't1')).not.toBe(sign('s1', at, 't2'))
    expect(sign('s1', at)).toBe(first)
  })
})
