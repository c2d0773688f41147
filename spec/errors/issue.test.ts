import { nestIssue, renderIssue, renderPath } from '../../lib/errors/issue'

describe('issue paths', () => {
  it('renders keys and indexes dotted, and the empty path as (root)', () => {
    expect(renderPath(['users', 3, 'createTime'])).toBe('users.3.createTime')
    expect(renderPath([])).toBe('(root)')
  })

  it('nests an issue under a prefix without touching the original', () => {
    const inner = { path: ['id'], expected: 'string' } as const
    expect(nestIssue(['users', 0], inner)).toEqual({ path: ['users', 0, 'id'], expected: 'string' })
    expect(inner.path).toEqual(['id'])
    expect(nestIssue(['input', 'acl'], { path: [], expected: 'object' }).path).toEqual(['input', 'acl'])
  })

  it('renders to the public form, keeping actual only when there is one', () => {
    expect(renderIssue({ path: ['input', 'userName'], expected: 'name', actual: 'empty string' })).toEqual({
      path: 'input.userName',
      expected: 'name',
      actual: 'empty string',
    })
    expect(Object.keys(renderIssue({ path: [], expected: 'JSON document' }))).toEqual(['path', 'expected'])
  })
})
