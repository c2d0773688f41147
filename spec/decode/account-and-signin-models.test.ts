import { inspect } from 'node:util'
import { codecReader } from '../../lib/decode/reader'
import { accessKeyLastUsedCodec } from '../../lib/iam/access-key-model'
import { accountSummaryCodec } from '../../lib/iam/account-model'
import { signinSecurityTokenCodec } from '../../lib/sts/signin-token-model'

function readWith<T>(reader: ReturnType<typeof codecReader<T>>, json: unknown) {
  if (reader.kind !== 'json') throw new Error('json reader expected')
  return reader.read(json)
}

describe("issue 14's new models read what the official SDKs' models read", () => {
  it('account summary: nulls inside the nested limit and count objects are absent; a wrong type names its path', () => {
    const json = {
      accountId: 'a',
      limitInfo: { userLimit: null, groupLimit: 50, akskLimit: 2 },
      countInfo: null,
    }
    const summary = readWith(codecReader(accountSummaryCodec), json)._unsafeUnwrap()
    expect(summary).toStrictEqual({ accountId: 'a', limitInfo: { groupLimit: 50, akskLimit: 2 } })
    expect(
      readWith(codecReader(accountSummaryCodec), { accountId: 'a', limitInfo: { userLimit: '5' } })._unsafeUnwrapErr(),
    ).toEqual([{ path: 'limitInfo.userLimit', expected: 'number', actual: 'string(1 chars)' }])
    expect(readWith(codecReader(accountSummaryCodec), { countInfo: {} })._unsafeUnwrapErr()).toEqual([
      { path: 'accountId', expected: 'string', actual: 'undefined' },
    ])
  })

  it('last use: a null lastUsedTime is a key never used; the key id is required', () => {
    expect(
      readWith(codecReader(accessKeyLastUsedCodec), { accessKeyId: 'k', lastUsedTime: null })._unsafeUnwrap(),
    ).toStrictEqual({ accessKeyId: 'k' })
    expect(
      readWith(codecReader(accessKeyLastUsedCodec), {
        accessKeyId: 'k',
        lastUsedTime: '2026-01-02T03:04:05Z',
      })._unsafeUnwrap().lastUsedTime,
    ).toEqual(new Date('2026-01-02T03:04:05Z'))
    expect(readWith(codecReader(accessKeyLastUsedCodec), { lastUsedTime: null }).isErr()).toBe(true)
  })

  it('sign-in token: sessionToken is required and never rendered; the other fields may be null', () => {
    expect(readWith(codecReader(signinSecurityTokenCodec), { sessionToken: null })._unsafeUnwrapErr()).toEqual([
      { path: 'sessionToken', expected: 'string', actual: 'null' },
    ])
    const token = readWith(codecReader(signinSecurityTokenCodec), {
      sessionToken: 'tok-secret-value',
      userId: null,
      createTime: null,
      expiration: '2026-01-02T03:04:05Z',
    })._unsafeUnwrap()
    expect(token.sessionToken).toBe('tok-secret-value')
    expect(token.expiration).toEqual(new Date('2026-01-02T03:04:05Z'))
    expect('userId' in token).toBe(false)
    const rendered = JSON.stringify(token) + String(token) + inspect(token, { showHidden: true })
    expect(rendered).not.toContain('tok-secret-value')
  })
})
