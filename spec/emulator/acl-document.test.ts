import fc from 'fast-check'
import {
  normalisePolicyDocument,
  normaliseTrustDocument,
  parseAclText as parseAclTextResult,
  readAclField,
} from '../../lib/emulator/acl-document'
import { flat } from './verifier-harness'

/** The emulator's ACL readers, each as one value (the document, or the error), for plain assertions. */
const readAcl = (...args: Parameters<typeof readAclField>) => flat(readAclField(...args))
const parseAclText = (...args: Parameters<typeof parseAclTextResult>) => flat(parseAclTextResult(...args))

const statement = fc.record({
  service: fc.string({ minLength: 1, maxLength: 8 }),
  region: fc.constantFrom('*', 'bj', 'gz'),
  resource: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  permission: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
  effect: fc.constantFrom('Allow' as const, 'Deny' as const),
})
const acl = fc.record({ accessControlList: fc.array(statement, { minLength: 1, maxLength: 4 }) })

describe('ACL documents', () => {
  it('property: a valid policy keeps its statements and gains "id":"policy_<id>" first, whatever id it had', () => {
    fc.assert(
      fc.property(acl, fc.option(fc.string(), { nil: undefined }), (document, oldId) => {
        const sent = oldId === undefined ? document : { id: oldId, ...document }
        const checked = readAcl(sent, 'document', 'policy')
        expect(checked).not.toHaveProperty('code')
        const stored = normalisePolicyDocument(checked as Parameters<typeof normalisePolicyDocument>[0], 'abc')
        expect(stored.startsWith('{"id":"policy_abc",')).toBe(true)
        expect(JSON.parse(stored)).toEqual({ ...document, id: 'policy_abc' })
      }),
    )
  })

  it('keeps unknown fields (condition, notResource) as sent', () => {
    const text = JSON.stringify({
      version: 'v1',
      accessControlList: [
        {
          service: 's',
          region: '*',
          resource: ['*'],
          permission: ['READ'],
          effect: 'Allow',
          condition: { ipAddress: ['10.0.0.0/8'] },
        },
      ],
    })
    const parsed = parseAclText(text, 'document', 'policy')
    expect(
      JSON.parse(normalisePolicyDocument(parsed as Parameters<typeof normalisePolicyDocument>[0], 'x'))
        .accessControlList[0].condition,
    ).toEqual({ ipAddress: ['10.0.0.0/8'] })
  })

  it('lets trust documents leave out resource and fills it in', () => {
    const parsed = parseAclText(
      '{"accessControlList":[{"service":"bce:iam","region":"*","permission":["AssumeRole"],"effect":"Allow","grantee":[{"id":"*"}],"eid":"mine"}]}',
      'd',
      'trust',
    )
    expect(
      parseAclText(
        '{"accessControlList":[{"service":"bce:iam","region":"*","permission":["AssumeRole"],"effect":"Allow"}]}',
        'd',
        'policy',
      ),
    ).toMatchObject({ code: 'InappropriateJSON' })
    const stored = JSON.parse(normaliseTrustDocument(parsed as Parameters<typeof normaliseTrustDocument>[0], 'rid'))
    expect(stored).toEqual({
      id: 'sts role acl',
      accessControlList: [
        {
          eid: 'role acl entry',
          service: 'bce:iam',
          region: '*',
          permission: ['AssumeRole'],
          effect: 'Allow',
          grantee: [{ id: '*' }],
          resource: ['role/rid'],
        },
      ],
    })
  })

  it('rejects bad grantees and eids', () => {
    const base = { service: 's', region: '*', permission: ['AssumeRole'], effect: 'Allow' }
    expect(readAcl({ accessControlList: [{ ...base, grantee: 'me' }] }, 'd', 'trust')).toMatchObject({
      code: 'InappropriateJSON',
    })
    expect(readAcl({ accessControlList: [{ ...base, grantee: [{ id: 1 }] }] }, 'd', 'trust')).toMatchObject({
      code: 'InappropriateJSON',
    })
    expect(readAcl({ accessControlList: [{ ...base, eid: 3 }] }, 'd', 'trust')).toMatchObject({
      code: 'InappropriateJSON',
    })
    expect(readAcl({ id: 3, accessControlList: [base] }, 'd', 'trust')).toMatchObject({ code: 'InappropriateJSON' })
  })
})
