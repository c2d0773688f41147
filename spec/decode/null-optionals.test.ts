import { codecReader, listReader } from '../../lib/decode/reader'
import { accessKeyCodec, newAccessKeyCodec } from '../../lib/iam/access-key-model'
import { userCodec } from '../../lib/iam/user-model'
import { sessionCredentialsCodec } from '../../lib/sts/session-credentials-model'

function readWith<T>(reader: ReturnType<typeof codecReader<T>>, json: unknown) {
  if (reader.kind !== 'json') throw new Error('json reader expected')
  return reader.read(json)
}

describe('null in an optional field is read as absent (issue 14); required fields still fail with their path', () => {
  it('regression: {"accessKeys":[{"id":"k","lastUsedTime":null}]} decodes to a key without lastUsedTime', () => {
    const json = JSON.parse('{"accessKeys":[{"id":"k","lastUsedTime":null}]}') as unknown
    const keys = readWith(listReader('accessKeys', accessKeyCodec), json)._unsafeUnwrap()
    expect(keys).toStrictEqual([{ id: 'k' }])
    expect(Object.keys(keys[0] as object)).toEqual(['id'])
    expect('lastUsedTime' in (keys[0] as object)).toBe(false)
  })

  it('every optional field may be null at once; present ones are still decoded', () => {
    const json = {
      id: 'u',
      name: 'n',
      createTime: '2024-02-29T23:59:59Z',
      description: null,
      enabled: null,
      contact: null,
      joinTime: null,
      lastLoginTime: null,
    }
    const decoded = readWith(codecReader(userCodec), json)._unsafeUnwrap()
    expect(decoded).toStrictEqual({ id: 'u', name: 'n', createTime: new Date('2024-02-29T23:59:59Z') })
    expect(json.description).toBeNull() // the input is not modified
  })

  it('a null or missing required field fails as Decode issues naming its path', () => {
    const listed = readWith(listReader('accessKeys', accessKeyCodec), { accessKeys: [{ id: 'a' }, { id: null }, {}] })
    expect(listed._unsafeUnwrapErr()).toEqual([
      { path: 'accessKeys.1.id', expected: 'string', actual: 'null' },
      { path: 'accessKeys.2.id', expected: 'string', actual: 'undefined' },
    ])
    expect(readWith(codecReader(userCodec), { id: 'u', name: null })._unsafeUnwrapErr()).toEqual([
      { path: 'name', expected: 'string', actual: 'null' },
    ])
  })

  it('an optional field of the wrong type (not null) still fails', () => {
    expect(readWith(codecReader(userCodec), { id: 'u', name: 'n', enabled: 'yes' })._unsafeUnwrapErr()).toEqual([
      { path: 'enabled', expected: 'boolean', actual: 'string(3 chars)' },
    ])
  })

  it('secrets: a null secret is missing; credentials without any secret fail at secretAccessKey', () => {
    expect(readWith(codecReader(newAccessKeyCodec), { id: 'k', secret: null })._unsafeUnwrapErr()).toEqual([
      { path: 'secret', expected: 'string', actual: 'null' },
    ])
    const noSecret = { accessKeyId: 'ak', sessionToken: 'tok', secretAccessKey: null, accessKeySecret: null }
    expect(readWith(codecReader(sessionCredentialsCodec), noSecret)._unsafeUnwrapErr()).toEqual([
      { path: 'secretAccessKey', expected: 'string', actual: 'null' },
    ])
    const fallback = readWith(codecReader(sessionCredentialsCodec), { ...noSecret, accessKeySecret: 'sk' })
    expect(fallback._unsafeUnwrap().secretAccessKey).toBe('sk')
    expect(JSON.stringify(fallback._unsafeUnwrap())).not.toContain('"sk"')
  })
})
