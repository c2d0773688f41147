import fc from 'fast-check'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import { watchDeclaredKinds } from '../operation/declared-kinds'

/** Every service error this suite's client meets must be of a kind its operation declares. */
const declared = watchDeclaredKinds()
afterEach(() => declared.expectNone())

let fx: EmulatorFixture
beforeAll(async () => {
  fx = await withEmulator({ seed: 17 }, { retry: false, observe: declared.observe })
})
afterAll(async () => {
  await fx.close()
})

/** Percent-decodes a logged raw path segment to its bytes. */
function decodeSegment(segment: string): Buffer {
  const bytes: number[] = []
  for (let i = 0; i < segment.length; i += 1) {
    if (segment[i] === '%') {
      bytes.push(parseInt(segment.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(segment.charCodeAt(i))
    }
  }
  return Buffer.from(bytes)
}

const nameArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '.',
    '..',
    '...',
    '%2e%2e',
    '%2F',
    'a/../b',
    './a',
    'a\\b',
    '?x=1',
    '#frag',
    ' ',
    '~',
    '*',
    '%',
    'ünï',
    '😀',
    '\u0000',
    '\ud800',
  ),
  fc.string({ maxLength: 300 }),
)

describe('path safety', () => {
  it('property: every name is either rejected locally or reaches the emulator byte-identical', async () => {
    await fc.assert(
      fc.asyncProperty(nameArb, async (name) => {
        fx.emulator.clearRequestLog()
        const result = await fx.iam.getUser({ userName: name })
        const log = fx.emulator.requestLog()
        if (result.isErr() && result.error._tag === 'BceClientError') {
          expect(result.error.reason).toBe('InvalidInput')
          expect(log).toEqual([])
          return
        }
        expect(log).toHaveLength(1)
        const entry = log[0]!
        expect(entry.operation).toBe('getUser')
        const segments = entry.path.split('/')
        expect(segments.slice(0, 3)).toEqual(['', 'v1', 'user'])
        expect(segments).toHaveLength(4)
        expect(decodeSegment(segments[3]!).equals(Buffer.from(name, 'utf8'))).toBe(true)
        expect(result._unsafeUnwrapErr()).toMatchObject({
          kind: 'NotFound',
          message: `user ${JSON.stringify(name)} does not exist`,
        })
      }),
      { numRuns: 300 },
    )
  })
})
