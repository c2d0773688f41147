import type { NewAccessKey, SessionCredentials } from '../../lib'
import { clientsFor, withEmulator, type EmulatorFixture } from '../support/emulator'
import type { Equal, Expect } from '../types/expect'
import { renderings } from '../support/renderings'

/**
 * `{ ...creds }` on a secret-bearing result keeps the secrets (as the type says) and the copy
 * renders as redacted as the original. Over sockets to the emulator.
 */
let fx: EmulatorFixture
const clients = clientsFor(() => fx)
beforeEach(async () => {
  fx = await withEmulator({ seed: 4 })
})
afterEach(async () => {
  await clients.closeAll()
  await fx.close()
})

/** A spread copy's type: the secrets and the redacting renderers are there, as at run time. */
type Spread<T> = { -readonly [K in keyof T]: T[K] }
export type SpreadKeepsSecrets = [
  Expect<Equal<Spread<NewAccessKey>['secret'], string>>,
  Expect<Equal<Spread<SessionCredentials>['sessionToken'], string>>,
  Expect<Equal<Spread<SessionCredentials>['toJSON'], () => Record<string, unknown>>>,
]

describe('spread copies of secret-bearing results', () => {
  it('a NewAccessKey copy keeps a usable secret, and neither it nor the original renders it', async () => {
    await fx.iam.createUser({ name: 'kim' })
    await fx.iam.attachPolicyToUser({ userName: 'kim', policyName: 'IAMReadAccess', policyType: 'System' })
    const key = (await fx.iam.createAccessKey({ userName: 'kim' }))._unsafeUnwrap()
    const copy = { ...key }
    const secret: string = copy.secret
    expect(secret).toBe(key.secret)
    expect(secret).toMatch(/^[0-9a-f]{32}$/)
    const relabelled = { ...key, description: 'copied' }
    for (const value of [key, copy, relabelled]) {
      for (const text of renderings(value)) {
        expect(text).not.toContain(key.secret)
        expect(text).toContain('[redacted]')
      }
    }
    // A copy renders its own fields: an added field shows, the secret stays hidden.
    expect(JSON.parse(JSON.stringify(relabelled))).toMatchObject({
      id: key.id,
      description: 'copied',
      secret: '[redacted]',
    })
    const asKim = clients.iamAs({ accessKeyId: copy.id, secretAccessKey: copy.secret })
    expect((await asKim.listUsers()).isOk()).toBe(true)
  })

  it('a SessionCredentials copy authenticates as credentials, and nothing renders the key or token', async () => {
    const credentials = (
      await clients.stsAs(fx.emulator.credentials).getSessionToken({ durationSeconds: 900 })
    )._unsafeUnwrap()
    const copy = { ...credentials }
    expect(copy.secretAccessKey).toBe(credentials.secretAccessKey)
    expect(copy.sessionToken).toBe(credentials.sessionToken)
    for (const value of [credentials, copy]) {
      for (const text of renderings(value)) {
        expect(text).not.toContain(credentials.secretAccessKey)
        expect(text).not.toContain(credentials.sessionToken)
      }
    }
    expect((await clients.iamAs(copy).listUsers()).isOk()).toBe(true)
  })
})
