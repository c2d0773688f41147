import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromProfile, IamClient, type BceEvent } from '../../lib'
import { withEmulator } from '../support/emulator'

describe('README recipes do what the README says', () => {
  it('a tiny backoff keeps injected 503s retried, with every wait within maxDelayMs', async () => {
    const events: BceEvent[] = []
    const fixture = await withEmulator({}, { retry: { baseDelayMs: 1, maxDelayMs: 5 }, observe: (e) => events.push(e) })
    try {
      await fixture.iam.createUser({ name: 'quick' })
      fixture.emulator
        .injectFaults([{ operation: 'getUser', fault: { type: 'status', status: 503 }, times: 2 }])
        ._unsafeUnwrap()
      const user = await fixture.iam.getUser({ userName: 'quick' })
      expect(user.isOk()).toBe(true)
      const attempts = events.filter((e) => e.type === 'attempt' && e.operation === 'getUser')
      expect(attempts.map((e) => (e.type === 'attempt' ? e.outcome : 'none'))).toEqual(['error', 'error', 'success'])
      for (const e of attempts) {
        if (e.type === 'attempt' && e.willRetry) expect(e.retryDelayMs).toBeLessThanOrEqual(5)
      }
    } finally {
      await fixture.close()
    }
  })

  it('the documented profile file format is read (current, AK and StsToken modes)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bce-profile-'))
    try {
      const file = join(dir, 'config.json')
      await writeFile(
        file,
        JSON.stringify({
          current: 'dev',
          profiles: [
            { name: 'dev', mode: 'AK', access_key_id: 'dev-ak', secret_access_key: 'dev-sk' },
            {
              name: 'ci',
              mode: 'StsToken',
              access_key_id: 'ci-ak',
              secret_access_key: 'ci-sk',
              security_token: 'ci-token',
            },
          ],
        }),
      )
      await chmod(file, 0o600)
      expect((await fromProfile({ file, env: {} })())._unsafeUnwrap()).toEqual({
        accessKeyId: 'dev-ak',
        secretAccessKey: 'dev-sk',
      })
      expect((await fromProfile({ file, env: { BCE_PROFILE: 'ci' } })())._unsafeUnwrap()).toEqual({
        accessKeyId: 'ci-ak',
        secretAccessKey: 'ci-sk',
        sessionToken: 'ci-token',
      })
      expect((await fromProfile({ file, profile: 'ci', env: { BCE_PROFILE: 'dev' } })())._unsafeUnwrap()).toMatchObject(
        { accessKeyId: 'ci-ak' },
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('IamClient.create is the place to see every configuration problem at once', () => {
    const created = IamClient.create({
      credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' },
      timeoutMs: 0,
      maxConnections: 0,
    })
    expect(created.isErr() ? created.error.issues?.length : 0).toBe(2)
  })
})
