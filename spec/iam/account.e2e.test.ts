import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IamClient, type Acl } from '../../lib'
import { clientsFor, withEmulator, type EmulatorFixture } from '../support/emulator'
import { serviceErrorOf } from '../support/expect-error'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's root client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

const HOUR = 3_600_000
let fx: EmulatorFixture
const clients = clientsFor(() => fx)
beforeEach(async () => {
  fx = await withEmulator({ seed: 41, limits: { usersPerAccount: 7 } }, { observe: declared.observe })
  await fx.iam.createUser({ name: 'kim' })
})
afterEach(async () => {
  await clients.closeAll()
  await fx.close()
})

/** A client signing with a new access key of `userName`, optionally holding a System policy first. */
async function clientOf(userName: string, systemPolicy?: string) {
  if (systemPolicy !== undefined)
    await fx.iam.attachPolicyToUser({ userName, policyName: systemPolicy, policyType: 'System' })
  const key = (await fx.iam.createAccessKey({ userName }))._unsafeUnwrap()
  return { key, iam: clients.iamAs({ accessKeyId: key.id, secretAccessKey: key.secret }) }
}

const readBos: Acl = {
  accessControlList: [
    { service: 'bce:bos', region: 'bj', resource: ['logs/*'], permission: ['READ'], effect: 'Allow' },
  ],
}

describe('getAccessKeyLastUsedTime (K6)', () => {
  it('a key never used has no lastUsedTime; every authenticated request moves it, as listAccessKeys shows', async () => {
    const { key, iam: asKim } = await clientOf('kim', 'IAMReadAccess')
    const unused = (await fx.iam.getAccessKeyLastUsedTime({ accessKeyId: key.id }))._unsafeUnwrap()
    expect(unused).toEqual({ accessKeyId: key.id })

    expect((await asKim.listUsers()).isOk()).toBe(true)
    const first = (await fx.iam.getAccessKeyLastUsedTime({ accessKeyId: key.id }))._unsafeUnwrap().lastUsedTime
    expect(first).toBeInstanceOf(Date)

    fx.emulator.setClockOffset(HOUR)._unsafeUnwrap()
    expect((await asKim.getUser({ userName: 'kim' })).isOk()).toBe(true)
    const second = (await fx.iam.getAccessKeyLastUsedTime({ accessKeyId: key.id }))._unsafeUnwrap().lastUsedTime
    expect(second!.getTime() - first!.getTime()).toBeGreaterThanOrEqual(HOUR)
    const listed = (await fx.iam.listAccessKeys({ userName: 'kim' }))._unsafeUnwrap()
    expect(listed[0]?.lastUsedTime).toEqual(second)
  })

  it('answers for the root key pair too (the asking request is itself a use)', async () => {
    const root = fx.emulator.credentials.accessKeyId
    const answer = (await fx.iam.getAccessKeyLastUsedTime({ accessKeyId: root }))._unsafeUnwrap()
    expect(answer.accessKeyId).toBe(root)
    expect(answer.lastUsedTime).toBeInstanceOf(Date)
  })

  it('an unknown key, a deleted key and temporary credentials are NotFound', async () => {
    expect(serviceErrorOf(await fx.iam.getAccessKeyLastUsedTime({ accessKeyId: 'f'.repeat(32) }))).toMatchObject({
      kind: 'NotFound',
      statusCode: 404,
    })
    const { key } = await clientOf('kim')
    await fx.iam.deleteAccessKey({ userName: 'kim', accessKeyId: key.id })
    expect(serviceErrorOf(await fx.iam.getAccessKeyLastUsedTime({ accessKeyId: key.id })).kind).toBe('NotFound')
    const session = (
      await clients.stsAs(fx.emulator.credentials).getSessionToken({ durationSeconds: 900 })
    )._unsafeUnwrap()
    expect(serviceErrorOf(await fx.iam.getAccessKeyLastUsedTime({ accessKeyId: session.accessKeyId })).kind).toBe(
      'NotFound',
    )
  })

  it('a sub-user without READ on the account is denied; with IAMReadAccess it may ask', async () => {
    const { key, iam: bare } = await clientOf('kim')
    expect(serviceErrorOf(await bare.getAccessKeyLastUsedTime({ accessKeyId: key.id }))).toMatchObject({
      kind: 'AccessDenied',
      statusCode: 403,
    })
    await fx.iam.attachPolicyToUser({ userName: 'kim', policyName: 'IAMReadAccess', policyType: 'System' })
    expect((await bare.getAccessKeyLastUsedTime({ accessKeyId: key.id }))._unsafeUnwrap().lastUsedTime).toBeInstanceOf(
      Date,
    )
  })

  it('recording a use writes nothing to the journal; the snapshot at close keeps it across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bce-iam-lastused-'))
    const stateFile = join(dir, 'state.json')
    try {
      const first = await withEmulator({ seed: 42, stateFile })
      await first.iam.createUser({ name: 'pat' })
      await first.iam.attachPolicyToUser({ userName: 'pat', policyName: 'IAMReadAccess', policyType: 'System' })
      const key = (await first.iam.createAccessKey({ userName: 'pat' }))._unsafeUnwrap()
      const journal = (): string => readFileSync(`${stateFile}.journal`, 'utf8')
      const before = journal()
      const asPat = new IamClient({
        endpoint: first.emulator.endpoint,
        credentials: { accessKeyId: key.id, secretAccessKey: key.secret },
        allowInsecureHttp: true,
      })
      for (let i = 0; i < 3; i += 1) expect((await asPat.listUsers()).isOk()).toBe(true)
      expect(journal()).toBe(before)
      const used = (await first.iam.getAccessKeyLastUsedTime({ accessKeyId: key.id }))._unsafeUnwrap().lastUsedTime
      await asPat.close()
      await first.close()

      const second = await withEmulator({ stateFile })
      const after = (await second.iam.getAccessKeyLastUsedTime({ accessKeyId: key.id }))._unsafeUnwrap()
      await second.close()
      expect(after.lastUsedTime).toEqual(used)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('getAccountSummary (A1)', () => {
  it('reports the configured limits and live counts that follow creates and deletes', async () => {
    const start = (await fx.iam.getAccountSummary())._unsafeUnwrap()
    expect(start).toEqual({
      accountId: fx.emulator.accountId,
      limitInfo: { userLimit: 7, groupLimit: 50, subUserOfGroupLimit: 20, groupMaxAttachPolicyLimit: 5, akskLimit: 20 },
      countInfo: { userCount: 1, policyCount: 0, groupCount: 0 },
    })
    await fx.iam.createUser({ name: 'lee' })
    await fx.iam.createGroup({ name: 'ops' })
    await fx.iam.createPolicy({ name: 'read-bos', document: readBos })
    expect((await fx.iam.getAccountSummary())._unsafeUnwrap().countInfo).toEqual({
      userCount: 2,
      policyCount: 1,
      groupCount: 1,
    })
    await fx.iam.deleteUser({ userName: 'kim' })
    await fx.iam.deleteGroup({ groupName: 'ops' })
    await fx.iam.deletePolicy({ policyName: 'read-bos' })
    expect((await fx.iam.getAccountSummary())._unsafeUnwrap().countInfo).toEqual({
      userCount: 1,
      policyCount: 0,
      groupCount: 0,
    })
    fx.emulator.setLimits({ accessKeysPerUser: 3 })._unsafeUnwrap()
    expect((await fx.iam.getAccountSummary())._unsafeUnwrap().limitInfo?.akskLimit).toBe(3)
  })

  it('a sub-user without READ on the account is denied', async () => {
    const { iam: bare } = await clientOf('kim')
    expect(serviceErrorOf(await bare.getAccountSummary())).toMatchObject({ kind: 'AccessDenied', statusCode: 403 })
  })
})
