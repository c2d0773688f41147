import type { ClientErrorReason, ServiceErrorKind } from '../errors/types'

/**
 * One HTTP attempt of an operation, as reported to an observer. Never holds secrets. `N` is the
 * operation-name type: a client's `observe` option narrows it to the client's operation names.
 */
export interface AttemptEvent<N extends string = string> {
  /** Discriminant: one HTTP attempt finished. */
  readonly type: 'attempt'
  /** The SDK method name of the call. */
  readonly operation: N
  /** 1 for the first attempt. */
  readonly attempt: number
  /** Whether this attempt succeeded. */
  readonly outcome: 'success' | 'error'
  /** HTTP status, when an answer arrived (always, for a success). */
  readonly statusCode?: number
  /** Service error code (`NotFound`, `RequestExpired`, …). */
  readonly code?: string
  /** The classified service-error kind (`NotFound`, `Throttled`, …). */
  readonly kind?: ServiceErrorKind
  /** Client error reason (`Network`, `Timeout`, …). */
  readonly reason?: ClientErrorReason
  /** The service's request id (`x-bce-request-id`, or the error body's), when the answer had one. */
  readonly requestId?: string
  /** Wall time of the attempt in ms. */
  readonly durationMs: number
  /** Whether another attempt follows. */
  readonly willRetry: boolean
  /** The wait before the next attempt, when one follows. */
  readonly retryDelayMs?: number
  /** Set when this answer taught the client a new clock offset (ms added to the local clock). */
  readonly clockOffsetMs?: number
  /** The call's `correlation` option, when given. */
  readonly correlation?: string
}

/**
 * One call from start to end, reported once after its last attempt, also for a call that failed
 * before sending anything (`InvalidInput`, `Credentials`, `InvalidConfig`: `attempts` is 0).
 * Never holds secrets.
 */
export interface CallEvent<N extends string = string> {
  /** Discriminant: a whole call (every attempt) finished. */
  readonly type: 'call'
  /** The SDK method name of the call. */
  readonly operation: N
  /** Whether the call succeeded. */
  readonly outcome: 'success' | 'error'
  /** HTTP attempts made (0 when the call failed before sending). */
  readonly attempts: number
  /** Wall time of the whole call in ms, retries and waits included. */
  readonly durationMs: number
  /** Total time spent waiting between attempts, in ms. */
  readonly retryDelayMs: number
  /** The request id of every attempt that had one, in attempt order. */
  readonly requestIds: readonly string[]
  /** HTTP status of the last answer, when one arrived. */
  readonly statusCode?: number
  /** Service error code of the final error. */
  readonly code?: string
  /** Service error kind of the final error. */
  readonly kind?: ServiceErrorKind
  /** Client error reason of the final error. */
  readonly reason?: ClientErrorReason
  /** The call's `correlation` option, when given. */
  readonly correlation?: string
}

/** Something worth knowing that is not an error (e.g. a credentials file readable by others). */
export interface WarningEvent {
  /** Discriminant: something the SDK warns about without failing. */
  readonly type: 'warning'
  /** The part of the SDK that warns (e.g. `credentials` for a profile file readable by others). */
  readonly source: string
  /** The warning, one line (no secrets). */
  readonly message: string
}

/** Everything a client reports through `observe`; `N` is the operation-name type. */
export type BceEvent<N extends string = string> = AttemptEvent<N> | CallEvent<N> | WarningEvent

/**
 * A callback receiving client events. Its return value is ignored, so it may be async: its
 * promise is never awaited, and an observer that throws, or whose promise rejects, is ignored.
 * `N` is the operation-name type of the events (`IamOperationName` for an IAM client's).
 */
export type Observer<N extends string = string> = (event: BceEvent<N>) => unknown

function ignore(): void {
  // An observer's failure must never change the outcome of a call.
}

/**
 * Delivers an event, shielding the SDK from an observer that throws or whose returned promise
 * rejects (the rejection is swallowed, so it can never become an unhandled rejection).
 */
export function emit(observer: Observer | undefined, event: BceEvent): void {
  if (observer === undefined) return
  try {
    const returned: unknown = observer(event)
    if (typeof returned === 'object' && returned !== null && 'then' in returned) {
      const then: unknown = returned.then
      if (typeof then === 'function') (then as (f: unknown, r: unknown) => unknown).call(returned, undefined, ignore)
    }
  } catch {
    ignore()
  }
}

/**
 * One observer delivering every event to each of `observers` that is defined (each shielded on
 * its own by {@link emit}); undefined when there is none.
 */
export function fanOut(...observers: readonly (Observer | undefined)[]): Observer | undefined {
  const present = observers.filter((o): o is Observer => o !== undefined)
  if (present.length <= 1) return present[0]
  return (event) => {
    for (const observer of present) emit(observer, event)
  }
}
