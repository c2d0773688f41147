import fc from 'fast-check'
import { evaluateAcl, type Acl, type AclStatement } from '../../lib/acl'
import type { DesiredState } from '../../lib/iac'
import { simulate } from '../../lib/iac/simulate'
import type { SimulatedPrincipal, SimulationRequest } from '../../lib/iac/simulate-types'
import { smallStatement } from '../acl/arbitraries'

const allow = (permission: string, resource = '*', service = 'bce:iam'): AclStatement => ({
  service,
  region: '*',
  resource: [resource],
  permission: [permission],
  effect: 'Allow',
})
const deny = (permission: string, resource = '*'): AclStatement => ({
  ...allow(permission, resource),
  effect: 'Deny',
})
const policy = (...statements: AclStatement[]) => ({
  document: { accessControlList: statements },
})

const state: DesiredState = {
  users: {
    alice: { groups: ['devs'], policies: ['readers'] },
    bob: { groups: ['devs', 'locked'], policies: ['readers'] },
    carol: { enabled: false, policies: ['readers'] },
    dave: { policies: [{ name: 'IAMReadAccess', type: 'System' }] },
  },
  groups: {
    devs: { policies: ['readers', 'writers'] },
    locked: { policies: ['no-delete'] },
  },
  policies: {
    readers: policy(allow('READ')),
    writers: policy(allow('WRITE', 'user/*'), allow('READ', 'bucket/*', 'bce:bos')),
    'no-delete': policy(allow('READ', 'nothing'), deny('WRITE', 'user/root*')),
  },
  roles: { ops: { trust: { accessControlList: [] }, policies: ['writers'] } },
}

const ask = (
  principal: SimulatedPrincipal,
  permission: string,
  resource: string,
  extra: Partial<SimulationRequest> = {},
) => simulate(state, { principal, permission, resource, ...extra })

describe('simulate', () => {
  it('allows through a policy attached to the user, naming the deciding statement', () => {
    const result = ask({ user: 'alice' }, 'READ', 'user/bob')._unsafeUnwrap()
    expect(result).toMatchObject({
      allowed: true,
      decision: 'Allow',
      disabled: false,
    })
    // readers is held both directly and through devs: one policy, both ways listed.
    expect(result.deciding).toEqual([
      {
        policy: 'readers',
        policyType: 'Custom',
        via: [
          { kind: 'user', name: 'alice' },
          { kind: 'group', name: 'devs' },
        ],
        statementIndex: 0,
        effect: 'Allow',
        statement: allow('READ'),
      },
    ])
    expect(result.policies.map((p) => p.name)).toEqual(['readers', 'writers'])
  })

  it('allows through a group policy, at the statement index where it matched', () => {
    const result = ask({ user: 'alice' }, 'READ', 'bucket/x', {
      service: 'bce:bos',
      region: 'gz',
    })._unsafeUnwrap()
    expect(result.decision).toBe('Allow')
    expect(result.deciding.map((s) => [s.policy, s.statementIndex, s.via])).toEqual([
      ['writers', 1, [{ kind: 'group', name: 'devs' }]],
    ])
  })

  it('a Deny in one group wins over an Allow in another, and only the Deny decides', () => {
    const result = ask({ user: 'bob' }, 'WRITE', 'user/root-admin')._unsafeUnwrap()
    expect(result).toMatchObject({ allowed: false, decision: 'ExplicitDeny' })
    expect(result.deciding.map((s) => [s.policy, s.statementIndex, s.effect])).toEqual([['no-delete', 1, 'Deny']])
    expect(result.matched.map((s) => [s.policy, s.statementIndex, s.effect])).toEqual([
      ['writers', 0, 'Allow'],
      ['no-delete', 1, 'Deny'],
    ])
    expect(ask({ user: 'alice' }, 'WRITE', 'user/root-admin')._unsafeUnwrap().decision).toBe('Allow')
  })

  it('denies implicitly when nothing matches, with no deciding statement', () => {
    const result = ask({ user: 'alice' }, 'WRITE', 'group/devs')._unsafeUnwrap()
    expect(result).toMatchObject({
      allowed: false,
      decision: 'ImplicitDeny',
      deciding: [],
      matched: [],
    })
  })

  it('evaluates bce:iam in bj unless the request names a service and region', () => {
    expect(ask({ user: 'alice' }, 'READ', 'bucket/x')._unsafeUnwrap().decision).toBe('Allow') // readers: bce:iam, *
    expect(ask({ role: 'ops' }, 'READ', 'bucket/x')._unsafeUnwrap().decision).toBe('ImplicitDeny')
    expect(
      ask({ role: 'ops' }, 'READ', 'bucket/x', {
        service: 'BCE:BOS',
      })._unsafeUnwrap().decision,
    ).toBe('Allow')
  })

  it("a role's and a group's own policies", () => {
    expect(ask({ role: 'ops' }, 'WRITE', 'user/x')._unsafeUnwrap().deciding[0]?.via).toEqual([
      { kind: 'role', name: 'ops' },
    ])
    expect(ask({ group: 'locked' }, 'WRITE', 'user/root')._unsafeUnwrap().decision).toBe('ExplicitDeny')
    expect(ask({ group: 'locked' }, 'READ', 'user/root')._unsafeUnwrap().decision).toBe('ImplicitDeny')
  })

  it('a disabled user is allowed nothing, though its statements still show as matched', () => {
    const result = ask({ user: 'carol' }, 'READ', 'user/x')._unsafeUnwrap()
    expect(result).toMatchObject({
      allowed: false,
      decision: 'ImplicitDeny',
      disabled: true,
      deciding: [],
    })
    expect(result.matched).toHaveLength(1)
  })

  it('takes System policies from the option, and fails on one it does not know instead of ignoring it', () => {
    const unknown = ask({ user: 'dave' }, 'READ', 'user/x')._unsafeUnwrapErr()
    expect(unknown._tag).toBe('IacError')
    expect(unknown.issues).toEqual([
      expect.objectContaining({
        path: 'users.dave.policies.0',
        actual: 'IAMReadAccess',
      }),
    ])
    const known = simulate(
      state,
      { principal: { user: 'dave' }, permission: 'READ', resource: 'user/x' },
      {
        systemPolicies: {
          IAMReadAccess: { accessControlList: [allow('READ')] },
        },
      },
    )._unsafeUnwrap()
    expect(known.deciding.map((s) => [s.policy, s.policyType])).toEqual([['IAMReadAccess', 'System']])
  })

  it('reports every unresolvable reference with its path', () => {
    const broken: DesiredState = {
      users: { eve: { groups: ['devs', 'ghosts'], policies: ['missing'] } },
      groups: { devs: { policies: ['also-missing'] } },
    }
    const error = simulate(broken, {
      principal: { user: 'eve' },
      permission: 'READ',
      resource: 'x',
    })._unsafeUnwrapErr()
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'users.eve.groups.1',
      'users.eve.policies.0',
      'groups.devs.policies.0',
    ])
    for (const principal of [{ user: 'nobody' }, { group: 'nobody' }, { role: 'nobody' }, { user: 'constructor' }])
      expect(
        simulate(state, {
          principal,
          permission: 'READ',
          resource: 'x',
        })._unsafeUnwrapErr().issues,
      ).toHaveLength(1)
  })

  it('never resolves a name from the prototype chain', () => {
    const tricky: DesiredState = {
      users: { u: { policies: ['toString'], groups: ['hasOwnProperty'] } },
    }
    expect(
      simulate(tricky, {
        principal: { user: 'u' },
        permission: 'READ',
        resource: 'x',
      })._unsafeUnwrapErr().issues,
    ).toHaveLength(2)
  })
})

// Property: the answer equals a naive oracle that evaluates each policy the principal holds on its own with
// evaluateAcl and combines the answers (any Deny wins, then any Allow), over random documents.
const names = ['p0', 'p1', 'p2', 'p3']
const groupNames = ['g0', 'g1', 'g2']
const someOf = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: values.length })

const arbitraryState = fc.record({
  policies: fc.tuple(...names.map(() => fc.array(smallStatement, { minLength: 1, maxLength: 3 }))),
  groups: fc.tuple(...groupNames.map(() => someOf(names))),
  userPolicies: someOf(names),
  userGroups: someOf(groupNames),
  enabled: fc.option(fc.boolean(), { nil: undefined }),
})

const arbitraryRequest = fc.record({
  service: fc.constantFrom('bce:bos', 'bcc', 'bce:iam'),
  region: fc.constantFrom('bj', 'gz'),
  resource: fc.constantFrom('a', 'a/b', 'a/b/c', 'b', 'bx'),
  permission: fc.constantFrom('READ', 'WRITE', 'LIST', 'FULL_CONTROL'),
})

describe('simulate against a naive oracle', () => {
  it('decides like evaluating each held policy alone and combining (Deny wins), with the same deciding statements', () => {
    fc.assert(
      fc.property(arbitraryState, arbitraryRequest, (drawn, request) => {
        const documents: Record<string, Acl> = Object.fromEntries(
          names.map((name, i) => [name, { accessControlList: drawn.policies[i]! }]),
        )
        const doc: DesiredState = {
          users: {
            u: {
              policies: drawn.userPolicies,
              groups: drawn.userGroups,
              enabled: drawn.enabled,
            },
          },
          groups: Object.fromEntries(groupNames.map((name, i) => [name, { policies: drawn.groups[i]! }])),
          policies: Object.fromEntries(names.map((name) => [name, { document: documents[name]! }])),
        }
        const result = simulate(doc, {
          principal: { user: 'u' },
          ...request,
        })._unsafeUnwrap()

        const held = new Set([
          ...drawn.userPolicies,
          ...drawn.userGroups.flatMap((g) => drawn.groups[groupNames.indexOf(g)]!),
        ])
        const perPolicy = [...held].map((name) => ({
          name,
          evaluation: evaluateAcl([documents[name]!], request),
        }))
        const denies = perPolicy.flatMap(({ name, evaluation }) =>
          evaluation.matched.filter((m) => m.effect === 'Deny').map((m) => `${name}#${m.statementIndex}`),
        )
        const allows = perPolicy.flatMap(({ name, evaluation }) =>
          evaluation.matched.filter((m) => m.effect === 'Allow').map((m) => `${name}#${m.statementIndex}`),
        )
        const expected =
          drawn.enabled === false
            ? 'ImplicitDeny'
            : denies.length > 0
              ? 'ExplicitDeny'
              : allows.length > 0
                ? 'Allow'
                : 'ImplicitDeny'
        const deciding = expected === 'ExplicitDeny' ? denies : expected === 'Allow' ? allows : []

        expect(result.decision).toBe(expected)
        expect(result.allowed).toBe(expected === 'Allow')
        expect(result.deciding.map((s) => `${s.policy}#${s.statementIndex}`).sort()).toEqual(deciding.sort())
        expect(result.policies.map((p) => p.name).sort()).toEqual([...held].sort())
      }),
      { numRuns: 300 },
    )
  })
})
