import { errAsync, ok, okAsync } from 'neverthrow'
import { makeClientError, makeServiceError } from '../../lib/errors/make'
import { isServiceError, recover } from '../../lib/errors/narrow'
import type { BceError, ServiceErrorKind } from '../../lib/errors/types'

const service = (kind: ServiceErrorKind, code: string = kind): BceError =>
  makeServiceError({
    kind,
    code,
    statusCode: 409,
    message: 'm',
    operation: 'createUser',
    attempts: 1,
    retryable: false,
  })
const client = makeClientError({ reason: 'Network', message: 'down', operation: 'createUser' }) as BceError

describe('isServiceError', () => {
  it('without kinds: any service error, never a client error', () => {
    expect(isServiceError(service('Unknown'))).toBe(true)
    expect(isServiceError(client)).toBe(false)
  })

  it('with kinds: only service errors of one of them', () => {
    expect(isServiceError(service('AlreadyExists'), 'AlreadyExists')).toBe(true)
    expect(isServiceError(service('AlreadyExists'), 'NotFound', 'AlreadyExists')).toBe(true)
    expect(isServiceError(service('Conflict'), 'NotFound', 'AlreadyExists')).toBe(false)
    expect(isServiceError(client, 'NotFound')).toBe(false)
  })
})

describe('recover', () => {
  it('hands a service error of a handled kind to the handler, whose result becomes the call’s', async () => {
    const seen: BceError[] = []
    const error = service('AlreadyExists', 'EntityAlreadyExists')
    const result = await errAsync<string, BceError>(error).orElse(
      recover('AlreadyExists', (e) => {
        seen.push(e)
        return okAsync('existing')
      }),
    )
    expect(result._unsafeUnwrap()).toBe('existing')
    expect(seen).toEqual([error])
  })

  it('accepts a plain Result from the handler, and several kinds', async () => {
    const result = await errAsync<string, BceError>(service('Conflict')).orElse(
      recover(['NotFound', 'Conflict'], () => ok('fine')),
    )
    expect(result._unsafeUnwrap()).toBe('fine')
  })

  it('passes any other error through unchanged, without calling the handler', async () => {
    const handler = jest.fn(() => okAsync('never'))
    for (const error of [service('LimitExceeded'), client]) {
      const result = await errAsync<string, BceError>(error).orElse(recover('AlreadyExists', handler))
      expect(result._unsafeUnwrapErr()).toBe(error)
    }
    expect(handler).not.toHaveBeenCalled()
  })

  it('a failing recovery is the call’s error', async () => {
    const result = await errAsync<string, BceError>(service('AlreadyExists')).orElse(
      recover('AlreadyExists', () => errAsync(client)),
    )
    expect(result._unsafeUnwrapErr()).toBe(client)
  })
})
