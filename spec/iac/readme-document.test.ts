import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readDesiredState } from '../../lib/iac'

describe('the README’s IAM-as-code document', () => {
  it('is a valid desired state: the group grants the declared policy, alice is in the group', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8')
    const block = readme.split('```yaml\n')[1]?.split('```')[0] ?? ''
    const state = readDesiredState(block, 'yaml')._unsafeUnwrap()
    expect(state.users?.alice?.groups).toEqual(['devs'])
    expect(state.groups?.devs?.policies).toEqual(['readers'])
    expect(Object.keys(state.policies ?? {})).toEqual(['readers'])
  })
})
