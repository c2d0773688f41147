import { quickstart } from '../examples/quickstart'
import { withEmulator } from './support/emulator'

describe('examples run against the emulator', () => {
  it('quickstart behaves as it says', async () => {
    const fx = await withEmulator()
    const lines: string[] = []
    const passed = await quickstart({ endpoint: fx.emulator.endpoint, stsEndpoint: fx.emulator.stsEndpoint, credentials: fx.emulator.credentials, log: (l) => lines.push(l) })
    expect(passed).toBe(true)
    expect(lines).toHaveLength(7)
    expect(lines.every((l) => l.startsWith('✓'))).toBe(true)
    expect(lines.join('\n')).toContain('AlreadyExists')
    expect(lines.join('\n')).toContain('NotFound')
    await fx.close()
  })
})
