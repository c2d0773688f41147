import fc from 'fast-check'
import { deny, evaluateAcl, parseAcl, serializeAcl, type Acl, type AclStatement } from '../../lib/acl'
import { smallAcls, smallRequest, smallStatement, validAcl } from './arbitraries'
import { referenceCheck } from './reference-grammar'

const RUNS = { numRuns: 300 }

/** `acls` with `statement` inserted into document `at` (or as a new document when there is none). */
function withStatement(acls: readonly Acl[], statement: AclStatement, at: number, position: number): Acl[] {
  if (acls.length === 0) return [{ accessControlList: [statement] }]
  const index = at % acls.length
  return acls.map((document, i) => {
    if (i !== index) return document
    const list = [...document.accessControlList]
    list.splice(position % (list.length + 1), 0, statement)
    return { ...document, accessControlList: list }
  })
}

describe('evaluateAcl properties', () => {
  it('(a) deny overrides: adding a Deny that matches the request always yields ExplicitDeny', () => {
    fc.assert(
      fc.property(
        smallAcls,
        smallRequest,
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (acls, request, at, position, wildcard) => {
          const pattern = (value: string): string => (wildcard ? '*' : value)
          const matching = deny({
            service: pattern(request.service),
            region: pattern(request.region),
            resource: pattern(request.resource),
            permission: pattern(request.permission),
          })
          const after = evaluateAcl(withStatement(acls, matching, at, position), request)
          expect(after.decision).toBe('ExplicitDeny')
          expect(after.matched.some((match) => match.statement === matching)).toBe(true)
        },
      ),
      RUNS,
    )
  })

  it('(a) adding any Deny never produces an Allow that was not there', () => {
    fc.assert(
      fc.property(
        smallAcls,
        smallRequest,
        smallStatement,
        fc.nat(),
        fc.nat(),
        (acls, request, statement, at, position) => {
          const denial = { ...statement, effect: 'Deny' as const }
          const before = evaluateAcl(acls, request).decision
          const after = evaluateAcl(withStatement(acls, denial, at, position), request).decision
          if (after === 'Allow') expect(before).toBe('Allow')
          if (before === 'ExplicitDeny') expect(after).toBe('ExplicitDeny')
        },
      ),
      RUNS,
    )
  })

  it('(b) adding an Allow never turns Allow into a deny, nor ImplicitDeny into ExplicitDeny', () => {
    fc.assert(
      fc.property(
        smallAcls,
        smallRequest,
        smallStatement,
        fc.nat(),
        fc.nat(),
        (acls, request, statement, at, position) => {
          const grant = { ...statement, effect: 'Allow' as const }
          const before = evaluateAcl(acls, request).decision
          const after = evaluateAcl(withStatement(acls, grant, at, position), request).decision
          if (before === 'Allow') expect(after).toBe('Allow')
          if (before === 'ImplicitDeny') expect(after).not.toBe('ExplicitDeny')
          if (before === 'ExplicitDeny') expect(after).toBe('ExplicitDeny')
        },
      ),
      RUNS,
    )
  })

  it('the decision does not depend on statement or document order', () => {
    fc.assert(
      fc.property(smallAcls, smallRequest, (acls, request) => {
        const reversed = [...acls]
          .reverse()
          .map((document) => ({ ...document, accessControlList: [...document.accessControlList].reverse() }))
        expect(evaluateAcl(reversed, request).decision).toBe(evaluateAcl(acls, request).decision)
      }),
      RUNS,
    )
  })
})

describe('parseAcl / serializeAcl properties', () => {
  it('(c) serialise ∘ parse is the identity on valid documents, and serialising is stable', () => {
    fc.assert(
      fc.property(validAcl, (document) => {
        const text = serializeAcl(document)
        const parsed = parseAcl(text)
        expect(parsed.isOk()).toBe(true)
        expect(parsed._unsafeUnwrap()).toEqual(document)
        expect(serializeAcl(parsed._unsafeUnwrap())).toBe(text)
        expect(parseAcl(document)._unsafeUnwrap()).toEqual(document)
      }),
      RUNS,
    )
  })

  it('(c) unknown fields and null eids are dropped: the result is the typed document, a fixed point', () => {
    const noisy = fc.tuple(validAcl, fc.jsonValue({ maxDepth: 2 })).map(([document, noise]) => ({
      document,
      input: {
        condition: noise,
        ...document,
        accessControlList: document.accessControlList.map((statement) => ({
          notResource: noise,
          ...statement,
          eid: null,
        })),
      },
    }))
    fc.assert(
      fc.property(noisy, ({ document, input }) => {
        const typed = {
          ...document,
          accessControlList: document.accessControlList.map(({ eid: _eid, ...statement }) => statement),
        }
        const parsed = parseAcl(JSON.stringify(input))
        expect(parsed._unsafeUnwrap()).toEqual(typed)
        const text = serializeAcl(parsed._unsafeUnwrap())
        expect(text).not.toContain('notResource')
        expect(text).not.toContain('condition')
        expect(serializeAcl(parseAcl(text)._unsafeUnwrap())).toBe(text)
        const strict = parseAcl(JSON.stringify(input), { rejectUnknownFields: true })._unsafeUnwrapErr()
        expect(strict.issues?.map((issue) => issue.path).sort()).toEqual(
          ['condition', ...input.accessControlList.map((_, i) => `accessControlList.${i}.notResource`)].sort(),
        )
      }),
      RUNS,
    )
  })

  it('(c) arbitrary JSON is accepted exactly when the grammar allows it, and then re-serialises to a fixed point', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const parsed = parseAcl(JSON.stringify(input))
        const expected = referenceCheck(input)
        if (expected.issuePaths.length > 0) {
          expect(
            parsed
              ._unsafeUnwrapErr()
              .issues?.map((issue) => issue.path)
              .sort(),
          ).toEqual(expected.issuePaths)
        } else {
          expect(parsed._unsafeUnwrap()).toEqual(expected.acl)
          const text = serializeAcl(parsed._unsafeUnwrap())
          expect(serializeAcl(parseAcl(text)._unsafeUnwrap())).toBe(text)
        }
      }),
      RUNS,
    )
  })

  it('(d) parseAcl never throws, and every rejection has issues with paths', () => {
    const inputs = fc.oneof(
      fc.jsonValue(),
      fc.anything(),
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      validAcl.map((d) => JSON.stringify(d).slice(0, -1)),
    )
    fc.assert(
      fc.property(
        inputs,
        fc.record({ requireResource: fc.boolean(), rejectUnknownFields: fc.boolean() }, { requiredKeys: [] }),
        (input, options) => {
          const result = parseAcl(input, options)
          if (result.isOk()) {
            // Accepted only if the text (or value) really is a document the grammar allows.
            const value: unknown = typeof input === 'string' ? JSON.parse(input) : input
            expect(referenceCheck(value, options).acl).toEqual(result.value)
            return
          }
          const { issues, reason, operation, _tag } = result.error
          expect({ _tag, reason, operation }).toEqual({
            _tag: 'BceClientError',
            reason: 'InvalidInput',
            operation: 'parseAcl',
          })
          expect(issues?.length).toBeGreaterThan(0)
          for (const issue of issues ?? []) {
            expect(issue.path.length).toBeGreaterThan(0)
            expect(issue.expected.length).toBeGreaterThan(0)
          }
        },
      ),
      RUNS,
    )
  })

  it('(d) issues describe shapes, never string values', () => {
    const marker = 'MARKER-9f8e7d'
    const withMarker = fc.jsonValue({ maxDepth: 3 }).map((value) => ({
      accessControlList: [{ service: marker, region: [marker], permission: marker, effect: marker, x: value }],
      id: { marker },
    }))
    fc.assert(
      fc.property(withMarker, (input) => {
        const error = parseAcl(JSON.stringify(input))._unsafeUnwrapErr()
        expect(JSON.stringify(error)).not.toContain(marker)
        expect(error.message).not.toContain(marker)
      }),
      { numRuns: 100 },
    )
  })
})
