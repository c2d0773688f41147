import { err, ok } from 'neverthrow'
import { makeServiceError } from '../../lib/errors/make'
import { expectDeclaredKinds, undeclaredKindProblem, watchDeclaredKinds } from './declared-kinds'

describe('the declared-kinds assertion the end-to-end suites use', () => {
  it('accepts declared and common kinds, and rejects what the declaration does not admit', () => {
    expect(undeclaredKindProblem('getUser', 404, 'NotFound', 'NotFound')).toBeUndefined()
    expect(undeclaredKindProblem('getUser', 403, 'AccessDenied', 'AccessDenied')).toBeUndefined()
    expect(undeclaredKindProblem('getUser', 409, 'EntityAlreadyExists', 'AlreadyExists')).toBe(
      'getUser resolved to AlreadyExists, which it does not declare',
    )
    expect(undeclaredKindProblem('getUser', 409, 'EntityAlreadyExists', 'Unknown')).toBe(
      'getUser was answered 409 EntityAlreadyExists (AlreadyExists), a kind it does not declare (reported as Unknown)',
    )
    expect(undeclaredKindProblem('nope', 404, 'NotFound', 'NotFound')).toBe('nope is not a declared operation')
  })

  it('the watch counts service-error attempts and reports the undeclared ones once', () => {
    const forwarded: unknown[] = []
    const watch = watchDeclaredKinds((event) => forwarded.push(event))
    const attempt = { type: 'attempt', attempt: 1, outcome: 'error', durationMs: 1, willRetry: false } as const
    watch.observe({ ...attempt, operation: 'getUser', statusCode: 404, code: 'NotFound', kind: 'NotFound' })
    watch.observe({ ...attempt, operation: 'getUser', reason: 'Network' })
    expect(watch.checked()).toBe(1)
    watch.expectNone()
    watch.observe({ ...attempt, operation: 'listUsers', statusCode: 409, code: 'Conflict', kind: 'Unknown' })
    expect(() => watch.expectNone()).toThrow()
    watch.expectNone()
    expect(forwarded).toHaveLength(3)
  })

  it('results are checked the same way', () => {
    expectDeclaredKinds(ok(1))
    const fields = { statusCode: 409, message: 'm', attempts: 1, retryable: false }
    expectDeclaredKinds(
      err(makeServiceError({ ...fields, kind: 'Conflict', code: 'DeleteConflict', operation: 'deleteUser' })),
    )
    expect(() =>
      expectDeclaredKinds(
        err(makeServiceError({ ...fields, kind: 'Conflict', code: 'DeleteConflict', operation: 'getUser' })),
      ),
    ).toThrow()
  })
})
