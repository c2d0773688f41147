import fc from 'fast-check'
import { parseAcl, serializeAcl, validateAcl, type Acl } from '../../lib/acl'
import { checkAcl } from '../../lib/acl/check-acl'
import { validAcl } from './arbitraries'
import { referenceCheck } from './reference-grammar'

/** Values that are right for some fields and wrong for others. */
const interesting = fc.constantFrom<unknown>(
  '',
  'x',
  'Allow',
  'Deny',
  'allow',
  0,
  1,
  true,
  null,
  [],
  [''],
  ['a'],
  ['a', ''],
  ['a', 1],
  [null],
  {},
  { id: '' },
  { id: 'a' },
  [{ id: 'a' }],
  [{ id: 'a', x: 1 }],
  [{ id: '' }, 'a'],
  [{}],
  ['*'],
)

interface Corruption {
  readonly where: 'document' | 'statement' | 'grantee'
  readonly index: number
  readonly key: string
  readonly value: unknown
  readonly remove: boolean
}

const corruption: fc.Arbitrary<Corruption> = fc.record({
  where: fc.constantFrom('document' as const, 'statement' as const, 'statement' as const, 'grantee' as const),
  index: fc.nat({ max: 5 }),
  key: fc.constantFrom(
    'id',
    'version',
    'accessControlList',
    'eid',
    'service',
    'region',
    'resource',
    'permission',
    'grantee',
    'effect',
    'condition',
    'a.b',
    '',
  ),
  value: interesting,
  remove: fc.boolean(),
})

/** A valid document with a few fields replaced, removed or added, as plain JSON. */
const nearlyValid: fc.Arbitrary<unknown> = fc
  .tuple(validAcl, fc.array(corruption, { maxLength: 3 }))
  .map(([document, corruptions]) => {
    const copy = JSON.parse(JSON.stringify(document)) as Record<string, unknown>
    for (const c of corruptions) {
      const list = copy.accessControlList
      let target: unknown = copy
      if (c.where !== 'document') {
        if (!Array.isArray(list) || list.length === 0) continue
        target = list[c.index % list.length]
        if (c.where === 'grantee') {
          const grantees = (target as { grantee?: unknown } | null)?.grantee
          if (!Array.isArray(grantees) || grantees.length === 0) continue
          target = grantees[c.index % grantees.length]
        }
      }
      if (typeof target !== 'object' || target === null || Array.isArray(target)) continue
      const record = target as Record<string, unknown>
      if (c.remove) Reflect.deleteProperty(record, c.key)
      else record[c.key] = c.value
    }
    return copy
  })

const optionsArb = fc.record({ requireResource: fc.boolean(), rejectUnknownFields: fc.boolean() }, { requiredKeys: [] })

describe('the ACL grammar against an independent reference', () => {
  it('parseAcl accepts exactly what the grammar accepts, with the same typed result and the same issue paths', () => {
    let accepted = 0
    let rejected = 0
    fc.assert(
      fc.property(
        fc.oneof({ weight: 6, arbitrary: nearlyValid }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }),
        optionsArb,
        fc.boolean(),
        (value, options, asText) => {
          const expected = referenceCheck(value, options)
          const result = parseAcl(asText ? JSON.stringify(value) : value, options)
          if (expected.issuePaths.length === 0) {
            accepted += 1
            expect(result._unsafeUnwrap()).toEqual(expected.acl)
            expect(Object.isFrozen(result._unsafeUnwrap())).toBe(true)
            const text = serializeAcl(result._unsafeUnwrap())
            expect(serializeAcl(parseAcl(text, options)._unsafeUnwrap())).toBe(text)
          } else {
            rejected += 1
            const error = result._unsafeUnwrapErr()
            expect(error).toMatchObject({ _tag: 'BceClientError', reason: 'InvalidInput', operation: 'parseAcl' })
            expect((error.issues ?? []).map((issue) => issue.path).sort()).toEqual(expected.issuePaths)
            const first = error.issues?.[0]
            const more = expected.issuePaths.length > 1 ? ` (and ${expected.issuePaths.length - 1} more)` : ''
            expect(error.message).toBe(`invalid ACL document; ${first?.path}: expected ${first?.expected}${more}`)
          }
        },
      ),
      { numRuns: 600 },
    )
    // Both branches must be exercised for the property to mean anything.
    expect(accepted).toBeGreaterThan(60)
    expect(rejected).toBeGreaterThan(60)
  })

  it('validateAcl and checkAcl agree with parseAcl on parsed values, under their own operation name', () => {
    fc.assert(
      fc.property(nearlyValid, optionsArb, (value, options) => {
        const expected = referenceCheck(value, options)
        const validated = validateAcl(value as Acl, options)
        const checked = checkAcl(value, options)
        if (expected.issuePaths.length === 0) {
          expect(validated._unsafeUnwrap()).toEqual(expected.acl)
          expect(checked._unsafeUnwrap()).toEqual(expected.acl)
        } else {
          expect(validated._unsafeUnwrapErr().operation).toBe('validateAcl')
          expect(checked._unsafeUnwrapErr().length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('issues name what was expected and the shape found, never the value', () => {
    const issues = parseAcl({
      id: 5,
      accessControlList: [
        { service: '', region: 'bj', permission: 'READ', effect: 'deny', grantee: [{ id: 7 }], resource: [] },
        'not a statement',
      ],
    })._unsafeUnwrapErr().issues
    expect(issues).toEqual([
      { path: 'id', expected: 'string', actual: 'number' },
      { path: 'accessControlList.0.service', expected: 'non-empty string', actual: 'string(0 chars)' },
      { path: 'accessControlList.0.resource', expected: 'non-empty array of non-empty strings', actual: 'array(0)' },
      {
        path: 'accessControlList.0.permission',
        expected: 'non-empty array of non-empty strings',
        actual: 'string(4 chars)',
      },
      { path: 'accessControlList.0.grantee.0.id', expected: 'non-empty string', actual: 'number' },
      { path: 'accessControlList.0.effect', expected: '"Allow" or "Deny"', actual: 'string(4 chars)' },
      { path: 'accessControlList.1', expected: 'statement object', actual: 'string(15 chars)' },
    ])
  })

  it('unknown fields are named with only the known ones listed, a dotted or empty name quoted', () => {
    const issues = parseAcl(
      {
        'a.b': 1,
        accessControlList: [
          { service: 's', region: 'r', permission: ['P'], effect: 'Allow', '': 2, grantee: [{ id: 'a', x: 1 }] },
        ],
      },
      { rejectUnknownFields: true },
    )._unsafeUnwrapErr().issues
    expect(issues).toEqual([
      { path: 'accessControlList.0.grantee.0.x', expected: 'only the fields id', actual: 'number' },
      {
        path: 'accessControlList.0.""',
        expected: 'only the fields eid, service, region, resource, permission, grantee, effect',
        actual: 'number',
      },
      { path: '"a.b"', expected: 'only the fields id, version, accessControlList', actual: 'number' },
    ])
  })

  it('malformed JSON text is one issue at (root); a value that cannot be read is one issue too', () => {
    expect(parseAcl('{"accessControlList": [')._unsafeUnwrapErr().issues).toEqual([
      { path: '(root)', expected: 'JSON text of an ACL document', actual: 'string(23 chars)' },
    ])
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no')
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('no')
        },
      },
    )
    expect(checkAcl(hostile)._unsafeUnwrapErr()).toEqual([
      { path: [], expected: 'readable ACL document', actual: 'unreadable value' },
    ])
  })

  it('options are read defensively: a throwing getter or a non-boolean counts as false', () => {
    const statement = { service: 's', region: 'r', permission: ['P'], effect: 'Allow', extra: 1 }
    const throwing = {
      get requireResource(): boolean {
        throw new Error('no')
      },
    }
    expect(parseAcl({ accessControlList: [statement] }, throwing as never).isOk()).toBe(true)
    expect(parseAcl({ accessControlList: [statement] }, { requireResource: 'yes' } as never).isOk()).toBe(true)
    expect(parseAcl({ accessControlList: [statement] }, { rejectUnknownFields: 1 } as never).isOk()).toBe(true)
    expect(parseAcl({ accessControlList: [statement] }, { requireResource: true }).isErr()).toBe(true)
  })
})
