import { ok, type Result } from 'neverthrow'
import { acl, allow, apiKeyPages, IamClient, paginate, type ApiKey, type BceError } from '../../lib'
import { clientErrorOf, serviceErrorOf } from '../support/expect-error'
import { sendRawSigned, type RawSignedResponse } from '../support/raw-signed'
import { clientsFor, createSubUser, withEmulator, type EmulatorFixture } from '../support/emulator'
import { watchDeclaredKinds } from '../operation/declared-kinds'
import { renderings } from '../support/renderings'

/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
const { iamAs, closeAll } = clientsFor(() => fx)
beforeEach(async () => {
  fx = await withEmulator({ seed: 14, limits: { apiKeysPerUser: 3 } }, { observe: declared.observe })
})
afterEach(async () => {
  await closeAll()
  await fx.close()
})

const APP = acl(allow({ service: 'bce:ai_apaas', region: 'global', resource: 'app/46484bef', permission: 'UseApp' }))
const MODELS = acl(allow({ service: 'bce:wenxinfactory', region: 'global', resource: '*', permission: '*' }))

describe('permanent API keys (A1–A6)', () => {
  it('create answers the key in plain text, readable explicitly and hidden from every rendering', async () => {
    const key = (await fx.iam.createApiKey({ acl: APP, name: 'bot' }))._unsafeUnwrap()
    expect(key.id).toMatch(/^[0-9a-f]{32}$/)
    expect(key.tokenId).toMatch(/^bce-v3\/ALTAK-/)
    expect(key).toMatchObject({ name: 'bot', userId: fx.emulator.accountId, services: ['bce:ai_apaas'] })
    expect(key.acl?.accessControlList[0]).toMatchObject({ service: 'bce:ai_apaas', resource: ['app/46484bef'] })
    expect(key.createTime).toBeInstanceOf(Date)
    for (const text of renderings(key)) {
      expect(text).not.toContain(key.tokenId as string)
      expect(text).toContain(key.id)
    }
    expect(String(key)).toContain('[redacted]')
  })

  it('list, detail and update show the key masked; decrypt shows it in plain text (never rendered)', async () => {
    const created = (await fx.iam.createApiKey({ acl: APP }))._unsafeUnwrap()
    const page = (await fx.iam.listApiKeys({}))._unsafeUnwrap()
    expect(page).toMatchObject({ pageNo: 1, totalCount: 1 })
    expect(page.result.map((key) => key.id)).toEqual([created.id])
    expect(page.result[0]?.tokenId).toBe(`****${(created.tokenId as string).slice(-4)}`)

    const detail = (await fx.iam.getApiKey({ id: created.id }))._unsafeUnwrap()
    expect(detail).toMatchObject({ id: created.id, domainId: fx.emulator.accountId, services: ['bce:ai_apaas'] })
    expect(detail.tokenId).not.toBe(created.tokenId)

    const plain = (await fx.iam.decryptApiKey({ id: created.id }))._unsafeUnwrap()
    expect(plain.tokenId).toBe(created.tokenId)
    for (const text of renderings(plain)) expect(text).not.toContain(created.tokenId as string)

    const updated = (await fx.iam.updateApiKey({ id: created.id, acl: JSON.stringify(MODELS) }))._unsafeUnwrap()
    expect(updated.services).toEqual(['bce:wenxinfactory'])
    expect((await fx.iam.getApiKey({ id: created.id }))._unsafeUnwrap().services).toEqual(['bce:wenxinfactory'])
    expect((await fx.iam.listApiKeys({ service: ['bce:ai_apaas'] }))._unsafeUnwrap().result).toEqual([])
  })

  it("manages a sub-user's keys by userId; delete removes the key at once", async () => {
    const { id: userId } = await createSubUser(fx.iam, 'kim')
    const key = (await fx.iam.createApiKey({ userId, acl: APP }))._unsafeUnwrap()
    expect(key.userId).toBe(userId)
    expect((await fx.iam.listApiKeys({}))._unsafeUnwrap().totalCount).toBe(0)
    expect((await fx.iam.listApiKeys({ userId }))._unsafeUnwrap().result.map((k) => k.id)).toEqual([key.id])
    // The key belongs to kim: naming the root's own keys does not find it.
    expect(serviceErrorOf(await fx.iam.getApiKey({ id: key.id })).kind).toBe('NotFound')
    expect((await fx.iam.deleteApiKey({ id: key.id, userId })).isOk()).toBe(true)
    expect(serviceErrorOf(await fx.iam.decryptApiKey({ id: key.id, userId })).kind).toBe('NotFound')
  })

  it('a user with API keys cannot be deleted until they are gone (Conflict)', async () => {
    const { id: userId, credentials } = await createSubUser(fx.iam, 'lee')
    const key = (await fx.iam.createApiKey({ userId, acl: APP }))._unsafeUnwrap()
    await fx.iam.deleteAccessKey({ userName: 'lee', accessKeyId: credentials.accessKeyId })
    expect(serviceErrorOf(await fx.iam.deleteUser({ userName: 'lee' }))).toMatchObject({ kind: 'Conflict' })
    await fx.iam.deleteApiKey({ id: key.id, userId })
    expect((await fx.iam.deleteUser({ userName: 'lee' })).isOk()).toBe(true)
  })

  it('reports unknown keys and users as NotFound', async () => {
    const missing = 'f'.repeat(32)
    for (const call of [fx.iam.getApiKey, fx.iam.deleteApiKey, fx.iam.decryptApiKey])
      expect(serviceErrorOf(await call({ id: missing })).kind).toBe('NotFound')
    expect(serviceErrorOf(await fx.iam.updateApiKey({ id: missing, acl: APP })).kind).toBe('NotFound')
    expect(serviceErrorOf(await fx.iam.createApiKey({ userId: missing, acl: APP })).kind).toBe('NotFound')
    expect(serviceErrorOf(await fx.iam.listApiKeys({ userId: missing })).kind).toBe('NotFound')
  })

  it('enforces the per-user key limit with LimitExceeded (never retried)', async () => {
    for (let i = 0; i < 3; i += 1) (await fx.iam.createApiKey({ acl: APP }))._unsafeUnwrap()
    expect(serviceErrorOf(await fx.iam.createApiKey({ acl: APP }))).toMatchObject({
      kind: 'LimitExceeded',
      statusCode: 409,
      attempts: 1,
    })
  })

  it('rejects invalid input before sending: a missing or malformed ACL, a bad page', async () => {
    fx.emulator.clearRequestLog()
    // @ts-expect-error acl is required
    expect(clientErrorOf(await fx.iam.createApiKey({})).reason).toBe('InvalidInput')
    expect(clientErrorOf(await fx.iam.createApiKey({ acl: '{not json' })).reason).toBe('InvalidInput')
    expect(clientErrorOf(await fx.iam.listApiKeys({ pageNo: 0 })).reason).toBe('InvalidInput')
    expect(clientErrorOf(await fx.iam.listApiKeys({ service: [''] })).reason).toBe('InvalidInput')
    expect(clientErrorOf(await fx.iam.getApiKey({ id: '..' })).reason).toBe('InvalidInput')
    expect(fx.emulator.requestLog()).toEqual([])
  })

  it('a sub-user without IAM permissions is denied every API key operation; a reader may only read', async () => {
    const owner = (await fx.iam.createApiKey({ acl: APP }))._unsafeUnwrap()
    const nobody = iamAs((await createSubUser(fx.iam, 'nobody')).credentials)
    for (const result of [
      await nobody.createApiKey({ acl: APP }),
      await nobody.listApiKeys({}),
      await nobody.getApiKey({ id: owner.id }),
      await nobody.updateApiKey({ id: owner.id, acl: APP }),
      await nobody.deleteApiKey({ id: owner.id }),
      await nobody.decryptApiKey({ id: owner.id }),
      await nobody.getBearerToken({}),
    ])
      expect(serviceErrorOf(result)).toMatchObject({ kind: 'AccessDenied', statusCode: 403 })

    const reader = iamAs((await createSubUser(fx.iam, 'reader', 'IAMReadAccess')).credentials)
    expect((await reader.listApiKeys({}))._unsafeUnwrap().totalCount).toBe(0)
    expect(serviceErrorOf(await reader.createApiKey({ acl: APP })).kind).toBe('AccessDenied')
    expect((await fx.iam.listApiKeys({}))._unsafeUnwrap().totalCount).toBe(1)
  })

  it('the emulator refuses what the SDK would not send: 400 InappropriateJSON, nothing created', async () => {
    const raw = (body: unknown): Promise<RawSignedResponse> =>
      sendRawSigned(fx.emulator.endpoint, {
        method: 'POST',
        signedPath: '/v1/apikey/create',
        body: Buffer.from(JSON.stringify(body)),
        credentials: fx.emulator.credentials,
      })
    for (const body of [{}, { acl: { accessControlList: [] } }, { acl: '{', name: 'x' }, { acl: APP, name: 7 }]) {
      const answer = await raw(body)
      expect(answer.status).toBe(400)
      expect(answer.body).toMatchObject({ code: expect.stringMatching(/^(InappropriateJSON|MalformedJSON)$/) })
    }
    expect((await fx.iam.listApiKeys({}))._unsafeUnwrap().totalCount).toBe(0)
    // Baidu's reference types acl as a string: JSON text of an ACL is accepted too.
    expect((await raw({ acl: JSON.stringify(APP) })).status).toBe(201)
  })
})

describe('bearer token (B1)', () => {
  it('issues a token with its validity; the token is never rendered', async () => {
    const token = (await fx.iam.getBearerToken({ expireInSeconds: 600, acl: APP }))._unsafeUnwrap()
    expect(token.token).toMatch(/^bce-v3\//)
    expect(token.userId).toBe(fx.emulator.accountId)
    expect((token.expireTime as Date).getTime() - (token.createTime as Date).getTime()).toBe(600_000)
    for (const text of renderings(token)) expect(text).not.toContain(token.token)
    const log = JSON.stringify(fx.emulator.requestLog())
    expect(log).toContain('getBearerToken')
    expect(log).not.toContain(token.token)
  })

  it('defaults to 1800 seconds, and sends the ACL base64-encoded', async () => {
    fx.emulator.clearRequestLog()
    const token = (await fx.iam.getBearerToken({ acl: APP }))._unsafeUnwrap()
    expect((token.expireTime as Date).getTime() - (token.createTime as Date).getTime()).toBe(1_800_000)
    const query = new URLSearchParams(fx.emulator.requestLog()[0]?.query)
    const sentAcl: unknown = JSON.parse(Buffer.from(query.get('acl') ?? '', 'base64').toString('utf8'))
    expect(sentAcl).toEqual(JSON.parse(JSON.stringify(APP)))
  })

  it('refuses a validity outside 5 minutes to 30 days before sending', async () => {
    for (const expireInSeconds of [299, 2_592_001, 1.5])
      expect(clientErrorOf(await fx.iam.getBearerToken({ expireInSeconds })).reason).toBe('InvalidInput')
  })

  it('the emulator refuses a validity out of range or an ACL that is not base64 JSON: 400 InvalidParameter', async () => {
    for (const rawQuery of [
      'expireInSeconds=60',
      'expireInSeconds=abc',
      'acl=%25%25',
      `acl=${Buffer.from('{').toString('base64')}`,
    ]) {
      const answer = await sendRawSigned(fx.emulator.endpoint, {
        method: 'GET',
        signedPath: '/v1/BCE-BEARER/token',
        rawQuery,
        credentials: fx.emulator.credentials,
      })
      expect({ rawQuery, status: answer.status }).toEqual({ rawQuery, status: 400 })
    }
  })

  it('a sub-user with IAM full control gets a token issued to itself', async () => {
    const { id, credentials } = await createSubUser(fx.iam, 'ops', 'IAMFullControlAccess')
    const token = (await iamAs(credentials).getBearerToken({}))._unsafeUnwrap()
    expect(token.userId).toBe(id)
  })
})

describe('apiKeyPages: every page, as Results', () => {
  const ids = (keys: readonly ApiKey[]): string[] => keys.map((key) => key.id)
  const listCalls = (): number => fx.emulator.requestLog().filter((e) => e.operation === 'listApiKeys').length

  async function collect(
    pages: AsyncIterable<Result<readonly ApiKey[], BceError>>,
  ): Promise<Array<Result<readonly ApiKey[], BceError>>> {
    const out: Array<Result<readonly ApiKey[], BceError>> = []
    for await (const page of pages) {
      out.push(page)
      if (out.length > 20) break // a runaway iterator fails the test instead of hanging it
    }
    return out
  }

  it('walks several pages in order, ending on a short page', async () => {
    fx.emulator.setLimits({ apiKeysPerUser: 10 })._unsafeUnwrap()
    const created: string[] = []
    for (let i = 0; i < 5; i += 1) created.push((await fx.iam.createApiKey({ acl: APP }))._unsafeUnwrap().id)
    fx.emulator.clearRequestLog()
    const pages = await collect(apiKeyPages(fx.iam, { pageSize: 2 }))
    expect(pages.map((page) => ids(page._unsafeUnwrap()))).toEqual([
      created.slice(0, 2),
      created.slice(2, 4),
      created.slice(4),
    ])
    expect(listCalls()).toBe(3)
  })

  it('stops on totalCount when the last page is full (no extra request)', async () => {
    for (let i = 0; i < 2; i += 1) await fx.iam.createApiKey({ acl: APP })
    fx.emulator.clearRequestLog()
    expect((await collect(apiKeyPages(fx.iam, { pageSize: 1 }))).length).toBe(2)
    expect(listCalls()).toBe(2)
  })

  it('an empty list yields nothing, after one request', async () => {
    fx.emulator.clearRequestLog()
    expect(await collect(apiKeyPages(fx.iam))).toEqual([])
    expect(listCalls()).toBe(1)
  })

  it('an error mid-way is yielded once, and nothing is fetched after it', async () => {
    const noRetry = new IamClient({
      endpoint: fx.emulator.endpoint,
      credentials: fx.emulator.credentials,
      allowInsecureHttp: true,
      retry: false,
    })
    for (let i = 0; i < 3; i += 1) await fx.iam.createApiKey({ acl: APP })
    const pages = apiKeyPages(noRetry, { pageSize: 1 })
    const first = await pages.next()
    expect(first.done).toBe(false)
    expect(first.value?._unsafeUnwrap()).toHaveLength(1)
    fx.emulator
      .injectFaults([{ operation: 'listApiKeys', fault: { type: 'status', status: 500 }, times: 10 }])
      ._unsafeUnwrap()
    fx.emulator.clearRequestLog()
    const second = await pages.next()
    expect(second.done).toBe(false)
    expect(second.value?._unsafeUnwrapErr()).toMatchObject({
      _tag: 'BceServiceError',
      kind: 'ServerError',
      operation: 'listApiKeys',
    })
    const calls = listCalls()
    expect(await pages.next()).toEqual({ done: true, value: undefined })
    expect(listCalls()).toBe(calls)
    fx.emulator.clearFaults()
    await noRetry.close()
  })

  it('a first-page error (unknown user) is the only thing yielded', async () => {
    const pages = await collect(apiKeyPages(fx.iam, { userId: 'f'.repeat(32) }))
    expect(pages).toHaveLength(1)
    expect(serviceErrorOf(pages[0] as Result<unknown, BceError>).kind).toBe('NotFound')
  })
})

describe('paginate', () => {
  it('stops on an empty page even when totalCount promises more', async () => {
    const asked: number[] = []
    const pages: Array<Result<readonly number[], string>> = []
    for await (const page of paginate((pageNo) => {
      asked.push(pageNo)
      return Promise.resolve(ok({ result: pageNo < 3 ? [pageNo] : [], totalCount: 99 }))
    }, 1))
      pages.push(page)
    expect(pages.map((page) => page._unsafeUnwrap())).toEqual([[1], [2]])
    expect(asked).toEqual([1, 2, 3])
  })
})
