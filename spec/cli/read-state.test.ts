import { readStateDocument } from '../../lib/cli/read-state'

const paths = (text: string, format: 'json' | 'yaml' = 'yaml') =>
  readStateDocument(text, format)
    ._unsafeUnwrapErr()
    .issues.map((issue) => issue.path)

describe("the CLI's document reader", () => {
  it('reads YAML and JSON into the same state; an empty document is an empty state', () => {
    const yaml = readStateDocument('users:\n  a: { groups: [g], policies: [p, { name: X, type: System }] }\n', 'yaml')
    const json = readStateDocument(
      JSON.stringify({ users: { a: { groups: ['g'], policies: ['p', { name: 'X', type: 'System' }] } } }),
      'json',
    )
    expect(yaml._unsafeUnwrap()).toEqual(json._unsafeUnwrap())
    expect(readStateDocument('', 'yaml')._unsafeUnwrap()).toEqual({})
  })

  it('lists every problem with its path, policy documents checked by the ACL toolkit', () => {
    expect(
      paths(
        [
          'users:',
          '  a: { enabled: yes-please, groups: [7], policies: [{ name: X }], extra: 1 }',
          'policies:',
          '  p: { document: { accessControlList: [{ service: bos, region: "*", permission: [READ], effect: Allow }] } }',
          'things: {}',
        ].join('\n'),
      ),
    ).toEqual([
      'users.a.extra',
      'users.a.enabled',
      'users.a.groups.0',
      'users.a.policies.0',
      'policies.p.document.accessControlList.0.resource',
      'things',
    ])
  })

  it('accepts a role trust document without resource (the server fills it in)', () => {
    const trust =
      '{ accessControlList: [{ service: "bce:iam", region: "*", permission: [AssumeRole], effect: Allow, grantee: [{ id: "1" }] }] }'
    expect(readStateDocument(`roles:\n  r: { trust: ${trust} }\n`, 'yaml').isOk()).toBe(true)
  })

  it('text that does not parse, or is not an object, is one problem at the root', () => {
    expect(paths('{ nope', 'json')).toEqual(['(root)'])
    expect(paths('users: [unclosed', 'yaml')).toEqual(['(root)'])
    expect(paths('- a list')).toEqual(['(root)'])
  })
})
