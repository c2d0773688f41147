import fc from 'fast-check'
import type { Acl, AclRequest, AclStatement } from '../../lib/acl'

const text = fc.string({ minLength: 1, maxLength: 12 })
const textList = fc.array(text, { minLength: 1, maxLength: 3 })

/** Any statement the grammar accepts (random strings, optional fields present or not). */
export const validStatement: fc.Arbitrary<AclStatement> = fc.record(
  {
    eid: fc.string({ maxLength: 8 }),
    service: text,
    region: text,
    resource: textList,
    permission: textList,
    grantee: fc.array(fc.record({ id: text }), { minLength: 1, maxLength: 2 }),
    effect: fc.constantFrom('Allow' as const, 'Deny' as const),
  },
  { requiredKeys: ['service', 'region', 'permission', 'effect'] },
)

/** Any document the grammar accepts. */
export const validAcl: fc.Arbitrary<Acl> = fc.record(
  {
    id: fc.string({ maxLength: 8 }),
    version: fc.constantFrom('v1', ''),
    accessControlList: fc.array(validStatement, { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ['accessControlList'] },
)

// A small universe so that statements and requests often meet, wildcards and all.
const services = ['bce:bos', 'BCE:BOS', 'bcc', 'bce:*', '*']
const regions = ['bj', 'gz', '*']
const resources = ['a', 'a/b', 'a/b/c', 'a/*', 'a/*/c', 'b*', '*']
const permissions = ['READ', 'WRITE', 'LIST', 'FULL_CONTROL', 'R*', '*']
const principals = ['111', '222', '*']

/** A user-based statement over the small universe (sometimes with grantee, sometimes without resource). */
export const smallStatement: fc.Arbitrary<AclStatement> = fc.record(
  {
    service: fc.constantFrom(...services),
    region: fc.constantFrom(...regions),
    resource: fc.array(fc.constantFrom(...resources), { minLength: 1, maxLength: 2 }),
    permission: fc.array(fc.constantFrom(...permissions), { minLength: 1, maxLength: 2 }),
    grantee: fc.array(fc.record({ id: fc.constantFrom(...principals) }), { minLength: 1, maxLength: 2 }),
    effect: fc.constantFrom('Allow' as const, 'Deny' as const),
  },
  { requiredKeys: ['service', 'region', 'permission', 'effect'] },
)

/** A few documents over the small universe. */
export const smallAcls: fc.Arbitrary<Acl[]> = fc.array(
  fc.record({ accessControlList: fc.array(smallStatement, { minLength: 1, maxLength: 4 }) }),
  { maxLength: 3 },
)

/** A request over the small universe (literal values), with or without a principal. */
export const smallRequest: fc.Arbitrary<AclRequest> = fc.record(
  {
    service: fc.constantFrom('bce:bos', 'bcc', 'bce:iam'),
    region: fc.constantFrom('bj', 'gz'),
    resource: fc.constantFrom('a', 'a/b', 'a/b/c', 'a/x/c', 'b', 'bz'),
    permission: fc.constantFrom('READ', 'WRITE', 'LIST', 'RX'),
    principal: fc.constantFrom('111', '222'),
  },
  { requiredKeys: ['service', 'region', 'resource', 'permission'] },
)
