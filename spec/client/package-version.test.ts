import pkg from '../../package.json'
import { SDK_VERSION } from '../../lib/client/user-agent'

describe('package metadata', () => {
  it('keeps SDK_VERSION in step with package.json', () => {
    expect(SDK_VERSION).toBe(pkg.version)
  })
})
