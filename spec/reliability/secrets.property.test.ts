import fc from 'fast-check'
import { IamClient, StsClient, type BceEvent } from '../../lib'
import { closedPort } from '../support/raw-server'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import { watchDeclaredKinds } from '../operation/declared-kinds'
import { renderings } from '../support/renderings'

/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
let deadEndpoint: string
beforeAll(async () => {
  fx = await withEmulator({ seed: 13 }, { observe: declared.observe })
  deadEndpoint = await closedPort()
})
afterAll(async () => {
  await fx.close()
})

const secretArb = fc.stringMatching(/^[A-Za-z0-9+/=]{24,48}$/)

describe('no secret reaches an error, an event or a log line', () => {
  it('property: secret key, session token, password and Authorization stay out of every error path', async () => {
    await fc.assert(
      fc.asyncProperty(secretArb, secretArb, secretArb, async (secretKey, token, password) => {
        const events: BceEvent[] = []
        const logLines: string[] = []
        const observe = (e: BceEvent): void => {
          events.push(e)
          logLines.push(JSON.stringify(e))
        }
        const base = {
          accessKeyId: fx.emulator.credentials.accessKeyId,
          secretAccessKey: secretKey,
          sessionToken: token,
        }
        const clients = [
          new IamClient({
            endpoint: fx.emulator.endpoint,
            credentials: base,
            allowInsecureHttp: true,
            observe,
            retry: false,
          }),
          new IamClient({
            endpoint: fx.emulator.endpoint,
            credentials: { accessKeyId: 'unknown-ak', secretAccessKey: secretKey },
            allowInsecureHttp: true,
            observe,
            retry: false,
          }),
          new IamClient({
            endpoint: deadEndpoint,
            credentials: base,
            allowInsecureHttp: true,
            observe,
            retry: { maxAttempts: 2, baseDelayMs: 1 },
          }),
          new IamClient({ endpoint: 'http://insecure.example', credentials: base, observe }),
          new IamClient({ credentials: { ...base, expiration: new Date(0) }, observe }),
        ]
        const sts = new StsClient({
          endpoint: fx.emulator.stsEndpoint,
          credentials: base,
          allowInsecureHttp: true,
          observe,
          retry: false,
        })
        const errors: unknown[] = []
        for (const iam of clients) {
          for (const result of [
            await iam.listUsers(),
            await iam.updateLoginProfile({ userName: 'nobody', password }),
            await iam.updateLoginProfile({ userName: 'nobody', password: password.slice(0, 5) }),
            await iam.createUser({ name: secretKey.replace(/[+/=]/g, '/') }),
          ]) {
            if (result.isErr()) errors.push(result.error)
          }
          await iam.close()
        }
        const session = await sts.getSessionToken({ acl: `{"broken": "${secretKey}"` })
        if (session.isErr()) errors.push(session.error)
        await sts.close()
        expect(errors.length).toBeGreaterThanOrEqual(20)
        const everything = [...errors, ...events]
          .flatMap(renderings)
          .concat(logLines, renderings(fx.emulator.requestLog()))
        for (const text of everything) {
          expect(text).not.toContain(secretKey)
          expect(text).not.toContain(token)
          expect(text).not.toContain(password)
          expect(text).not.toContain('bce-auth-v1/')
        }
      }),
      { numRuns: 15 },
    )
  })
})
