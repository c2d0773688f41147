import fc from 'fast-check'
import { evaluateAcl, type Acl, type AclRequest, type AclStatement } from '../../lib/acl'
import { smallAcls, smallRequest, smallStatement } from './arbitraries'

/** A pattern as a regular expression: `*` is any run of characters, the rest literal. */
function patternRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*')
  return new RegExp(`^${body}$`, ignoreCase ? 'i' : '')
}

/**
 * The evaluator's documented rules, written independently (regular expressions instead of the
 * compiled globs, no caches): whether a well-typed statement applies to a request.
 */
function referenceMatches(statement: AclStatement, request: AclRequest): boolean {
  const deny = statement.effect === 'Deny'
  const { grantee, resource } = statement
  if (grantee !== undefined) {
    if (request.principal === undefined) {
      if (!deny) return false
    } else if (!grantee.some((g) => g.id === request.principal || g.id === '*')) return false
  }
  if (!patternRegExp(statement.service, true).test(request.service)) return false
  if (!patternRegExp(statement.region, false).test(request.region)) return false
  if (!statement.permission.some((p) => p === 'FULL_CONTROL' || patternRegExp(p, false).test(request.permission)))
    return false
  if (resource === undefined) return grantee !== undefined || deny
  return resource.some((r) => patternRegExp(r, false).test(request.resource))
}

function referenceEvaluate(acls: readonly Acl[], request: AclRequest) {
  const matched: { documentIndex: number; statementIndex: number; effect: string }[] = []
  acls.forEach((document, documentIndex) =>
    document.accessControlList.forEach((statement, statementIndex) => {
      if (referenceMatches(statement, request))
        matched.push({ documentIndex, statementIndex, effect: statement.effect })
    }),
  )
  const decision = matched.some((m) => m.effect === 'Deny')
    ? 'ExplicitDeny'
    : matched.length > 0
      ? 'Allow'
      : 'ImplicitDeny'
  return { decision, matched }
}

describe('evaluateAcl against an independent reference', () => {
  it('same decision and the same matched statements, in order, for any documents and request', () => {
    const seen = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 }
    fc.assert(
      fc.property(smallAcls, smallRequest, (acls, request) => {
        const actual = evaluateAcl(acls, request)
        const expected = referenceEvaluate(acls, request)
        seen[actual.decision] += 1
        expect(actual.decision).toBe(expected.decision)
        expect(
          actual.matched.map(({ documentIndex, statementIndex, effect }) => ({
            documentIndex,
            statementIndex,
            effect,
          })),
        ).toEqual(expected.matched)
        for (const match of actual.matched)
          expect(match.statement).toBe(acls[match.documentIndex]?.accessControlList[match.statementIndex])
        expect(Object.isFrozen(actual)).toBe(true)
        expect(Object.isFrozen(actual.matched)).toBe(true)
      }),
      { numRuns: 1500 },
    )
    expect(Math.min(seen.Allow, seen.ExplicitDeny, seen.ImplicitDeny)).toBeGreaterThan(100)
  })

  it('the service is compared case-insensitively on both sides; region, resource and permission are not', () => {
    const allow = (s: Partial<AclStatement>): Acl => ({
      accessControlList: [
        { service: 'bce:bos', region: 'bj', resource: ['a'], permission: ['READ'], effect: 'Allow', ...s },
      ],
    })
    const request = { service: 'bce:bos', region: 'bj', resource: 'a', permission: 'READ' }
    expect(evaluateAcl([allow({ service: 'BCE:Bos' })], { ...request, service: 'bce:BOS' }).decision).toBe('Allow')
    expect(evaluateAcl([allow({ service: 'BCE:*' })], request).decision).toBe('Allow')
    expect(evaluateAcl([allow({})], { ...request, region: 'BJ' }).decision).toBe('ImplicitDeny')
    expect(evaluateAcl([allow({})], { ...request, resource: 'A' }).decision).toBe('ImplicitDeny')
    expect(evaluateAcl([allow({})], { ...request, permission: 'read' }).decision).toBe('ImplicitDeny')
    expect(evaluateAcl([allow({ permission: ['full_control'] })], request).decision).toBe('ImplicitDeny')
    expect(evaluateAcl([allow({ permission: ['FULL_CONTROL'] })], { ...request, permission: 'X' }).decision).toBe(
      'Allow',
    )
  })
})

/** A field and a value of the wrong type for it (a string where a list belongs, and so on). */
const corruption: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.tuple(fc.constantFrom('service', 'region'), fc.constantFrom<unknown>(7, null, ['*'], { 0: '*' }, true)),
  fc.tuple(
    fc.constantFrom('permission', 'resource'),
    fc.constantFrom<unknown>('*', 'READ', 7, null, { 0: '*' }, [7], ['READ', null], true),
  ),
  fc.tuple(
    fc.constant('grantee'),
    fc.constantFrom<unknown>('*', '111', 7, [{ id: 7 }], [{ id: '*' }, 'x'], { id: '*' }),
  ),
)

describe('malformed statements (values that bypass the Acl type)', () => {
  it('an Allow with a field of the wrong type grants nothing (a permission "*" as a string included)', () => {
    fc.assert(
      fc.property(smallAcls, smallRequest, smallStatement, corruption, (acls, request, s, [field, bad]) => {
        const broken = { ...s, effect: 'Allow', [field]: bad } as unknown as AclStatement
        const before = evaluateAcl(acls, request)
        const after = evaluateAcl([...acls, { accessControlList: [broken] }], request)
        expect(after.decision).toBe(before.decision)
        expect(after.matched).toHaveLength(before.matched.length)
      }),
      { numRuns: 400 },
    )
    const everything = { service: '*', region: '*', resource: '*', permission: '*', effect: 'Allow' }
    const request = { service: 'bce:iam', region: 'bj', resource: 'user/a', permission: 'FULL_CONTROL' }
    expect(evaluateAcl([{ accessControlList: [everything as unknown as AclStatement] }], request).decision).toBe(
      'ImplicitDeny',
    )
  })

  it('a Deny with a field of the wrong type fails closed: it applies as if that field matched everything', () => {
    const wildcard: Record<string, unknown> = {
      service: '*',
      region: '*',
      permission: ['*'],
      resource: ['*'],
      grantee: undefined,
    }
    fc.assert(
      fc.property(smallRequest, smallStatement, corruption, (request, s, [field, bad]) => {
        const deny = { ...s, effect: 'Deny' as const }
        const broken = { ...deny, [field]: bad } as unknown as AclStatement
        const opened = { ...deny, [field]: wildcard[field] } as AclStatement
        const expected = referenceMatches(opened, request) ? 'ExplicitDeny' : 'ImplicitDeny'
        expect(evaluateAcl([{ accessControlList: [broken] }], request).decision).toBe(expected)
      }),
      { numRuns: 400 },
    )
  })

  it('statements that are not objects, or neither Allow nor Deny, are skipped without affecting the others', () => {
    const good = { service: '*', region: '*', resource: ['*'], permission: ['*'], effect: 'Allow' as const }
    const request = { service: 'bce:iam', region: 'bj', resource: 'user/a', permission: 'READ' }
    const junk: unknown[] = [null, 'Deny', 7, [], { ...good, effect: 'deny' }, { ...good, effect: undefined }]
    const evaluation = evaluateAcl(
      [{ accessControlList: [...junk, good] as unknown as AclStatement[] }, null as unknown as Acl, {} as Acl],
      request,
    )
    expect(evaluation.decision).toBe('Allow')
    expect(evaluation.matched.map((m) => [m.documentIndex, m.statementIndex])).toEqual([[0, junk.length]])
  })

  it('a request field that is not a string, or acls that are not a list, yield ImplicitDeny', () => {
    const everything: Acl = {
      accessControlList: [{ service: '*', region: '*', resource: ['*'], permission: ['*'], effect: 'Allow' }],
    }
    const request = { service: 'bce:iam', region: 'bj', resource: 'user/a', permission: 'READ' }
    expect(evaluateAcl([everything], request).decision).toBe('Allow')
    for (const key of ['service', 'region', 'resource', 'permission', 'principal'])
      expect(evaluateAcl([everything], { ...request, [key]: 5 }).decision).toBe('ImplicitDeny')
    expect(evaluateAcl([everything], null as never).decision).toBe('ImplicitDeny')
    // Not a Deny either: a request that cannot be read is refused before any statement is seen.
    const denyAll: Acl = { accessControlList: [{ ...everything.accessControlList[0]!, effect: 'Deny' }] }
    for (const key of ['service', 'principal'])
      expect(evaluateAcl([denyAll], { ...request, [key]: 5 })).toEqual({
        decision: 'ImplicitDeny',
        matched: [],
      })
    const disguised = { ...request, service: { toLowerCase: () => 'bce:iam' } }
    expect(evaluateAcl([everything], disguised as never).decision).toBe('ImplicitDeny')
    expect(evaluateAcl(everything as never, request).decision).toBe('ImplicitDeny')
  })
})

describe('statements that cannot be read (throwing getters, revoked proxies)', () => {
  const request = { service: 'bce:iam', region: 'bj', resource: 'user/a', permission: 'READ' }
  const grant = { service: '*', region: '*', resource: ['*'], permission: ['*'], effect: 'Allow' as const }
  const throwingField = (effect: unknown, field: string): AclStatement =>
    Object.defineProperty({ ...grant, effect }, field, {
      enumerable: true,
      get: () => {
        throw new Error('unreadable')
      },
    }) as unknown as AclStatement
  const revoked = (): AclStatement => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    return proxy as unknown as AclStatement
  }

  it('an unreadable Allow is skipped: the other statements are still evaluated', () => {
    for (const field of ['service', 'region', 'resource', 'permission', 'grantee']) {
      const evaluation = evaluateAcl([{ accessControlList: [throwingField('Allow', field), grant] }], request)
      expect(evaluation.decision).toBe('Allow')
      expect(evaluation.matched.map((m) => m.statementIndex)).toEqual([1])
    }
  })

  it('an unreadable Deny, or a statement whose effect cannot be read, fails closed', () => {
    for (const field of ['service', 'region', 'resource', 'permission', 'grantee']) {
      const evaluation = evaluateAcl([{ accessControlList: [grant, throwingField('Deny', field)] }], request)
      expect(evaluation.decision).toBe('ExplicitDeny')
      expect(evaluation.matched.map((m) => [m.statementIndex, m.effect])).toEqual([
        [0, 'Allow'],
        [1, 'Deny'],
      ])
    }
    expect(evaluateAcl([{ accessControlList: [grant, throwingField('x', 'effect')] }], request).decision).toBe(
      'ExplicitDeny',
    )
    expect(evaluateAcl([{ accessControlList: [revoked(), grant] }], request).decision).toBe('ExplicitDeny')
  })
})
