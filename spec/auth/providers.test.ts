import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { errAsync, okAsync } from 'neverthrow'
import type { BceEvent } from '../../lib'
import type { Credentials } from '../../lib/auth/credentials'
import { credentialsError } from '../../lib/auth/credentials-error'
import { fromEnv } from '../../lib/auth/from-env'
import { fromProfile } from '../../lib/auth/from-profile'
import { chainProviders, defaultCredentials } from '../../lib/auth/provider-chain'
import { refreshingProvider } from '../../lib/auth/refreshing-provider'

const SECRET = 'secret-value-never-shown'

describe('fromEnv', () => {
  it('reads BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY and BCE_SECURITY_TOKEN', async () => {
    const env = { BCE_ACCESS_KEY_ID: 'ak', BCE_SECRET_ACCESS_KEY: SECRET, BCE_SECURITY_TOKEN: 'tok' }
    expect((await fromEnv(env)())._unsafeUnwrap()).toEqual({
      accessKeyId: 'ak',
      secretAccessKey: SECRET,
      sessionToken: 'tok',
    })
    expect(
      (await fromEnv({ BCE_ACCESS_KEY_ID: 'ak', BCE_SECRET_ACCESS_KEY: SECRET })())._unsafeUnwrap(),
    ).not.toHaveProperty('sessionToken')
  })
  it('names every missing variable', async () => {
    const error = (await fromEnv({ BCE_ACCESS_KEY_ID: '' })())._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'Credentials' })
    expect(error.message).toContain('BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY not set')
  })
})

describe('fromProfile (temporary files only)', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bce-profile-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  const write = async (content: unknown, mode = 0o600): Promise<string> => {
    const file = join(dir, 'config.json')
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content))
    await chmod(file, mode)
    return file
  }
  const doc = {
    current: 'dev',
    profiles: [
      { name: 'dev', mode: 'AK', access_key_id: 'dev-ak', secret_access_key: SECRET, region: 'bj' },
      { name: 'sts', mode: 'StsToken', access_key_id: 'sts-ak', secret_access_key: SECRET, security_token: 'tok' },
      { name: 'broken', mode: 'StsToken', access_key_id: 'x' },
    ],
  }

  it('picks the option, then BCE_PROFILE, then "current"', async () => {
    const file = await write(doc)
    expect((await fromProfile({ file, env: {} })())._unsafeUnwrap().accessKeyId).toBe('dev-ak')
    expect((await fromProfile({ file, env: { BCE_PROFILE: 'sts' } })())._unsafeUnwrap()).toEqual({
      accessKeyId: 'sts-ak',
      secretAccessKey: SECRET,
      sessionToken: 'tok',
    })
    expect(
      (await fromProfile({ file, env: { BCE_PROFILE: 'sts' }, profile: 'dev' })())._unsafeUnwrap().accessKeyId,
    ).toBe('dev-ak')
  })

  it.each([
    ['a missing file', undefined, /cannot be read \(ENOENT\)/],
    ['invalid JSON', '{"profiles": [', /not valid JSON/],
    ['no profiles array', { current: 'x' }, /expected \{"current"/],
    ['an unknown profile', { ...doc, current: 'nope' }, /no profile named "nope"/],
    ['missing fields', { ...doc, current: 'broken' }, /missing secret_access_key, security_token \(mode StsToken\)/],
  ])('%s is a clear Credentials error', async (_label, content, message) => {
    const file = content === undefined ? join(dir, 'absent.json') : await write(content)
    const error = (await fromProfile({ file, env: {} })())._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'Credentials' })
    expect(error.message).toMatch(message)
    expect(JSON.stringify(error) + inspect(error)).not.toContain(SECRET)
  })

  it('warns through observe when the file is readable by group or others', async () => {
    const file = await write(doc, 0o644)
    const events: BceEvent[] = []
    expect((await fromProfile({ file, env: {}, observe: (e) => events.push(e) })()).isOk()).toBe(true)
    expect(events).toEqual([
      expect.objectContaining({ type: 'warning', source: 'credentials', message: expect.stringMatching(/mode 644/) }),
    ])
    const quiet: BceEvent[] = []
    await chmod(file, 0o600)
    await fromProfile({ file, env: {}, observe: (e) => quiet.push(e) })()
    expect(quiet).toEqual([])
  })

  it('defaultCredentials: explicit → environment → profile, listing every failure', async () => {
    const file = await write(doc)
    const env = { BCE_ACCESS_KEY_ID: 'env-ak', BCE_SECRET_ACCESS_KEY: SECRET }
    expect(
      (
        await defaultCredentials({ credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, env, file })()
      )._unsafeUnwrap().accessKeyId,
    ).toBe('x')
    expect((await defaultCredentials({ env, file })())._unsafeUnwrap().accessKeyId).toBe('env-ak')
    expect((await defaultCredentials({ env: {}, file })())._unsafeUnwrap().accessKeyId).toBe('dev-ak')
    const error = (await defaultCredentials({ env: {}, file: join(dir, 'none.json') })())._unsafeUnwrapErr()
    expect(error.message).toMatch(/tried environment: .*not set; profile: .*cannot be read/)
  })
})

describe('chainProviders', () => {
  it('survives providers that throw or return garbage', async () => {
    const chain = chainProviders([
      {
        name: 'throws',
        provider: () => {
          throw new Error('boom')
        },
      },
      { name: 'garbage', provider: (() => 42) as never },
      { name: 'good', provider: () => okAsync({ accessKeyId: 'a', secretAccessKey: 'b' }) },
    ])
    expect((await chain())._unsafeUnwrap().accessKeyId).toBe('a')
  })
})

describe('refreshingProvider', () => {
  const temp = (id: number, issuedAt: number, lifetimeMs: number): Credentials & { createTime: Date } => ({
    accessKeyId: `ak-${id}`,
    secretAccessKey: SECRET,
    sessionToken: `tok-${id}`,
    createTime: new Date(issuedAt),
    expiration: new Date(issuedAt + lifetimeMs),
  })

  it('single flight: 200 concurrent callers with nothing cached cause one fetch', async () => {
    let fetches = 0
    const provider = refreshingProvider(() => {
      fetches += 1
      return okAsync(temp(fetches, Date.now(), 3600_000))
    })
    const results = await Promise.all(Array.from({ length: 200 }, () => provider()))
    expect(fetches).toBe(1)
    expect(new Set(results.map((r) => r._unsafeUnwrap().accessKeyId))).toEqual(new Set(['ak-1']))
  })

  it('refreshes within the margin once (in the background), serving the old credentials meanwhile', async () => {
    let clock = 0
    let fetches = 0
    const provider = refreshingProvider(
      () => {
        fetches += 1
        return okAsync(temp(fetches, clock, 3600_000))
      },
      { now: () => clock },
    )
    expect((await provider())._unsafeUnwrap().accessKeyId).toBe('ak-1')
    clock = 3600_000 - 60_000
    const during = await Promise.all(Array.from({ length: 50 }, () => provider()))
    expect(during.every((r) => r._unsafeUnwrap().accessKeyId === 'ak-1')).toBe(true)
    await new Promise((r) => setImmediate(r))
    expect(fetches).toBe(2)
    expect((await provider())._unsafeUnwrap().accessKeyId).toBe('ak-2')
  })

  it('keeps serving still-valid credentials when a refresh fails, and fails only once they expire', async () => {
    let clock = 0
    let healthy = true
    let fetches = 0
    const provider = refreshingProvider(
      () => {
        fetches += 1
        return healthy ? okAsync(temp(fetches, clock, 1000_000)) : errAsync(credentialsError('STS is down'))
      },
      { now: () => clock, refreshMarginMs: 300_000, retryRefreshAfterMs: 10_000 },
    )
    await provider()
    healthy = false
    clock = 800_000
    expect((await provider())._unsafeUnwrap().accessKeyId).toBe('ak-1')
    await new Promise((r) => setImmediate(r))
    clock = 805_000
    expect((await provider())._unsafeUnwrap().accessKeyId).toBe('ak-1')
    expect(fetches).toBe(2)
    clock = 1000_001
    const error = (await provider())._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'Credentials' })
    expect(error.message).toContain('STS is down')
  })

  it('measures lifetime on the issuer clock, so a skewed service clock does not break the cache', async () => {
    let fetches = 0
    const provider = refreshingProvider(() => {
      fetches += 1
      return okAsync(temp(fetches, Date.now() - 7200_000, 3600_000))
    })
    await provider()
    await provider()
    expect(fetches).toBe(1)
  })

  it('invalidate drops the cache', async () => {
    let fetches = 0
    const provider = refreshingProvider(() => {
      fetches += 1
      return okAsync(temp(fetches, Date.now(), 3600_000))
    })
    await provider()
    provider.invalidate()
    expect((await provider())._unsafeUnwrap().accessKeyId).toBe('ak-2')
  })
})
