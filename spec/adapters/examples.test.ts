import { effect } from '../../examples/effect'
import { fpTs } from '../../examples/fp-ts'
import type { Example } from '../../examples/context'
import { withEmulator } from '../support/emulator'

describe('the adapter examples run against the emulator and behave as they say', () => {
  it.each([
    ['fp-ts', fpTs, 4],
    ['effect', effect, 5],
  ] as Array<[string, Example, number]>)('%s', async (_name, example, steps) => {
    const fx = await withEmulator()
    const lines: string[] = []
    const passed = await example({
      endpoint: fx.emulator.endpoint,
      stsEndpoint: fx.emulator.stsEndpoint,
      accountId: fx.emulator.accountId,
      credentials: fx.emulator.credentials,
      log: (line) => lines.push(line),
    })
    await fx.close()
    expect(lines.filter((line) => line.startsWith('✗'))).toEqual([])
    expect(lines.filter((line) => line.startsWith('✓'))).toHaveLength(steps)
    expect(passed).toBe(true)
  })
})
