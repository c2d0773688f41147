import { inspect } from 'node:util'
import { IamClient } from '../../lib'
import { clientErrorOf, serviceErrorOf } from '../support/expect-error'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
beforeEach(async () => {
  fx = await withEmulator({ seed: 11, limits: { accessKeysPerUser: 2 } }, { observe: declared.observe })
  await fx.iam.createUser({ name: 'kim' })
})
afterEach(async () => {
  await fx.close()
})

describe('access keys (K1–K5)', () => {
  it('creates a key whose secret is returned once, readable explicitly but hidden from every rendering', async () => {
    const key = (await fx.iam.createAccessKey({ userName: 'kim' }))._unsafeUnwrap()
    expect(key.id).toMatch(/^[0-9a-f]{32}$/)
    expect(key.secret).toMatch(/^[0-9a-f]{32}$/)
    expect(key.enabled).toBe(true)
    for (const text of [
      JSON.stringify(key),
      String(key),
      inspect(key, { showHidden: true, depth: 5 }),
      JSON.stringify({ ...key }),
    ]) {
      expect(text).not.toContain(key.secret)
    }
    const listed = (await fx.iam.listAccessKeys({ userName: 'kim' }))._unsafeUnwrap()
    expect(listed.map((k) => k.id)).toEqual([key.id])
    expect(listed[0]).not.toHaveProperty('secret')
  })

  it('a new key authenticates; disabled or deleted keys fail at once with InvalidAccessKeyId', async () => {
    const key = (await fx.iam.createAccessKey({ userName: 'kim' }))._unsafeUnwrap()
    await fx.iam.attachPolicyToUser({ userName: 'kim', policyName: 'AdministratorAccess', policyType: 'System' })
    const asKim = new IamClient({
      endpoint: fx.emulator.endpoint,
      credentials: { accessKeyId: key.id, secretAccessKey: key.secret },
      allowInsecureHttp: true,
    })
    expect((await asKim.listUsers()).isOk()).toBe(true)

    expect((await fx.iam.disableAccessKey({ userName: 'kim', accessKeyId: key.id }))._unsafeUnwrap()).toMatchObject({
      id: key.id,
      enabled: false,
    })
    expect(serviceErrorOf(await asKim.listUsers())).toMatchObject({ code: 'InvalidAccessKeyId', statusCode: 403 })

    expect((await fx.iam.enableAccessKey({ userName: 'kim', accessKeyId: key.id }))._unsafeUnwrap().enabled).toBe(true)
    expect((await asKim.listUsers()).isOk()).toBe(true)

    expect((await fx.iam.deleteAccessKey({ userName: 'kim', accessKeyId: key.id })).isOk()).toBe(true)
    expect(serviceErrorOf(await asKim.listUsers()).code).toBe('InvalidAccessKeyId')
    await asKim.close()
  })

  it('enforces the per-user key limit with LimitExceeded (not retried as throttling)', async () => {
    await fx.iam.createAccessKey({ userName: 'kim' })
    await fx.iam.createAccessKey({ userName: 'kim' })
    expect(serviceErrorOf(await fx.iam.createAccessKey({ userName: 'kim' }))).toMatchObject({
      kind: 'LimitExceeded',
      statusCode: 409,
      attempts: 1,
      retryable: false,
    })
  })

  it('reports unknown users and keys as NotFound', async () => {
    expect(serviceErrorOf(await fx.iam.createAccessKey({ userName: 'nobody' })).kind).toBe('NotFound')
    expect(serviceErrorOf(await fx.iam.listAccessKeys({ userName: 'nobody' })).kind).toBe('NotFound')
    for (const call of [fx.iam.disableAccessKey, fx.iam.enableAccessKey, fx.iam.deleteAccessKey]) {
      expect(serviceErrorOf(await call({ userName: 'kim', accessKeyId: 'f'.repeat(32) })).kind).toBe('NotFound')
    }
  })

  it('validates key ids before sending', async () => {
    expect(clientErrorOf(await fx.iam.deleteAccessKey({ userName: 'kim', accessKeyId: '..' })).reason).toBe(
      'InvalidInput',
    )
  })

  it('a user with keys cannot be deleted until they are gone', async () => {
    const key = (await fx.iam.createAccessKey({ userName: 'kim' }))._unsafeUnwrap()
    expect(serviceErrorOf(await fx.iam.deleteUser({ userName: 'kim' }))).toMatchObject({
      kind: 'Conflict',
      code: 'DeleteConflict',
    })
    await fx.iam.deleteAccessKey({ userName: 'kim', accessKeyId: key.id })
    expect((await fx.iam.deleteUser({ userName: 'kim' })).isOk()).toBe(true)
  })
})
