import { inspect } from 'node:util'
import { toError, type BceClientError, type BceError, type BceServiceError } from '../../lib'
import { makeClientError } from '../../lib/errors/make'
import { withEmulator, type EmulatorFixture } from '../support/emulator'

const PASSWORD = 'Pw-must-never-show-9137'

describe('toError turns a BceError into a real Error for Promise-only boundaries', () => {
  let fixture: EmulatorFixture
  beforeAll(async () => {
    fixture = await withEmulator()
  })
  afterAll(() => fixture.close())

  async function serviceError(): Promise<BceServiceError> {
    const result = await fixture.iam.getUser({ userName: 'nobody-here' })
    if (result.isOk() || result.error._tag !== 'BceServiceError') throw new Error('expected a service error')
    return result.error
  }

  it('keeps message, name, every field and the original as cause for a service error', async () => {
    const original = await serviceError()
    const error = toError(original)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('BceServiceError')
    expect(error.message).toBe(String(original))
    expect(error.cause).toBe(original)
    expect(error.kind).toBe('NotFound')
    expect(error.statusCode).toBe(404)
    expect(error.operation).toBe('getUser')
    expect(error.requestId).toBe(original.requestId)
    expect(typeof error.requestId).toBe('string')
    expect(error.code).toBe(original.code)
    expect(error.attempts).toBe(1)
    expect(error.retryable).toBe(false)
    expect(error.stack).toContain('BceServiceError')
  })

  it('keeps reason, issues and the summarised underlying cause of a client error', async () => {
    const result = await fixture.iam.getUser({ userName: '' })
    const original = result._unsafeUnwrapErr() as BceClientError
    const error = toError(original)
    expect(error.name).toBe('BceClientError')
    expect(error.reason).toBe('InvalidInput')
    expect(error.issues).toEqual(original.issues)
    expect(error.issues?.length).toBeGreaterThan(0)
    expect(error.cause).toBe(original)

    const network = makeClientError({
      reason: 'Network',
      message: 'socket hang up',
      operation: 'getUser',
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    })
    const wrapped = toError(network)
    expect(wrapped.cause.cause).toEqual({ name: 'Error', code: 'ECONNRESET', message: 'socket hang up' })
  })

  it('rejects and throws like any Error (jest rejects.toThrow, a throw inside match)', async () => {
    const original = await serviceError()
    await expect(Promise.reject(toError(original))).rejects.toThrow(String(original))
    const thrown = fixture.iam.getUser({ userName: 'nobody-here' }).match(
      () => 'ok',
      (e: BceError) => {
        throw toError(e)
      },
    )
    await expect(thrown).rejects.toMatchObject({ name: 'BceServiceError', kind: 'NotFound' })
  })

  it('shows no secret in String, JSON, inspect or the stack', async () => {
    const secret = fixture.emulator.credentials.secretAccessKey
    const failed = await fixture.iam.updateLoginProfile({ userName: 'nobody-here', password: PASSWORD })
    const error = toError(failed._unsafeUnwrapErr())
    const renderings = [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      error.stack ?? '',
    ]
    for (const text of renderings) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain(PASSWORD)
    }
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ kind: 'NotFound', operation: 'updateLoginProfile' })
  })

  it('never throws, even for values that are not BceErrors', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys')
        },
      },
    )
    const unprintable = {
      toString() {
        throw new Error('no text')
      },
    }
    const values: unknown[] = [null, undefined, 42, 'text', hostile, unprintable]
    for (const value of values) {
      const error = toError(value as BceError)
      expect(error).toBeInstanceOf(Error)
      expect(error.cause).toBe(value)
    }
    expect(toError(unprintable as unknown as BceError).message).toBe('BceError (unprintable)')
  })
})
