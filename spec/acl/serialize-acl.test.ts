import { acl, allow, parseAcl, serializeAcl, trustPolicy, type Acl } from '../../lib/acl'

describe('serializeAcl', () => {
  it('writes compact JSON in the canonical field order, whatever the input order', () => {
    const shuffled = {
      accessControlList: [
        {
          effect: 'Allow',
          grantee: [{ id: '1' }],
          permission: ['READ'],
          resource: ['*'],
          region: 'bj',
          service: 'bcc',
          eid: 'e',
        },
      ],
      version: 'v1',
      id: 'doc',
    } as Acl
    expect(serializeAcl(shuffled)).toBe(
      '{"id":"doc","version":"v1","accessControlList":[{"eid":"e","service":"bcc","region":"bj","resource":["*"],"permission":["READ"],"grantee":[{"id":"1"}],"effect":"Allow"}]}',
    )
  })

  it('omits undefined fields and drops fields outside the grammar', () => {
    const extended = {
      id: undefined,
      accessControlList: [
        {
          service: 'bcc',
          region: 'bj',
          resource: undefined,
          permission: ['READ'],
          effect: 'Deny',
          condition: { a: 1 },
          grantee: [{ id: '1', extra: 2 }],
        },
      ],
    } as unknown as Acl
    expect(serializeAcl(extended)).toBe(
      '{"accessControlList":[{"service":"bcc","region":"bj","permission":["READ"],"grantee":[{"id":"1"}],"effect":"Deny"}]}',
    )
  })

  it('serialises a trust policy as BCE documents it', () => {
    expect(serializeAcl(trustPolicy({ accountIds: '111' }))).toBe(
      '{"version":"v1","accessControlList":[{"service":"bce:iam","region":"*","permission":["AssumeRole"],"grantee":[{"id":"111"}],"effect":"Allow"}]}',
    )
  })

  it('round-trips through parseAcl and is stable', () => {
    const document = acl(
      allow({ service: 'bce:bos', region: 'bj', resource: ['b/*', 'c'], permission: ['READ', 'LIST'] }),
    )
    const text = serializeAcl(document)
    const parsed = parseAcl(text)._unsafeUnwrap()
    expect(parsed).toEqual(document)
    expect(serializeAcl(parsed)).toBe(text)
  })

  it('does not validate: malformed values are written as given, so readers still reject them', () => {
    const malformed = {
      accessControlList: [{ service: '', region: 'bj', permission: [], effect: 'allow' }],
    } as unknown as Acl
    const text = serializeAcl(malformed)
    expect(text).toBe('{"accessControlList":[{"service":"","region":"bj","permission":[],"effect":"allow"}]}')
    expect(parseAcl(text).isErr()).toBe(true)
  })

  it('never throws: unwritable values give "{}"', () => {
    const cyclic: Record<string, unknown> = { service: 'bcc' }
    cyclic.region = cyclic
    const unwritable: unknown[] = [
      undefined,
      null,
      5,
      { accessControlList: [cyclic] },
      { accessControlList: [{ service: 10n }] },
      {
        get accessControlList(): never {
          throw new Error('boom')
        },
      },
    ]
    for (const value of unwritable) expect(serializeAcl(value as Acl)).toBe('{}')
  })
})
