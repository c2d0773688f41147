import { StsClient, type Acl } from '../../lib'
import { clientsFor, withEmulator, type EmulatorFixture } from '../support/emulator'
import { serviceErrorOf } from '../support/expect-error'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's root client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
const clients = clientsFor(() => fx)
beforeEach(async () => {
  fx = await withEmulator({ seed: 14 }, { observe: declared.observe })
  await fx.iam.createUser({ name: 'lee' })
})
afterEach(async () => {
  await clients.closeAll()
  await fx.close()
})

const readBos: Acl = {
  accessControlList: [
    { service: 'bce:bos', region: 'bj', resource: ['logs/*'], permission: ['READ'], effect: 'Allow' },
  ],
}

/** A sub-user client for `lee` holding AdministratorAccess. */
async function leeAsAdmin(): Promise<ReturnType<typeof clients.iamAs>> {
  await fx.iam.attachPolicyToUser({ userName: 'lee', policyName: 'AdministratorAccess', policyType: 'System' })
  const key = (await fx.iam.createAccessKey({ userName: 'lee' }))._unsafeUnwrap()
  return clients.iamAs({ accessKeyId: key.id, secretAccessKey: key.secret })
}

describe('fidelity with the official SDKs (issue #14)', () => {
  it('updateUser sends contact; the user carries it from then on, other updates keep it', async () => {
    const updated = (await fx.iam.updateUser({ userName: 'lee', contact: 'lee@example.com' }))._unsafeUnwrap()
    expect(updated.contact).toBe('lee@example.com')
    expect((await fx.iam.getUser({ userName: 'lee' }))._unsafeUnwrap().contact).toBe('lee@example.com')
    const described = (await fx.iam.updateUser({ userName: 'lee', description: 'sre' }))._unsafeUnwrap()
    expect(described).toMatchObject({ description: 'sre', contact: 'lee@example.com' })
    expect((await fx.iam.listUsers())._unsafeUnwrap()[0]?.contact).toBe('lee@example.com')
  })

  it('setUserOperationMfa without userName applies to the calling sub-user; the root account must name one', async () => {
    const lee = await leeAsAdmin()
    expect((await lee.setUserOperationMfa({ enabledMfa: true, mfaType: 'TOTP' })).isOk()).toBe(true)
    expect(serviceErrorOf(await fx.iam.setUserOperationMfa({ enabledMfa: true }))).toMatchObject({
      kind: 'InvalidRequest',
      statusCode: 400,
      code: 'InvalidParameter',
    })
    expect((await fx.iam.setUserOperationMfa({ userName: 'lee', enabledMfa: false })).isOk()).toBe(true)
  })

  it('deletePolicy sends no query parameter (no official SDK sends policyType) even when a caller passes one', async () => {
    await fx.iam.createPolicy({ name: 'read-bos', document: readBos })
    // A caller still passing policyType (no longer part of the input type) sends nothing extra.
    const legacy = { policyName: 'read-bos', policyType: 'Custom' } as unknown as { policyName: string }
    expect((await fx.iam.deletePolicy(legacy)).isOk()).toBe(true)
    const sent = fx.emulator.requestLog().filter((entry) => entry.operation === 'deletePolicy')
    expect(sent.map((entry) => entry.query)).toEqual([''])
  })

  it("updatePolicy with document '' keeps the current document, as the Go SDK's description-only update expects", async () => {
    const created = (await fx.iam.createPolicy({ name: 'read-bos', document: readBos }))._unsafeUnwrap()
    const updated = (
      await fx.iam.updatePolicy({ policyName: 'read-bos', description: 'changed', document: '' })
    )._unsafeUnwrap()
    expect(updated.description).toBe('changed')
    expect(updated.document).toBe(created.document)
    expect((await fx.iam.getPolicy({ policyName: 'read-bos' }))._unsafeUnwrap().document).toBe(created.document)
  })

  it('assumeRole without durationSeconds lasts 7200 s, the official Go SDK default', async () => {
    const trust: Acl = {
      version: 'v1',
      accessControlList: [
        {
          service: 'bce:iam',
          region: '*',
          permission: ['AssumeRole'],
          effect: 'Allow',
          grantee: [{ id: fx.emulator.accountId }],
        },
      ],
    }
    await fx.iam.createRole({ name: 'reader', assumeRolePolicyDocument: trust })
    const sts = new StsClient({
      endpoint: fx.emulator.stsEndpoint,
      credentials: fx.emulator.credentials,
      allowInsecureHttp: true,
    })
    const credentials = (await sts.assumeRole({ accountId: fx.emulator.accountId, roleName: 'reader' }))._unsafeUnwrap()
    await sts.close()
    expect(credentials.expiration!.getTime() - credentials.createTime!.getTime()).toBe(7_200_000)
  })
})
