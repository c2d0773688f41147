import { EXAMPLES } from '../examples/run'
import { withEmulator } from './support/emulator'

describe('every example runs against the emulator and behaves as it says', () => {
  it.each(Object.keys(EXAMPLES))('%s', async (name) => {
    const fx = await withEmulator()
    const lines: string[] = []
    const example = EXAMPLES[name]!
    const passed = await example({
      endpoint: fx.emulator.endpoint,
      stsEndpoint: fx.emulator.stsEndpoint,
      accountId: fx.emulator.accountId,
      credentials: fx.emulator.credentials,
      log: (line) => lines.push(line),
    })
    await fx.close()
    expect({ passed, lines }).toEqual({ passed: true, lines: expect.any(Array) })
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.filter((line) => line.startsWith('✗'))).toEqual([])
  })

  it('quickstart prints the documented trace', async () => {
    const fx = await withEmulator()
    const lines: string[] = []
    await EXAMPLES.quickstart!({
      endpoint: fx.emulator.endpoint,
      stsEndpoint: fx.emulator.stsEndpoint,
      accountId: fx.emulator.accountId,
      credentials: fx.emulator.credentials,
      log: (l) => lines.push(l),
    })
    await fx.close()
    expect(lines).toHaveLength(7)
    expect(lines.join('\n')).toMatch(/AlreadyExists[\s\S]*NotFound/)
  })
})
