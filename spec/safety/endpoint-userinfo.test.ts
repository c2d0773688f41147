import fc from 'fast-check'
import { IamClient, StsClient } from '../../lib'
import { renderings } from '../support/renderings'

const credentials = { accessKeyId: 'ak', secretAccessKey: 'sk' }

/** User info parts carry a marker, so finding them in a message cannot be a coincidence. */
const part = (marker: string): fc.Arbitrary<string> => fc.string({ maxLength: 20 }).map((s) => `${marker}${s}`)

const hostArb = fc.oneof(
  fc.constantFrom('iam.example.com', 'iam.example.com:8443', '127.0.0.1', '[::1]:80'),
  // Hosts that make the whole URL invalid, so the parser's error path is taken.
  fc.constantFrom('bad host', 'iam.example.com:99999', 'exa mple.com', '%zz', '[::1', ''),
  fc.string({ maxLength: 12 }).filter((s) => !s.includes('@')),
)

const endpointArb = fc
  .record({
    scheme: fc.constantFrom('https://', 'http://', 'ftp://', '', 'https:/', 'https:\\\\', 'HTTPS://'),
    user: part('Usr7q'),
    password: fc.option(part('Pwd9z'), { nil: undefined }),
    host: hostArb,
    tail: fc.constantFrom('', '/', '/path', '?q=1', '#frag', ' '),
  })
  .map((e) => ({
    ...e,
    endpoint: `${e.scheme}${e.user}${e.password === undefined ? '' : `:${e.password}`}@${e.host}${e.tail}`,
  }))

describe('an endpoint with user info never echoes it (issue 11, SDK 8)', () => {
  it('a URL that does not parse still hides user and password', () => {
    const error = IamClient.create({
      credentials,
      endpoint: 'https://admin:hunter2-secret@bad host',
    })._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'InvalidConfig' })
    expect(error.message).toContain('bad host')
    for (const text of renderings(error)) {
      expect(text).not.toContain('hunter2-secret')
      expect(text).not.toContain('admin')
    }
  })

  it('property: neither the user nor the password appears in the error, from create() or from a call', async () => {
    await fc.assert(
      fc.asyncProperty(endpointArb, async ({ endpoint, user, password }) => {
        const created = IamClient.create({ credentials, endpoint, allowInsecureHttp: true })
        expect(created.isErr()).toBe(true)
        const called = await new StsClient({ credentials, endpoint, allowInsecureHttp: true }).getSessionToken()
        for (const error of [created._unsafeUnwrapErr(), called._unsafeUnwrapErr()]) {
          expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'InvalidConfig' })
          for (const text of renderings(error)) {
            expect(text).not.toContain(user)
            if (password !== undefined) expect(text).not.toContain(password)
          }
        }
      }),
      { numRuns: 500 },
    )
  })
})
