import { systemPolicyDocuments } from '../../lib/cli/system-policies'
import { simulate } from '../../lib/iac/simulate'
import { withEmulator } from '../support/emulator'

describe("the account's System policies, read live for a simulation", () => {
  it('resolves a System policy a document holds by name, and answers with it', async () => {
    const fixture = await withEmulator({ seed: 3 })
    try {
      const systemPolicies = (await systemPolicyDocuments(fixture.iam))._unsafeUnwrap()
      expect(Object.keys(systemPolicies)).toEqual(expect.arrayContaining(['AdministratorAccess', 'IAMReadAccess']))
      const state = { users: { dave: { policies: [{ name: 'IAMReadAccess', type: 'System' as const }] } } }
      const ask = (permission: string) =>
        simulate(state, { principal: { user: 'dave' }, permission, resource: 'user/x' }, { systemPolicies })
      expect(
        ask('READ')
          ._unsafeUnwrap()
          .deciding.map((s) => [s.policy, s.policyType, s.statementIndex]),
      ).toEqual([['IAMReadAccess', 'System', 0]])
      expect(ask('WRITE')._unsafeUnwrap().decision).toBe('ImplicitDeny')
    } finally {
      await fixture.close()
    }
  })
})
