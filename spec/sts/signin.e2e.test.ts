import { inspect } from 'node:util'
import { StsClient } from '../../lib'
import { clientsFor, withEmulator, type EmulatorFixture } from '../support/emulator'
import { serviceErrorOf } from '../support/expect-error'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's root client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
let sts: StsClient
const clients = clientsFor(() => fx)
beforeEach(async () => {
  fx = await withEmulator({ seed: 33 }, { observe: declared.observe })
  sts = new StsClient({
    endpoint: fx.emulator.stsEndpoint,
    credentials: fx.emulator.credentials,
    allowInsecureHttp: true,
    observe: declared.observe,
  })
})
afterEach(async () => {
  await clients.closeAll()
  await sts.close()
  await fx.close()
})

/** A sub-user with a key pair, and an STS client signing with it. */
async function subUser(name: string) {
  const user = (await fx.iam.createUser({ name }))._unsafeUnwrap()
  const key = (await fx.iam.createAccessKey({ userName: name }))._unsafeUnwrap()
  return { user, sts: clients.stsAs({ accessKeyId: key.id, secretAccessKey: key.secret }) }
}

describe('getSigninSecurityToken (S3)', () => {
  it('answers {userId, sessionToken, createTime, expiration} with an empty body; the token never renders', async () => {
    const token = (await sts.getSigninSecurityToken())._unsafeUnwrap()
    expect(token.userId).toBe(fx.emulator.accountId)
    expect(token.sessionToken.length).toBeGreaterThan(20)
    expect(token.expiration!.getTime()).toBeGreaterThan(token.createTime!.getTime())
    expect(token).not.toHaveProperty('accessKeyId')
    const rendered =
      JSON.stringify(token) + String(token) + inspect(token, { showHidden: true }) + JSON.stringify({ ...token })
    expect(rendered).not.toContain(token.sessionToken)
    expect(rendered).toContain('[redacted]')
    const sent = fx.emulator.requestLog().filter((entry) => entry.operation === 'getSigninSecurityToken')
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/signinSecurityToken', query: '', status: 200 }])
  })

  it('the root account may name a sub-user by id; a sub-user gets its own token', async () => {
    const { user, sts: asAda } = await subUser('ada')
    expect((await sts.getSigninSecurityToken({ userId: user.id }))._unsafeUnwrap().userId).toBe(user.id)
    expect((await asAda.getSigninSecurityToken())._unsafeUnwrap().userId).toBe(user.id)
    expect((await asAda.getSigninSecurityToken({ userId: user.id }))._unsafeUnwrap().userId).toBe(user.id)
  })

  it('an unknown userId is NotFound', async () => {
    expect(serviceErrorOf(await sts.getSigninSecurityToken({ userId: 'f'.repeat(32) }))).toMatchObject({
      kind: 'NotFound',
      statusCode: 404,
    })
  })

  it("a sub-user asking for another user's token, and temporary credentials, are denied", async () => {
    const { sts: asAda } = await subUser('ada')
    const { user: bob } = await subUser('bob')
    expect(serviceErrorOf(await asAda.getSigninSecurityToken({ userId: bob.id }))).toMatchObject({
      kind: 'AccessDenied',
      statusCode: 403,
    })
    expect(serviceErrorOf(await asAda.getSigninSecurityToken({ userId: fx.emulator.accountId })).kind).toBe(
      'AccessDenied',
    )
    const session = (await sts.getSessionToken({ durationSeconds: 900 }))._unsafeUnwrap()
    expect(serviceErrorOf(await clients.stsAs(session).getSigninSecurityToken())).toMatchObject({
      kind: 'AccessDenied',
      statusCode: 403,
    })
  })
})
