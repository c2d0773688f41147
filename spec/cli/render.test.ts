import { IamClient } from '../../lib'
import { errorText } from '../../lib/cli/error-text'
import { describeStep, renderPlan, stepSymbol } from '../../lib/cli/render-plan'

describe('the human plan', () => {
  const steps = [
    { action: 'create', target: 'policy', name: 'readers', document: { accessControlList: [] } },
    { action: 'update', target: 'user', name: 'alice', description: 'ops' },
    { action: 'attach', target: 'attachment', policy: { name: 'readers', type: 'Custom' }, group: 'devs' },
    { action: 'detach', target: 'attachment', policy: { name: 'AdministratorAccess', type: 'System' }, user: 'bob' },
    { action: 'delete', target: 'group', name: 'old' },
  ]

  it('marks additions +, changes ~ and removals -', () => {
    expect(['create', 'add', 'attach', 'update', 'delete', 'remove', 'detach'].map(stepSymbol)).toEqual([
      '+',
      '+',
      '+',
      '~',
      '-',
      '-',
      '-',
    ])
  })

  it('names what each step touches and never dumps a document', () => {
    expect(steps.map(describeStep)).toEqual([
      '+ create policy readers document=…',
      '~ update user alice description=ops',
      '+ attach attachment group=devs policy=readers',
      '- detach attachment user=bob policy=AdministratorAccess (System)',
      '- delete group old',
    ])
  })

  it("says an attachment plainly, in the library's step shape", () => {
    const attach = {
      action: 'attach',
      target: 'attachment',
      principal: 'group',
      name: 'devs',
      policy: 'readers',
      policyType: 'Custom',
    }
    const detach = {
      ...attach,
      action: 'detach',
      principal: 'user',
      name: 'bob',
      policy: 'AdministratorAccess',
      policyType: 'System',
    }
    expect(describeStep(attach)).toBe('+ attach policy readers to group devs')
    expect(describeStep(detach)).toBe('- detach policy AdministratorAccess (System) from user bob')
    const membership = { action: 'add', target: 'membership', user: 'alice', group: 'devs' }
    expect(describeStep(membership)).toBe('+ add membership user=alice group=devs')
  })

  it('counts the changes, and colours only when asked', () => {
    const plain = renderPlan(steps, false)
    expect(plain).toContain('Plan: 2 to add, 1 to change, 2 to remove.')
    expect(plain).not.toContain('\u001b[')
    const coloured = renderPlan(steps, true)
    expect(coloured).toContain('\u001b[32m+ create policy readers')
    expect(coloured).toContain('\u001b[31m- delete group old')
    expect(renderPlan([], true)).toBe('No changes: the account matches the document.\n')
  })
})

describe('error text', () => {
  it('prints an SDK error as its one-line summary', () => {
    const error = IamClient.create({
      credentials: { accessKeyId: 'AK', secretAccessKey: 'never-printed-secret' },
      endpoint: 'ftp://nowhere',
    })._unsafeUnwrapErr()
    const text = errorText(error)
    expect(text.startsWith(`error: ${String(error)}`)).toBe(true)
    expect(text).not.toContain('never-printed-secret')
  })

  it('lists every issue with its path under the summary', () => {
    const text = errorText({
      message: 'invalid document\nsecond line dropped',
      issues: [
        { path: 'users.alice.groups.0', expected: 'a group name', actual: 'a number' },
        { path: 'policies.p.document', expected: 'an ACL' },
      ],
    })
    expect(text).toBe(
      'error: invalid document\n' +
        '  users.alice.groups.0: expected a group name, got a number\n' +
        '  policies.p.document: expected an ACL\n',
    )
  })
})
