import fc from 'fast-check'
import { IamClient, StsClient, type Credentials } from '../../lib'
import { IdGenerator, MAX_SKIPPED } from '../../lib/emulator/ids'
import { withEmulator, type EmulatorFixture } from '../support/emulator'

describe('IdGenerator.next skips ids that are taken', () => {
  it('a reseeded generator skips the ids it handed out before, and stays deterministic', () => {
    const first = new IdGenerator(5)
    const taken = new Set([first.next(), first.next(), first.next()])
    const again = new IdGenerator(5)
    const fresh = again.next((id) => taken.has(id))
    expect(taken.has(fresh)).toBe(false)
    const replay = new IdGenerator(5)
    expect(replay.next((id) => taken.has(id))).toBe(fresh)
  })

  it('gives up on the sequence after MAX_SKIPPED taken ids in a row and answers a random free id', () => {
    const generator = new IdGenerator(1)
    let asked = 0
    const id = generator.next(() => {
      asked += 1
      return asked <= MAX_SKIPPED + 2
    })
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(asked).toBe(MAX_SKIPPED + 3)
  })
})

describe('reseed mid-run never reuses an id (E6, end to end)', () => {
  let fx: EmulatorFixture
  const clients: Array<IamClient | StsClient> = []
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()))
    await fx.close()
  })

  const iamAs = (credentials: Credentials): IamClient => {
    const client = new IamClient({ endpoint: fx.emulator.endpoint, credentials, allowInsecureHttp: true })
    clients.push(client)
    return client
  }

  it("after reseed(seed) a new user and key get fresh ids; the admin's id and key survive", async () => {
    fx = await withEmulator({ seed: 42 })
    fx.emulator.reseed(42)._unsafeUnwrap()
    const admin = (await fx.iam.createUser({ name: 'admin' }))._unsafeUnwrap()
    ;(
      await fx.iam.attachPolicyToUser({ userName: 'admin', policyName: 'IAMFullControlAccess', policyType: 'System' })
    )._unsafeUnwrap()
    const adminKey = (await fx.iam.createAccessKey({ userName: 'admin' }))._unsafeUnwrap()

    fx.emulator.reseed(42)._unsafeUnwrap()
    const newcomer = (await fx.iam.createUser({ name: 'newcomer' }))._unsafeUnwrap()
    const newKey = (await fx.iam.createAccessKey({ userName: 'newcomer' }))._unsafeUnwrap()

    expect(newcomer.id).not.toBe(admin.id)
    expect([adminKey.id, admin.id]).not.toContain(newKey.id)
    expect((await fx.iam.getUser({ userName: 'admin' }))._unsafeUnwrap().id).toBe(admin.id)
    const keys = (await fx.iam.listAccessKeys({ userName: 'admin' }))._unsafeUnwrap()
    expect(keys.map((key) => key.id)).toEqual([adminKey.id])
    // The admin's key still authenticates as the admin (a key overwritten by the newcomer's would not).
    const asAdmin = iamAs({ accessKeyId: adminKey.id, secretAccessKey: adminKey.secret })
    expect((await asAdmin.createUser({ name: 'made-by-admin' })).isOk()).toBe(true)
  })

  it('property: any interleaving of creates and reseeds yields distinct ids for all entities and keys', async () => {
    fx = await withEmulator({ seed: 3 })
    const step = fc.oneof(
      fc.constant({ kind: 'user' as const }),
      fc.constant({ kind: 'group' as const }),
      fc.constant({ kind: 'key' as const }),
      fc.integer({ min: 0, max: 3 }).map((seed) => ({ kind: 'reseed' as const, seed })),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        fx.emulator.reset()._unsafeUnwrap()
        const ids: string[] = [fx.emulator.accountId, fx.emulator.credentials.accessKeyId]
        let users = 0
        for (const [index, current] of steps.entries()) {
          if (current.kind === 'reseed') fx.emulator.reseed(current.seed)._unsafeUnwrap()
          else if (current.kind === 'user') {
            ids.push((await fx.iam.createUser({ name: `u${index}` }))._unsafeUnwrap().id)
            users += 1
          } else if (current.kind === 'group')
            ids.push((await fx.iam.createGroup({ name: `g${index}` }))._unsafeUnwrap().id)
          else if (users > 0) {
            const owner = (await fx.iam.listUsers())._unsafeUnwrap()[0]?.name ?? ''
            ids.push((await fx.iam.createAccessKey({ userName: owner }))._unsafeUnwrap().id)
          }
        }
        expect(new Set(ids).size).toBe(ids.length)
      }),
      { numRuns: 25 },
    )
  })
})
