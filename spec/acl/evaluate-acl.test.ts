import { acl, allow, deny, evaluateAcl, trustPolicy, type AclRequest, type AclStatement } from '../../lib/acl'

const read: AclRequest = { service: 'bce:bos', region: 'bj', resource: 'bucket/logs/2024/a.log', permission: 'READ' }

function decide(statements: readonly AclStatement[], request: AclRequest = read): string {
  return evaluateAcl([acl(...statements)], request).decision
}

describe('evaluateAcl: matching', () => {
  it('allows when service, region, resource and permission all match', () => {
    expect(
      decide([allow({ service: 'bce:bos', region: 'bj', resource: 'bucket/logs/2024/a.log', permission: 'READ' })]),
    ).toBe('Allow')
  })

  it.each([
    ['service', { service: 'bcc' }],
    ['region', { region: 'gz' }],
    ['resource', { resource: 'bucket/other' }],
    ['permission', { permission: 'WRITE' }],
  ])('is an implicit deny when the %s differs', (_field, change) => {
    const statement = allow({
      service: 'bce:bos',
      region: 'bj',
      resource: 'bucket/logs/2024/a.log',
      permission: 'READ',
      ...change,
    })
    expect(decide([statement])).toBe('ImplicitDeny')
  })

  it('is an implicit deny without any document or statement', () => {
    expect(evaluateAcl([], read)).toEqual({ decision: 'ImplicitDeny', matched: [] })
  })

  it('* alone matches anything in every field', () => {
    expect(decide([allow({ service: '*', region: '*', resource: '*', permission: '*' })])).toBe('Allow')
  })

  it('a trailing * is a prefix pattern that needs the text before it', () => {
    const prefix = allow({ service: 'bce:bos', resource: 'bucket/logs/*', permission: 'READ' })
    expect(decide([prefix])).toBe('Allow')
    expect(decide([prefix], { ...read, resource: 'bucket/logs/' })).toBe('Allow')
    expect(decide([prefix], { ...read, resource: 'bucket/logs' })).toBe('ImplicitDeny')
    expect(decide([prefix], { ...read, resource: 'bucket/logsX' })).toBe('ImplicitDeny')
  })

  it('a * inside a pattern matches any run, other characters are literal', () => {
    expect(decide([allow({ service: 'bce:*', resource: 'bucket/*/a.log', permission: 'RE*' })])).toBe('Allow')
    expect(decide([allow({ service: 'bce:bos', resource: 'bucket/logs/2024/a.lo.', permission: 'READ' })])).toBe(
      'ImplicitDeny',
    )
    expect(decide([allow({ service: 'bce:bos', resource: 'bucket/logs/20[0-9]+/a.log', permission: 'READ' })])).toBe(
      'ImplicitDeny',
    )
  })

  it('services compare case-insensitively; regions, resources and permissions do not', () => {
    expect(decide([allow({ service: 'BCE:BOS', region: 'bj', resource: '*', permission: 'READ' })])).toBe('Allow')
    expect(decide([allow({ service: 'bce:bos', region: 'BJ', resource: '*', permission: 'READ' })])).toBe(
      'ImplicitDeny',
    )
    expect(decide([allow({ service: 'bce:bos', resource: 'Bucket/*', permission: 'READ' })])).toBe('ImplicitDeny')
    expect(decide([allow({ service: 'bce:bos', resource: '*', permission: 'read' })])).toBe('ImplicitDeny')
  })

  it('does not alias bos to bce:bos', () => {
    expect(decide([allow({ service: 'bos', resource: '*', permission: 'READ' })])).toBe('ImplicitDeny')
  })

  it('FULL_CONTROL implies every permission of the service, for Allow and Deny', () => {
    expect(decide([allow({ service: 'bce:bos', resource: '*', permission: 'FULL_CONTROL' })])).toBe('Allow')
    expect(decide([allow({ service: 'bcc', resource: '*', permission: 'FULL_CONTROL' })])).toBe('ImplicitDeny')
    expect(
      decide([allow({ service: 'bce:bos', resource: '*', permission: 'READ' })], {
        ...read,
        permission: 'FULL_CONTROL',
      }),
    ).toBe('ImplicitDeny')
    expect(
      decide([
        allow({ service: '*', resource: '*', permission: '*' }),
        deny({ service: 'bce:bos', resource: '*', permission: 'FULL_CONTROL' }),
      ]),
    ).toBe('ExplicitDeny')
  })

  it('a statement without resource matches no user request', () => {
    expect(decide([allow({ service: 'bce:bos', permission: 'READ' })])).toBe('ImplicitDeny')
  })
})

describe('evaluateAcl: decision', () => {
  const allowAll = allow({ service: '*', resource: '*', permission: '*' })
  const denyLogs = deny({ service: 'bce:bos', resource: 'bucket/logs/*', permission: 'READ' })

  it('an explicit deny overrides any allow, in any order and any document', () => {
    expect(decide([allowAll, denyLogs])).toBe('ExplicitDeny')
    expect(decide([denyLogs, allowAll])).toBe('ExplicitDeny')
    expect(evaluateAcl([acl(allowAll), acl(denyLogs)], read).decision).toBe('ExplicitDeny')
  })

  it('a deny that does not match changes nothing', () => {
    expect(decide([allowAll, denyLogs], { ...read, resource: 'bucket/data/x' })).toBe('Allow')
  })

  it('lists every matching statement with its place and effect', () => {
    const other = allow({ service: 'bcc', resource: '*', permission: '*' })
    const result = evaluateAcl([acl(other, allowAll), acl(denyLogs)], read)
    expect(result.matched).toEqual([
      { documentIndex: 0, statementIndex: 1, statement: allowAll, effect: 'Allow' },
      { documentIndex: 1, statementIndex: 0, statement: denyLogs, effect: 'Deny' },
    ])
    expect(Object.isFrozen(result) && Object.isFrozen(result.matched) && Object.isFrozen(result.matched[0])).toBe(true)
  })
})

describe('evaluateAcl: grantee and trust documents', () => {
  const roleId = 'r-123'
  const assume: AclRequest = {
    service: 'bce:iam',
    region: '*',
    resource: `role/${roleId}`,
    permission: 'AssumeRole',
    principal: '111',
  }

  it('a trust policy allows the listed accounts only', () => {
    const trust = trustPolicy({ accountIds: ['111', '222'] })
    expect(evaluateAcl([trust], assume).decision).toBe('Allow')
    expect(evaluateAcl([trust], { ...assume, resource: '*' }).decision).toBe('Allow')
    expect(evaluateAcl([trust], { ...assume, principal: '333' }).decision).toBe('ImplicitDeny')
  })

  it('the server-normalised trust document matches on its role resource', () => {
    const stored = { ...trustPolicy({ accountIds: '111' }) }
    const normalised = {
      ...stored,
      accessControlList: stored.accessControlList.map((s) => ({ ...s, resource: [`role/${roleId}`] })),
    }
    expect(evaluateAcl([normalised], assume).decision).toBe('Allow')
    expect(evaluateAcl([normalised], { ...assume, resource: 'role/other' }).decision).toBe('ImplicitDeny')
  })

  it('grantee * trusts every principal', () => {
    expect(evaluateAcl([trustPolicy({ accountIds: '*' })], { ...assume, principal: 'anyone' }).decision).toBe('Allow')
  })

  it('statements with grantee are ignored without a principal', () => {
    expect(evaluateAcl([trustPolicy({ accountIds: '*' })], { ...assume, principal: undefined }).decision).toBe(
      'ImplicitDeny',
    )
    const granted = allow({ service: 'bce:bos', resource: '*', permission: 'READ', grantee: '*' })
    expect(decide([granted])).toBe('ImplicitDeny')
  })

  it('statements without grantee still apply when a principal is given', () => {
    expect(
      decide([allow({ service: 'bce:bos', resource: '*', permission: 'READ' })], { ...read, principal: '111' }),
    ).toBe('Allow')
  })
})

describe('evaluateAcl is total', () => {
  it('malformed documents, statements and requests never match and never throw', () => {
    const good = allow({ service: '*', resource: '*', permission: '*' })
    const junk: unknown[] = [
      null,
      5,
      { accessControlList: 'x' },
      {
        accessControlList: [
          null,
          'x',
          { ...good, effect: 'allow' },
          { ...good, permission: 'READ' },
          { ...good, service: 1 },
          { ...good, grantee: 'x' },
        ],
      },
      {
        get accessControlList(): never {
          throw new Error('boom')
        },
      },
    ]
    for (const document of junk) expect(evaluateAcl([document as never], read).decision).toBe('ImplicitDeny')
    for (const request of [undefined, null, {}, { ...read, resource: 3 }, { ...read, principal: 7 }]) {
      expect(evaluateAcl([acl(good)], request as never).decision).toBe('ImplicitDeny')
    }
    expect(evaluateAcl('nope' as never, read).decision).toBe('ImplicitDeny')
  })
})
