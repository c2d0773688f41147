import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
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

describe('examples copy and paste into a user project', () => {
  const examplesDir = join(__dirname, '..', 'examples')
  const sources = ['', 'jest'].flatMap((folder) =>
    readdirSync(join(examplesDir, folder))
      .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
      .map((file) => ({ file: join(folder, file), text: readFileSync(join(examplesDir, folder, file), 'utf8') })),
  )

  it('import the SDK by its package name, never from ../lib', () => {
    expect(sources.length).toBeGreaterThan(5)
    const relative = sources.filter(({ text }) => /from '\.\.\/lib/.test(text)).map(({ file }) => file)
    expect(relative).toEqual([])
  })

  it('import only subpaths the package exports (tsconfig paths name exactly the package exports)', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>
    }
    const exported = Object.keys(pkg.exports)
      .filter((key) => key !== './package.json')
      .map((key) => (key === '.' ? 'bce-iam' : `bce-iam/${key.slice(2)}`))
    const tsconfig = JSON.parse(readFileSync(join(__dirname, '..', 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, unknown> }
    }
    expect(Object.keys(tsconfig.compilerOptions.paths).sort()).toEqual([...exported].sort())
    const imported = sources.flatMap(({ text }) => [...text.matchAll(/from '(bce-iam[^']*)'/g)].map((m) => m[1]))
    expect(imported.filter((name) => !exported.includes(name ?? ''))).toEqual([])
  })
})
