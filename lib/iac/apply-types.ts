/**
 * The contract of {@link apply}: its options, the progress events it reports, the report of
 * applied, failed and pending steps, and the tagged failure that carries that report.
 *
 * @packageDocumentation
 */
import type { BceError } from 'bce-iam'
import type { PlanStep } from './plan'

/** Where a step is: about to run, done, done after reading back a lost answer, or failed. */
export type ApplyStatus = 'started' | 'applied' | 'failed' | 'recovered'

/** One progress event of {@link apply}: a step changed status. */
export interface ApplyEvent {
  /** The step, as it appears in the plan. */
  readonly step: PlanStep
  /** The step's new status. */
  readonly status: ApplyStatus
  /** The step's position in `plan.changes` (0-based). */
  readonly index: number
  /** How many steps the plan has. */
  readonly total: number
  /** For `failed`: why. */
  readonly error?: BceError | undefined
}

/** Options of {@link apply}. */
export interface ApplyOptions {
  /** How many steps run at once where order allows (default 8, at least 1). */
  readonly concurrency?: number | undefined
  /** Called for every {@link ApplyEvent}; an exception it throws is ignored. */
  readonly onStep?: ((event: ApplyEvent) => void) | undefined
}

/** A step that failed, with the error of its last call. */
export interface FailedStep {
  /** The step that failed, as it appears in the plan. */
  readonly step: PlanStep
  /** The error of the step's last call. */
  readonly error: BceError
}

/** What {@link apply} did: steps applied (in completion order), failed, and never started. */
export interface ApplyReport {
  /** Steps applied (or recovered), in completion order. */
  readonly applied: readonly PlanStep[]
  /** Steps that failed, with their errors. */
  readonly failed: readonly FailedStep[]
  /** Steps never started, in plan order (the run stopped at a failure first). */
  readonly pending: readonly PlanStep[]
}

/**
 * {@link apply} stopped at a failing step: the first failure's error and the report (steps
 * already running when it failed were let finish, so `applied` may hold steps after it).
 */
export interface ApplyFailure {
  /** Discriminant of an apply that did not complete every step. */
  readonly _tag: 'ApplyFailure'
  /** `apply stopped: <what>: <error message> (<n> applied, <n> failed, <n> pending)`. */
  readonly message: string
  /** The first failing step's error. */
  readonly error: BceError
  /** What was applied, what failed and what was left pending. */
  readonly report: ApplyReport
}
