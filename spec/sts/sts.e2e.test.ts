import { inspect } from 'node:util'
import { fromAssumeRole, fromSessionToken, IamClient, StsClient, type Acl } from '../../lib'
import { clientErrorOf, serviceErrorOf } from '../support/expect-error'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
let sts: StsClient
const trust = (accountId: string): Acl => ({
  version: 'v1',
  accessControlList: [
    { service: 'bce:iam', region: '*', permission: ['AssumeRole'], effect: 'Allow', grantee: [{ id: accountId }] },
  ],
})

beforeEach(async () => {
  fx = await withEmulator({ seed: 21 }, { observe: declared.observe })
  sts = new StsClient({
    endpoint: fx.emulator.stsEndpoint,
    credentials: fx.emulator.credentials,
    allowInsecureHttp: true,
  })
  await fx.iam.createRole({ name: 'reader', assumeRolePolicyDocument: trust(fx.emulator.accountId) })
  await fx.iam.attachPolicyToRole({ roleName: 'reader', policyName: 'IAMReadAccess', policyType: 'System' })
})
afterEach(async () => {
  await sts.close()
  await fx.close()
})

/** Temporary credentials the emulator issued (a request rejected for clock skew issues none). */
const stsCalls = (): number =>
  fx.emulator
    .requestLog()
    .filter(
      (entry) => (entry.operation === 'assumeRole' || entry.operation === 'getSessionToken') && entry.status === 200,
    ).length

describe('STS (S1–S2)', () => {
  it('getSessionToken returns working temporary credentials whose secrets never render', async () => {
    const credentials = (await sts.getSessionToken({ durationSeconds: 900 }))._unsafeUnwrap()
    expect(credentials.accessKeyId).toBeTruthy()
    expect(credentials.expiration!.getTime() - credentials.createTime!.getTime()).toBe(900_000)
    const rendered = JSON.stringify(credentials) + String(credentials) + inspect(credentials, { showHidden: true })
    expect(rendered).not.toContain(credentials.secretAccessKey)
    expect(rendered).not.toContain(credentials.sessionToken)
    const iam = new IamClient({ endpoint: fx.emulator.endpoint, credentials, allowInsecureHttp: true })
    expect((await iam.listUsers()).isOk()).toBe(true)
    await iam.close()
  })

  it('assumeRole returns credentials of the role, usable by a client', async () => {
    const credentials = (
      await sts.assumeRole({ accountId: fx.emulator.accountId, roleName: 'reader', durationSeconds: 1200 })
    )._unsafeUnwrap()
    expect(credentials.roleId).toBeTruthy()
    const iam = new IamClient({ endpoint: fx.emulator.endpoint, credentials, allowInsecureHttp: true })
    expect((await iam.listUsers()).isOk()).toBe(true)
    await iam.close()
  })

  it('refuses unknown roles, foreign accounts, untrusted callers and out-of-range durations', async () => {
    expect(serviceErrorOf(await sts.assumeRole({ accountId: fx.emulator.accountId, roleName: 'ghost' })).kind).toBe(
      'NotFound',
    )
    expect(serviceErrorOf(await sts.assumeRole({ accountId: 'f'.repeat(32), roleName: 'reader' })).kind).toBe(
      'AccessDenied',
    )
    await fx.iam.updateRole({ roleName: 'reader', assumeRolePolicyDocument: trust('0'.repeat(32)) })
    expect(serviceErrorOf(await sts.assumeRole({ accountId: fx.emulator.accountId, roleName: 'reader' })).kind).toBe(
      'AccessDenied',
    )
    expect(
      clientErrorOf(
        await sts.assumeRole({ accountId: fx.emulator.accountId, roleName: 'reader', durationSeconds: 7201 }),
      ).reason,
    ).toBe('InvalidInput')
    expect(
      clientErrorOf(await sts.assumeRole({ accountId: fx.emulator.accountId, roleName: 'reader', durationSeconds: 0 }))
        .reason,
    ).toBe('InvalidInput')
    expect(clientErrorOf(await sts.getSessionToken({ durationSeconds: -1 })).reason).toBe('InvalidInput')
  })

  it('temporary credentials stop working when they expire on the emulator clock', async () => {
    const credentials = (await sts.getSessionToken({ durationSeconds: 900 }))._unsafeUnwrap()
    const iam = new IamClient({ endpoint: fx.emulator.endpoint, credentials, allowInsecureHttp: true })
    fx.emulator.setClockOffset(901_000)
    expect(serviceErrorOf(await iam.listUsers({}, { retry: false })).kind).toBe('AuthFailure')
    await iam.close()
  })
})

describe('refreshing STS providers against the emulator', () => {
  it('200 concurrent calls while the credentials are due for refresh cause exactly one STS call', async () => {
    const provider = fromAssumeRole({
      sts,
      accountId: fx.emulator.accountId,
      roleName: 'reader',
      durationSeconds: 900,
      refreshMarginMs: 1_000_000,
    })
    const iam = new IamClient({ endpoint: fx.emulator.endpoint, credentials: provider, allowInsecureHttp: true })
    expect((await iam.listUsers()).isOk()).toBe(true)
    expect(stsCalls()).toBe(1)
    const results = await Promise.all(Array.from({ length: 200 }, () => iam.listUsers()))
    expect(results.every((r) => r.isOk())).toBe(true)
    for (let waited = 0; stsCalls() < 2 && waited < 3000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(stsCalls()).toBe(2)
    await iam.close()
  })

  it('moving the emulator clock past expiry makes the provider refresh, and calls keep succeeding', async () => {
    const provider = fromSessionToken({ sts, durationSeconds: 900 })
    const iam = new IamClient({ endpoint: fx.emulator.endpoint, credentials: provider, allowInsecureHttp: true })
    expect((await iam.listUsers()).isOk()).toBe(true)
    fx.emulator.setClockOffset(2 * 3600_000)
    expect((await iam.listUsers()).isOk()).toBe(true)
    expect(stsCalls()).toBe(2)
    await iam.close()
  })

  it('a failing STS keeps the old credentials until they expire, then reports a Credentials error', async () => {
    let localNow = Date.now()
    const provider = fromAssumeRole({
      sts,
      accountId: fx.emulator.accountId,
      roleName: 'reader',
      durationSeconds: 900,
      now: () => localNow,
    })
    const iam = new IamClient({ endpoint: fx.emulator.endpoint, credentials: provider, allowInsecureHttp: true })
    expect((await iam.listUsers()).isOk()).toBe(true)
    await fx.iam.updateRole({ roleName: 'reader', assumeRolePolicyDocument: trust('0'.repeat(32)) })
    localNow += 700_000
    expect((await iam.listUsers()).isOk()).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await iam.listUsers()).isOk()).toBe(true)
    localNow += 300_000
    const error = clientErrorOf(await iam.listUsers())
    expect(error.reason).toBe('Credentials')
    expect(error.message).toMatch(/AccessDenied/)
    await iam.close()
  })
})
