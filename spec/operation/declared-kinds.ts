import type { Result } from 'neverthrow'
import type { BceError, BceEvent, Observer } from '../../lib'
import { classifyServiceError } from '../../lib/errors/classify'
import { ALL_OPERATIONS } from '../../lib/operations'

/**
 * What is wrong when an operation's service error has a kind it does not declare, or when the
 * answer behind it classifies (before the declaration is applied) as such a kind: the emulator
 * or the service answered something the operation's declaration does not admit. Undefined when
 * all is well.
 */
export function undeclaredKindProblem(
  operation: string,
  statusCode: number,
  code: string,
  kind: string,
): string | undefined {
  const spec = (ALL_OPERATIONS as Record<string, (typeof ALL_OPERATIONS)[keyof typeof ALL_OPERATIONS]>)[operation]
  if (spec === undefined) return `${operation} is not a declared operation`
  const reportable: ReadonlySet<string> = spec.reportable
  if (!reportable.has(kind)) return `${operation} resolved to ${kind}, which it does not declare`
  const raw = classifyServiceError(statusCode, code)
  return reportable.has(raw)
    ? undefined
    : `${operation} was answered ${statusCode} ${code} (${raw}), a kind it does not declare (reported as ${kind})`
}

/** Fails the test when a failed result is a service error its operation does not declare. */
export function expectDeclaredKinds(result: Result<unknown, BceError>): void {
  if (result.isOk() || result.error._tag !== 'BceServiceError') return
  const { operation, statusCode, code, kind } = result.error
  expect(undeclaredKindProblem(operation, statusCode, code, kind)).toBeUndefined()
}

/** An observer for a suite's clients that records every attempt answered with an undeclared kind. */
export interface DeclaredKindsWatch {
  readonly observe: Observer
  /** How many service-error answers were checked so far. */
  readonly checked: () => number
  /** Fails the test if any answer so far had an undeclared kind (then forgets them). */
  readonly expectNone: () => void
}

/** Starts a {@link DeclaredKindsWatch}; `forward` also receives every event. */
export function watchDeclaredKinds(forward?: Observer): DeclaredKindsWatch {
  const problems: string[] = []
  let checked = 0
  return {
    observe: (event: BceEvent) => {
      forward?.(event)
      if (event.type !== 'attempt' || event.kind === undefined) return
      checked += 1
      const problem = undeclaredKindProblem(event.operation, event.statusCode ?? 0, event.code ?? '', event.kind)
      if (problem !== undefined) problems.push(problem)
    },
    checked: () => checked,
    expectNone: () => {
      const found = problems.splice(0)
      expect(found).toEqual([])
    },
  }
}
