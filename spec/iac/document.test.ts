import { readDesiredState, validateDesiredState, writeDesiredState } from '../../lib/iac/index'

const POLICY = {
  accessControlList: [{ service: 'bcc', region: '*', resource: ['*'], permission: ['READ'], effect: 'Allow' }],
}
const TRUST = {
  accessControlList: [
    { service: 'bce:iam', region: '*', permission: ['AssumeRole'], effect: 'Allow', grantee: [{ id: '123' }] },
  ],
}

const valid = {
  users: {
    alice: {
      description: 'dev',
      enabled: true,
      groups: ['devs'],
      policies: ['read-bcc', { name: 'AdministratorAccess', type: 'System' }],
    },
  },
  groups: { devs: { policies: ['read-bcc'] } },
  policies: { 'read-bcc': { description: 'read', document: POLICY } },
  roles: { ops: { trust: TRUST, policies: ['read-bcc'] } },
}

describe('validateDesiredState', () => {
  it('accepts a valid document, trust documents without resources', () => {
    expect(validateDesiredState(valid).isOk()).toBe(true)
  })

  it('reports every problem with its path', () => {
    const result = validateDesiredState({
      users: { alice: { groups: [3, 'nobody'], enabled: 'yes', colour: 'red' } },
      policies: {
        p: {
          document: { accessControlList: [{ service: 'bcc', region: '*', permission: ['READ'], effect: 'Allow' }] },
        },
      },
      extra: {},
    })
    expect(result.isErr()).toBe(true)
    const error = result._unsafeUnwrapErr()
    expect(error._tag).toBe('IacError')
    expect(Object.isFrozen(error)).toBe(true)
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(
      [
        'extra',
        'policies.p.document.accessControlList.0.resource',
        'users.alice.colour',
        'users.alice.enabled',
        'users.alice.groups.0',
      ].sort(),
    )
  })

  it('reports references to undeclared groups and custom policies', () => {
    const result = validateDesiredState({ users: { bob: { groups: ['ghosts'], policies: ['nope'] } } })
    expect(result._unsafeUnwrapErr().issues.map((issue) => issue.path)).toEqual([
      'users.bob.groups.0',
      'users.bob.policies.0',
    ])
  })
})

describe('readDesiredState and writeDesiredState', () => {
  it.each(['json', 'yaml'] as const)('round-trips in %s', (format) => {
    const state = validateDesiredState(valid)._unsafeUnwrap()
    const text = writeDesiredState(state, format)
    const again = readDesiredState(text, format)._unsafeUnwrap()
    expect(writeDesiredState(again, format)).toBe(text)
    expect(again).toEqual(state)
  })

  it('reports unparsable text at the root', () => {
    const error = readDesiredState('{ nope', 'json')._unsafeUnwrapErr()
    expect(error.reason).toBe('UnreadableText')
    expect(error.issues[0]?.path).toBe('(root)')
  })
})
