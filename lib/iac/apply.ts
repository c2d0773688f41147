import type { BceError, IamClient } from 'bce-iam'
import { errAsync, ResultAsync, err, ok, type Result } from 'neverthrow'
import { makeClientError } from '../errors/make'
import { dependencies } from './apply-order'
import { runStep, type StepOutcome } from './apply-step'
import type { ApplyEvent, ApplyFailure, ApplyOptions, ApplyReport, FailedStep } from './apply-types'
import type { Plan, PlanStep } from './plan'

const DEFAULT_CONCURRENCY = 8

/** A short human description of a step, e.g. `create user alice` or `attach policy p to group devs`. */
export function describeStep(step: PlanStep): string {
  switch (step.target) {
    case 'membership':
      return `${step.action} user ${step.user} ${step.action === 'add' ? 'to' : 'from'} group ${step.group}`
    case 'attachment':
      return `${step.action} ${step.policyType === 'System' ? 'system ' : ''}policy ${step.policy} ${step.action === 'attach' ? 'to' : 'from'} ${step.principal} ${step.name}`
    default:
      return `${step.action} ${step.target} ${step.name}`
  }
}

function report(
  applied: readonly PlanStep[],
  failed: readonly FailedStep[],
  pending: readonly PlanStep[],
): ApplyReport {
  return Object.freeze({
    applied: Object.freeze([...applied]),
    failed: Object.freeze(failed.map((f) => Object.freeze({ ...f }))),
    pending: Object.freeze([...pending]),
  })
}

function failure(error: BceError, done: ApplyReport, what: string): ApplyFailure {
  const counts = `${done.applied.length} applied, ${done.failed.length} failed, ${done.pending.length} pending`
  return Object.freeze({
    _tag: 'ApplyFailure' as const,
    message: `apply stopped: ${what}: ${error.message} (${counts})`,
    error,
    report: done,
  })
}

function internal(message: string): BceError {
  return makeClientError({ reason: 'Internal', message, operation: 'apply' })
}

/** Inserts `index` into the ascending list `into`, so ready steps start in plan order. */
function insertSorted(into: number[], index: number): void {
  let low = 0
  let high = into.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((into[middle] as number) < index) low = middle + 1
    else high = middle
  }
  into.splice(low, 0, index)
}

/** Runs the steps; resolves (never rejects) once nothing is running and nothing more may start. */
function run(
  iam: IamClient,
  changes: readonly PlanStep[],
  max: number,
  onStep: ApplyOptions['onStep'],
): Promise<Result<ApplyReport, ApplyFailure>> {
  const total = changes.length
  const waits = dependencies(changes)
  const remaining = waits.map((list) => list.length)
  const dependents: number[][] = changes.map(() => [])
  waits.forEach((list, index) => {
    list.forEach((before) => dependents[before]?.push(index))
  })
  const ready: number[] = remaining.flatMap((count, index) => (count === 0 ? [index] : []))
  const started = new Set<number>()
  const applied: PlanStep[] = []
  const failed: FailedStep[] = []
  let running = 0
  const emit = (event: Omit<ApplyEvent, 'total'>): void => {
    try {
      onStep?.(Object.freeze({ ...event, total }))
    } catch {
      // a progress callback cannot break the apply
    }
  }
  return new Promise((resolve) => {
    const settle = (index: number, outcome: Result<StepOutcome, BceError>): void => {
      running -= 1
      const step = changes[index] as PlanStep
      if (outcome.isOk()) {
        applied.push(step)
        emit({ step, status: outcome.value, index })
        for (const next of dependents[index] ?? []) {
          remaining[next] = (remaining[next] ?? 1) - 1
          if (remaining[next] === 0) insertSorted(ready, next)
        }
      } else {
        failed.push({ step, error: outcome.error })
        emit({ step, status: 'failed', index, error: outcome.error })
      }
      pump()
    }
    const pump = (): void => {
      while (failed.length === 0 && running < max && ready.length > 0) {
        const index = ready.shift() as number
        const step = changes[index] as PlanStep
        started.add(index)
        running += 1
        emit({ step, status: 'started', index })
        runStep(iam, step).then(
          (outcome) => {
            settle(index, outcome)
          },
          () => {
            settle(index, err(internal(`${describeStep(step)} rejected`)))
          },
        )
      }
      if (running > 0) return
      const pending = changes.filter((_, index) => !started.has(index))
      const done = report(applied, failed, pending)
      const first = failed[0]
      if (first !== undefined) resolve(err(failure(first.error, done, `${describeStep(first.step)} failed`)))
      else if (pending.length > 0) resolve(err(failure(internal('steps left waiting'), done, 'scheduling')))
      else resolve(ok(done))
    }
    pump()
  })
}

/**
 * Runs a plan's steps against the account through the public client, up to `concurrency`
 * (default 8) at once where order allows: a step waits only for the earlier steps on the same
 * entities (creates of unrelated entities run side by side; an attachment waits for its policy
 * and principal; a delete waits for its detaches). Stops at the first failure: nothing new
 * starts, steps already running finish, and the failure carries the report of applied, failed
 * and pending steps. Creates never run blind twice: a name taken is read and compared, a lost
 * answer is read back (`recovered`). Re-running the plan of the same document converges.
 * Never rejects.
 *
 * @example
 * ```ts
 * const steps = plan(desired, (await exportState(iam))._unsafeUnwrap())
 * const result = await apply(iam, steps, { onStep: (e) => console.log(e.index + 1, '/', e.total, e.status) })
 * ```
 */
export function apply(iam: IamClient, plan: Plan, options?: ApplyOptions): ResultAsync<ApplyReport, ApplyFailure> {
  const concurrency = options?.concurrency ?? DEFAULT_CONCURRENCY
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    const error = makeClientError({
      reason: 'InvalidInput',
      message: 'concurrency must be a positive integer',
      operation: 'apply',
      issues: [{ path: 'options.concurrency', expected: 'a positive integer' }],
    })
    return errAsync(failure(error, report([], [], plan.changes), 'invalid options'))
  }
  return new ResultAsync(run(iam, plan.changes, concurrency, options?.onStep))
}
