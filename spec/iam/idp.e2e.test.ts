import { clientErrorOf } from '../support/expect-error'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import { codecReader } from '../../lib/decode/reader'
import { idpCodec } from '../../lib/iam/idp-model'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
beforeEach(async () => {
  fx = await withEmulator({ seed: 8 }, { observe: declared.observe })
})
afterEach(async () => {
  await fx.close()
})

describe('sub-user SSO identity provider (I1–I4)', () => {
  it('reads, enables, updates and deletes the IdP', async () => {
    expect((await fx.iam.getSubUserIdp())._unsafeUnwrap().status).toBe('disable')
    expect((await fx.iam.updateSubUserIdpStatus({ status: 'enable' }))._unsafeUnwrap().status).toBe('enable')
    const updated = (
      await fx.iam.updateSubUserIdp({ fileName: 'meta.xml', encodeMetadata: 'PD94bWw=', auxiliaryDomain: 'corp' })
    )._unsafeUnwrap()
    expect(updated).toMatchObject({
      fileName: 'meta.xml',
      encodeMetadata: 'PD94bWw=',
      auxiliaryDomain: 'corp',
      status: 'enable',
    })
    expect((await fx.iam.deleteSubUserIdp()).isOk()).toBe(true)
    expect((await fx.iam.getSubUserIdp())._unsafeUnwrap()).toMatchObject({ status: 'disable' })
    expect(clientErrorOf(await fx.iam.updateSubUserIdpStatus({ status: 'on' as never })).reason).toBe('InvalidInput')
  })

  it('decodes both the flat and the wrapped IdP body the official SDKs disagree on', () => {
    const reader = codecReader(idpCodec)
    if (reader.kind !== 'json') throw new Error('json reader expected')
    const flat = { status: 'enable', fileName: 'a', createTime: '2024-01-01T00:00:00Z' }
    expect(reader.read(flat)._unsafeUnwrap()).toMatchObject({ status: 'enable', fileName: 'a' })
    expect(reader.read({ idp: flat })._unsafeUnwrap()).toMatchObject({ status: 'enable', fileName: 'a' })
    expect(reader.read({ idp: { status: 5 } }).isErr()).toBe(true)
  })
})
