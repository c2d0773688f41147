import { inspect } from 'node:util'
import { parseAcl, validateAcl, type Acl } from '../../lib/acl'

const policy = {
  accessControlList: [{ service: 'bcc', region: 'bj', resource: ['*'], permission: ['READ'], effect: 'Allow' }],
}

function issuesOf(input: unknown, options?: Parameters<typeof parseAcl>[1]): unknown {
  const result = parseAcl(input, options)
  expect(result.isErr()).toBe(true)
  return result._unsafeUnwrapErr().issues
}

describe('parseAcl accepts', () => {
  it('a policy document as a JSON string or as a value', () => {
    expect(parseAcl(JSON.stringify(policy))._unsafeUnwrap()).toEqual(policy)
    expect(parseAcl(policy)._unsafeUnwrap()).toEqual(policy)
  })

  it('a trust document as the server returns it (id, eid, normalised resource)', () => {
    const stored = {
      id: 'sts role acl',
      version: 'v1',
      accessControlList: [
        {
          eid: 'role acl entry',
          service: 'bce:iam',
          region: '*',
          resource: ['role/4ad3c0b8e1'],
          permission: ['AssumeRole'],
          grantee: [{ id: '111' }],
          effect: 'Allow',
        },
      ],
    }
    expect(parseAcl(JSON.stringify(stored))._unsafeUnwrap()).toEqual(stored)
    expect(parseAcl(JSON.stringify({ ...policy, id: 'policy_9f1c' }))._unsafeUnwrap().id).toBe('policy_9f1c')
  })

  it('reads null in optional fields as absent', () => {
    const withNulls = {
      id: null,
      version: null,
      accessControlList: [{ ...policy.accessControlList[0], eid: null, resource: null, grantee: null }],
    }
    const parsed = parseAcl(withNulls)._unsafeUnwrap()
    expect(parsed).toEqual({
      accessControlList: [{ service: 'bcc', region: 'bj', permission: ['READ'], effect: 'Allow' }],
    })
    expect('resource' in parsed.accessControlList[0]!).toBe(false)
  })

  it('ignores unknown fields and leaves them out of the result (unless asked to reject them)', () => {
    const extended = {
      extra: 1,
      accessControlList: [
        {
          ...policy.accessControlList[0],
          condition: { ipAddress: ['10.0.0.0/8'] },
          notResource: ['x'],
          grantee: [{ id: '1', name: 'n' }],
        },
      ],
    }
    const parsed = parseAcl(extended)._unsafeUnwrap()
    expect(parsed).toEqual({ accessControlList: [{ ...policy.accessControlList[0], grantee: [{ id: '1' }] }] })
    expect(issuesOf({ ...policy, '': 1, 'a.b': 2 }, { rejectUnknownFields: true })).toEqual([
      { path: '""', expected: 'only the fields id, version, accessControlList', actual: 'number' },
      { path: '"a.b"', expected: 'only the fields id, version, accessControlList', actual: 'number' },
    ])
    expect(issuesOf(extended, { rejectUnknownFields: true })).toEqual([
      { path: 'accessControlList.0.grantee.0.name', expected: 'only the fields id', actual: 'string(1 chars)' },
      {
        path: 'accessControlList.0.condition',
        expected: 'only the fields eid, service, region, resource, permission, grantee, effect',
        actual: 'object',
      },
      {
        path: 'accessControlList.0.notResource',
        expected: 'only the fields eid, service, region, resource, permission, grantee, effect',
        actual: 'array(1)',
      },
      { path: 'extra', expected: 'only the fields id, version, accessControlList', actual: 'number' },
    ])
  })

  it('returns frozen data in canonical key order', () => {
    const shuffled =
      '{"accessControlList":[{"effect":"Deny","permission":["W"],"region":"bj","service":"bcc","resource":["*"],"eid":"x"}],"version":"v1","id":"i"}'
    const parsed = parseAcl(shuffled)._unsafeUnwrap()
    expect(Object.keys(parsed)).toEqual(['id', 'version', 'accessControlList'])
    expect(Object.keys(parsed.accessControlList[0]!)).toEqual([
      'eid',
      'service',
      'region',
      'resource',
      'permission',
      'effect',
    ])
    expect(
      Object.isFrozen(parsed) &&
        Object.isFrozen(parsed.accessControlList) &&
        Object.isFrozen(parsed.accessControlList[0]!.permission),
    ).toBe(true)
  })
})

describe('parseAcl rejects, listing every issue with its path', () => {
  it('malformed JSON as one issue at (root), without echoing the text', () => {
    const error = parseAcl('{"accessControlList": [ secret-value')._unsafeUnwrapErr()
    expect(error).toMatchObject({
      _tag: 'BceClientError',
      reason: 'InvalidInput',
      operation: 'parseAcl',
      retryable: false,
    })
    expect(error.issues).toEqual([
      { path: '(root)', expected: 'JSON text of an ACL document', actual: 'string(36 chars)' },
    ])
    expect(JSON.stringify(error)).not.toContain('secret-value')
  })

  it.each([
    ['null', 'null'],
    ['[]', 'array(0)'],
    ['"text"', 'string(4 chars)'],
    ['7', 'number'],
  ])('a top level that is not an object (%s)', (text, actual) => {
    expect(issuesOf(text)).toEqual([{ path: '(root)', expected: 'object with an accessControlList', actual }])
  })

  it('a missing or empty accessControlList', () => {
    expect(issuesOf({})).toEqual([
      { path: 'accessControlList', expected: 'non-empty array of statements', actual: 'undefined' },
    ])
    expect(issuesOf({ accessControlList: [] })).toEqual([
      { path: 'accessControlList', expected: 'non-empty array of statements', actual: 'array(0)' },
    ])
    expect(issuesOf({ accessControlList: {} })).toEqual([
      { path: 'accessControlList', expected: 'non-empty array of statements', actual: 'object' },
    ])
  })

  it('every problem of every statement, in order', () => {
    const bad = {
      id: 3,
      version: true,
      accessControlList: [
        policy.accessControlList[0],
        'nope',
        {
          eid: 1,
          service: '',
          region: 5,
          resource: [],
          permission: ['READ', '', 7],
          effect: 'allow',
          grantee: [{ id: '' }, 'x', {}],
        },
        { service: 'bcc', region: 'bj', permission: 'READ', resource: 'x', effect: 'Deny', grantee: [] },
      ],
    }
    expect(issuesOf(bad)).toEqual([
      { path: 'id', expected: 'string', actual: 'number' },
      { path: 'version', expected: 'string', actual: 'boolean' },
      { path: 'accessControlList.1', expected: 'statement object', actual: 'string(4 chars)' },
      { path: 'accessControlList.2.eid', expected: 'string', actual: 'number' },
      { path: 'accessControlList.2.service', expected: 'non-empty string', actual: 'string(0 chars)' },
      { path: 'accessControlList.2.region', expected: 'non-empty string', actual: 'number' },
      { path: 'accessControlList.2.resource', expected: 'non-empty array of non-empty strings', actual: 'array(0)' },
      { path: 'accessControlList.2.permission.1', expected: 'non-empty string', actual: 'string(0 chars)' },
      { path: 'accessControlList.2.permission.2', expected: 'non-empty string', actual: 'number' },
      { path: 'accessControlList.2.grantee.0.id', expected: 'non-empty string', actual: 'string(0 chars)' },
      { path: 'accessControlList.2.grantee.1', expected: 'grantee object with an id', actual: 'string(1 chars)' },
      { path: 'accessControlList.2.grantee.2.id', expected: 'non-empty string', actual: 'undefined' },
      { path: 'accessControlList.2.effect', expected: '"Allow" or "Deny"', actual: 'string(5 chars)' },
      {
        path: 'accessControlList.3.resource',
        expected: 'non-empty array of non-empty strings',
        actual: 'string(1 chars)',
      },
      {
        path: 'accessControlList.3.permission',
        expected: 'non-empty array of non-empty strings',
        actual: 'string(4 chars)',
      },
      { path: 'accessControlList.3.grantee', expected: 'non-empty array of grantees', actual: 'array(0)' },
    ])
  })

  it('names the first issue in the message, and never a value', () => {
    const secret = 'AKIA-very-secret'
    const error = parseAcl({
      accessControlList: [{ service: 'bcc', region: secret, permission: [secret], effect: secret }],
    })._unsafeUnwrapErr()
    expect(error.message).toBe('invalid ACL document; accessControlList.0.effect: expected "Allow" or "Deny"')
    for (const shown of [JSON.stringify(error), inspect(error, { showHidden: true }), error.message])
      expect(shown).not.toContain(secret)
  })

  it('a statement without resource when requireResource is set', () => {
    const noResource = { accessControlList: [{ service: 'bcc', region: 'bj', permission: ['READ'], effect: 'Allow' }] }
    expect(parseAcl(noResource).isOk()).toBe(true)
    expect(issuesOf(noResource, { requireResource: true })).toEqual([
      { path: 'accessControlList.0.resource', expected: 'non-empty array of non-empty strings', actual: 'undefined' },
    ])
  })

  it('reads own fields only: __proto__ is data, inherited members are not fields', () => {
    expect(issuesOf('{"__proto__":{"accessControlList":[]}}')).toEqual([
      { path: 'accessControlList', expected: 'non-empty array of statements', actual: 'undefined' },
    ])
    const inherited = Object.create({ accessControlList: policy.accessControlList }) as object
    expect(parseAcl(inherited).isErr()).toBe(true)
  })

  it('reports unreadable values (throwing getters, revoked proxies) instead of throwing', () => {
    const hostile = {
      get accessControlList(): never {
        throw new Error('boom')
      },
    }
    expect(issuesOf(hostile)).toEqual([
      { path: '(root)', expected: 'readable ACL document', actual: 'unreadable value' },
    ])
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(issuesOf(proxy)).toEqual([{ path: '(root)', expected: 'readable ACL document', actual: 'unreadable value' }])
  })
})

describe('validateAcl', () => {
  it('checks typed documents with the same grammar and its own operation name', () => {
    const typed: Acl = { accessControlList: [{ service: '', region: 'bj', permission: [], effect: 'Allow' }] }
    const error = validateAcl(typed)._unsafeUnwrapErr()
    expect(error.operation).toBe('validateAcl')
    expect(error.issues?.map((issue) => issue.path)).toEqual([
      'accessControlList.0.service',
      'accessControlList.0.permission',
    ])
  })

  it('does not JSON-parse strings (a string is not a document)', () => {
    expect(validateAcl(JSON.stringify(policy) as never)._unsafeUnwrapErr().issues?.[0]?.path).toBe('(root)')
  })
})
