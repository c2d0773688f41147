import * as neverthrow from 'neverthrow'
import * as sdk from '../../lib'

describe("neverthrow's value API is re-exported from bce-iam", () => {
  it.each(Object.keys(neverthrow).filter((name) => name !== 'default' && name !== '__esModule'))(
    '%s is the very same value as neverthrow’s',
    (name) => {
      expect(sdk).toHaveProperty(name)
      expect((sdk as Record<string, unknown>)[name]).toBe((neverthrow as Record<string, unknown>)[name])
    },
  )

  it('safeTry from bce-iam composes the SDK’s Results with the caller’s own', async () => {
    const parsed = (text: string): neverthrow.Result<number, string> =>
      Number.isInteger(Number(text)) ? sdk.ok(Number(text)) : sdk.err(`not an integer: ${text}`)
    const sum = await sdk.safeTry(async function* () {
      const a = yield* parsed('2')
      const b = yield* sdk.fromPromise(Promise.resolve(40), () => 'rejected')
      return sdk.ok(a + b)
    })
    expect(sum._unsafeUnwrap()).toBe(42)
    const failed = sdk.fromThrowable(JSON.parse as (text: string) => unknown, () => 'bad json')('{')
    expect(failed._unsafeUnwrapErr()).toBe('bad json')
  })
})
