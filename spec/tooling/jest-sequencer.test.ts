import { existsSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..', '..')

interface TestLike {
  readonly path: string
  readonly duration?: number
  readonly context: {
    readonly config: { readonly rootDir: string; readonly cache: boolean }
    readonly hasteFS: { getSize(file: string): number }
  }
}
interface SequencerModule {
  new (options: { contexts: readonly unknown[]; globalConfig: unknown }): { sort(tests: TestLike[]): TestLike[] }
  readonly LONG_SUITES: readonly string[]
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LongSuitesFirst = require(path.join(root, 'scripts', 'jest-sequencer.js')) as SequencerModule

const testAt = (relative: string): TestLike => ({
  path: path.join(root, relative),
  // No timing cache, as in a clean clone: jest's own order is by file size alone.
  context: { config: { rootDir: root, cache: false }, hasteFS: { getSize: (file) => statSync(file).size } },
})

describe('the jest test order (scripts/jest-sequencer.js)', () => {
  it('names only suites that exist (a renamed long suite must be renamed in the list too)', () => {
    expect(LongSuitesFirst.LONG_SUITES.length).toBeGreaterThan(0)
    expect(LongSuitesFirst.LONG_SUITES.filter((suite) => !existsSync(path.join(root, suite)))).toEqual([])
  })

  it('starts the long suites first, in the listed order, whatever their file sizes', () => {
    const short = ['spec/errors/make.test.ts', 'spec/acl/glob.test.ts', 'spec/iam/users.e2e.test.ts']
    const long = LongSuitesFirst.LONG_SUITES.slice(0, 3)
    const tests = [short[0], long[2], short[1], long[0], short[2], long[1]].map((file) => testAt(file as string))
    const sorted = new LongSuitesFirst({ contexts: [], globalConfig: {} }).sort(tests)
    const order = sorted.map((test) => path.relative(root, test.path).replaceAll('\\', '/'))
    expect(order.slice(0, 3)).toEqual(long)
    expect([...order.slice(3)].sort()).toEqual([...short].sort())
  })
})
