import type { ClientErrorReason, ServiceErrorKind } from '../errors/types'

/** One HTTP attempt of an operation, as reported to an observer. Never holds secrets. */
export interface AttemptEvent {
  readonly type: 'attempt'
  readonly operation: string
  /** 1 for the first attempt. */
  readonly attempt: number
  readonly outcome: 'success' | 'error'
  /** HTTP status, when an answer arrived. */
  readonly statusCode?: number
  /** Service error code (`NotFound`, `RequestExpired`, …). */
  readonly code?: string
  readonly kind?: ServiceErrorKind
  /** Client error reason (`Network`, `Timeout`, …). */
  readonly reason?: ClientErrorReason
  readonly requestId?: string
  /** Wall time of the attempt in ms. */
  readonly durationMs: number
  /** Whether another attempt follows. */
  readonly willRetry: boolean
  /** The wait before the next attempt, when one follows. */
  readonly retryDelayMs?: number
  /** Set when this answer taught the client a new clock offset (ms added to the local clock). */
  readonly clockOffsetMs?: number
}

/** Something worth knowing that is not an error (e.g. a credentials file readable by others). */
export interface WarningEvent {
  readonly type: 'warning'
  readonly source: string
  readonly message: string
}

/** Everything a client reports through `observe`. */
export type BceEvent = AttemptEvent | WarningEvent

/**
 * A callback receiving client events. Its return value is ignored, so it may be async: its
 * promise is never awaited, and an observer that throws, or whose promise rejects, is ignored.
 */
export type Observer = (event: BceEvent) => unknown

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
