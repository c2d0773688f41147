import { inspect } from 'node:util'
import { IamClient, type BceError } from '../../lib'
import { closedPort } from '../support/raw-server'
import { withEmulator } from '../support/emulator'

const SECRET = 'SuperSecretKey-0123456789abcdef'
const TOKEN = 'SessionToken-TOPSECRET-/+='

function renderings(value: unknown): string[] {
  return [JSON.stringify(value) ?? '', String(value), inspect(value, { depth: 10, showHidden: true })]
}

describe('secrets never reach errors, logs or renderings', () => {
  it('a client holding credentials renders without them', () => {
    const iam = new IamClient({ credentials: { accessKeyId: 'ak', secretAccessKey: SECRET, sessionToken: TOKEN } })
    for (const text of renderings(iam)) {
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain(TOKEN)
    }
  })

  it('errors from every failure path carry no secret, token or Authorization header', async () => {
    const fx = await withEmulator()
    const credentials = {
      accessKeyId: fx.emulator.credentials.accessKeyId,
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
    }
    const clients = [
      new IamClient({ endpoint: fx.emulator.endpoint, credentials, allowInsecureHttp: true }),
      new IamClient({ endpoint: await closedPort(), credentials, allowInsecureHttp: true }),
      new IamClient({ endpoint: 'http://example.com', credentials }),
      new IamClient({ credentials: { ...credentials, expiration: new Date(0) } }),
    ]
    const errors: BceError[] = []
    for (const iam of clients) {
      for (const result of [await iam.listUsers(), await iam.getUser({ userName: SECRET.replace(/-/g, '/') })]) {
        if (result.isErr()) errors.push(result.error)
      }
      await iam.close()
    }
    expect(errors.length).toBe(8)
    for (const error of errors) {
      for (const text of renderings(error)) {
        expect(text).not.toContain(SECRET)
        expect(text).not.toContain(TOKEN)
        expect(text).not.toContain('bce-auth-v1/')
      }
    }
    await fx.close()
  })

  it('String(error) is readable', async () => {
    const iam = new IamClient({
      endpoint: await closedPort(),
      credentials: { accessKeyId: 'a', secretAccessKey: SECRET },
      allowInsecureHttp: true,
    })
    const error = (await iam.listUsers())._unsafeUnwrapErr()
    expect(String(error)).toMatch(/^BceClientError Network in listUsers: transport failure/)
    await iam.close()
  })
})
