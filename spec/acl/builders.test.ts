import { acl, aclDocument, allow, deny, trustPolicy, validateAcl, type AclStatement } from '../../lib/acl'

describe('allow / deny', () => {
  it('builds a statement in canonical field order, region defaulting to *', () => {
    const statement = allow({ service: 'bce:bos', resource: 'logs/*', permission: 'READ' })
    expect(statement).toEqual({
      service: 'bce:bos',
      region: '*',
      resource: ['logs/*'],
      permission: ['READ'],
      effect: 'Allow',
    })
    expect(Object.keys(statement)).toEqual(['service', 'region', 'resource', 'permission', 'effect'])
  })

  it('keeps arrays, the region, eid and grantee as given', () => {
    const statement = deny({
      eid: 'e1',
      service: 'bcc',
      region: 'bj',
      resource: ['a', 'b'],
      permission: ['READ', 'WRITE'],
      grantee: ['111', { id: '*' }],
    })
    expect(statement).toEqual({
      eid: 'e1',
      service: 'bcc',
      region: 'bj',
      resource: ['a', 'b'],
      permission: ['READ', 'WRITE'],
      grantee: [{ id: '111' }, { id: '*' }],
      effect: 'Deny',
    })
  })

  it('does not default the resource (a forgotten resource must not grant everything)', () => {
    const statement = allow({ service: 'bcc', permission: '*' })
    expect('resource' in statement).toBe(false)
    const checked = validateAcl(acl(statement), { requireResource: true })
    expect(checked._unsafeUnwrapErr().issues).toEqual([
      { path: 'accessControlList.0.resource', expected: 'non-empty array of non-empty strings', actual: 'undefined' },
    ])
  })

  it('returns deeply frozen data and copies the caller arrays', () => {
    const permissions = ['READ']
    const statement = allow({ service: 'bcc', resource: '*', permission: permissions, grantee: '1' })
    permissions.push('WRITE')
    expect(statement.permission).toEqual(['READ'])
    expect(Object.isFrozen(statement)).toBe(true)
    expect(Object.isFrozen(statement.permission)).toBe(true)
    expect(Object.isFrozen(statement.resource)).toBe(true)
    expect(Object.isFrozen(statement.grantee?.[0])).toBe(true)
  })

  it('is total: garbage specs give statements that validateAcl rejects, never an exception', () => {
    const garbage: unknown[] = [
      undefined,
      null,
      42,
      'x',
      [],
      { service: 5, permission: [1] },
      {
        get service(): string {
          throw new Error('boom')
        },
      },
    ]
    for (const spec of garbage) {
      const statement = allow(spec as never)
      expect(validateAcl(acl(statement)).isErr()).toBe(true)
    }
  })
})

describe('acl / aclDocument', () => {
  const read = allow({ service: 'bcc', region: 'bj', resource: '*', permission: 'READ' })

  it('acl() wraps statements in a frozen document', () => {
    const document = acl(read, deny({ service: 'bcc', resource: 'i-1', permission: '*' }))
    expect(Object.keys(document)).toEqual(['accessControlList'])
    expect(document.accessControlList).toHaveLength(2)
    expect(Object.isFrozen(document)).toBe(true)
    expect(Object.isFrozen(document.accessControlList)).toBe(true)
  })

  it('aclDocument() sets id and version in canonical order and copies hand-written statements', () => {
    const handWritten = {
      effect: 'Allow',
      permission: ['READ'],
      region: 'bj',
      service: 'bcc',
      resource: ['*'],
      condition: { x: 1 },
    } as AclStatement
    const document = aclDocument({ version: 'v1', id: 'mine', statements: [handWritten] })
    expect(Object.keys(document)).toEqual(['id', 'version', 'accessControlList'])
    expect(Object.keys(document.accessControlList[0]!)).toEqual([
      'service',
      'region',
      'resource',
      'permission',
      'effect',
    ])
    expect(Object.isFrozen(document.accessControlList[0])).toBe(true)
    expect(Object.isFrozen(handWritten)).toBe(false)
  })

  it('builds documents that validate', () => {
    expect(validateAcl(acl(read), { requireResource: true }).isOk()).toBe(true)
    expect(validateAcl(acl()).isErr()).toBe(true)
  })
})

describe('trustPolicy', () => {
  it('builds the role trust document BCE expects', () => {
    expect(trustPolicy({ accountIds: ['111', '222'] })).toEqual({
      version: 'v1',
      accessControlList: [
        {
          service: 'bce:iam',
          region: '*',
          permission: ['AssumeRole'],
          grantee: [{ id: '111' }, { id: '222' }],
          effect: 'Allow',
        },
      ],
    })
  })

  it('accepts one id and another version, and validates without a resource', () => {
    const document = trustPolicy({ accountIds: '111', version: 'v2' })
    expect(document.version).toBe('v2')
    expect(document.accessControlList[0]?.grantee).toEqual([{ id: '111' }])
    expect(validateAcl(document).isOk()).toBe(true)
  })

  it('an empty id list builds a document that validateAcl rejects', () => {
    const issues = validateAcl(trustPolicy({ accountIds: [] }))._unsafeUnwrapErr().issues
    expect(issues).toEqual([
      { path: 'accessControlList.0.grantee', expected: 'non-empty array of grantees', actual: 'array(0)' },
    ])
    expect(validateAcl(trustPolicy(undefined as never)).isErr()).toBe(true)
  })
})
