import { inspect } from 'node:util'
import type { BceEvent } from '../../lib'
import { clientErrorOf, serviceErrorOf } from '../support/expect-error'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import { watchDeclaredKinds } from '../operation/declared-kinds'

const PASSWORD = 'Str0ng-Passw0rd!'
let fx: EmulatorFixture
const events: BceEvent[] = []
/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds((e) => events.push(e))
afterEach(() => declared.expectNone())
beforeEach(async () => {
  events.length = 0
  fx = await withEmulator({ seed: 4 }, { observe: declared.observe })
  await fx.iam.createUser({ name: 'lee' })
})
afterEach(async () => {
  await fx.close()
})

describe('login profile, MFA and sub-user updates (U6–U11)', () => {
  it('creates and merges a login profile; the password is never returned or logged', async () => {
    const created = (
      await fx.iam.updateLoginProfile({
        userName: 'lee',
        password: PASSWORD,
        enabledLogin: true,
        enabledLoginMfa: true,
        loginMfaType: 'TOTP',
      })
    )._unsafeUnwrap()
    expect(created).toMatchObject({ enabledLogin: true, enabledLoginMfa: true, loginMfaType: 'TOTP' })
    const merged = (await fx.iam.updateLoginProfile({ userName: 'lee', needResetPassword: true }))._unsafeUnwrap()
    expect(merged).toMatchObject({ enabledLoginMfa: true, needResetPassword: true })
    const read = (await fx.iam.getLoginProfile({ userName: 'lee' }))._unsafeUnwrap()
    expect(read.passwordExpireDate).toBeInstanceOf(Date)
    const log = fx.emulator.requestLog()
    const everything =
      JSON.stringify([created, merged, read, events, log]) + inspect([created, merged, read, events, log], { depth: 8 })
    expect(everything).not.toContain(PASSWORD)
  })

  it('validates password length before sending, without echoing it', async () => {
    const error = clientErrorOf(await fx.iam.updateLoginProfile({ userName: 'lee', password: 'short' }))
    expect(error.issues?.[0]).toEqual({
      path: 'input.password',
      expected: 'string of 8 to 64 characters',
      actual: '5 characters',
    })
    expect(JSON.stringify(error)).not.toContain('short')
    expect(clientErrorOf(await fx.iam.updateLoginProfile({ userName: 'lee', password: 'p'.repeat(65) })).reason).toBe(
      'InvalidInput',
    )
    expect(
      clientErrorOf(await fx.iam.updateLoginProfile({ userName: 'lee', loginMfaType: 'SMS' as never })).reason,
    ).toBe('InvalidInput')
  })

  it('deletes a login profile; a missing one is NotFound; a user with one cannot be deleted', async () => {
    expect(serviceErrorOf(await fx.iam.getLoginProfile({ userName: 'lee' })).kind).toBe('NotFound')
    await fx.iam.updateLoginProfile({ userName: 'lee', password: PASSWORD })
    expect(serviceErrorOf(await fx.iam.deleteUser({ userName: 'lee' })).code).toBe('DeleteConflict')
    expect((await fx.iam.deleteLoginProfile({ userName: 'lee' })).isOk()).toBe(true)
    expect(serviceErrorOf(await fx.iam.deleteLoginProfile({ userName: 'lee' })).kind).toBe('NotFound')
    expect((await fx.iam.deleteUser({ userName: 'lee' })).isOk()).toBe(true)
  })

  it('switches operation MFA and unbinds MFA devices', async () => {
    expect(
      (await fx.iam.setUserOperationMfa({ userName: 'lee', enabledMfa: true, mfaType: 'PHONE,TOTP' })).isOk(),
    ).toBe(true)
    expect(serviceErrorOf(await fx.iam.setUserOperationMfa({ userName: 'ghost', enabledMfa: true })).kind).toBe(
      'NotFound',
    )
    expect((await fx.iam.unbindUserMfaDevice({ userName: 'lee', mfaType: 'TOTP' })).isOk()).toBe(true)
    expect(clientErrorOf(await fx.iam.unbindUserMfaDevice({ userName: 'lee', mfaType: 'SMS' as never })).reason).toBe(
      'InvalidInput',
    )
  })

  it('updateSubUser changes the password and can disable the user', async () => {
    const user = (await fx.iam.updateSubUser({ userName: 'lee', password: PASSWORD, enable: false }))._unsafeUnwrap()
    expect(user).toMatchObject({ name: 'lee', enabled: false })
    expect(serviceErrorOf(await fx.iam.updateSubUser({ userName: 'ghost', enable: true })).kind).toBe('NotFound')
  })
})
