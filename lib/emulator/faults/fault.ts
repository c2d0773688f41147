import type { OperationName } from 'bce-iam'
import { isRecord } from '../../decode/is-record'
import { err, ok, type Result } from 'neverthrow'
import { ALL_OPERATIONS } from '../../operations'
import { checkRetryAfter } from './retry-after'

/** Statuses a `status` fault may answer with. */
export const FAULT_STATUSES = [429, 500, 502, 503, 504] as const

/**
 * A scripted misbehaviour for one request, storage-testbench style. "Applied" says whether the
 * request's change happens.
 */
export type Fault =
  /**
   * Answer this status with a BCE error body (not applied); `retryAfter` sets `Retry-After`: it
   * must be delta-seconds or an IMF-fixdate HTTP-date (anything else is refused when injected).
   */
  | {
      readonly type: 'status'
      readonly status: (typeof FAULT_STATUSES)[number]
      readonly retryAfter?: string | undefined
    }
  /** Reset the connection before answering (not applied). */
  | { readonly type: 'reset' }
  /** Apply the change, then reset the connection: the answer is lost. */
  | { readonly type: 'applyThenReset' }
  /** Never answer (not applied); with `ms`, answer normally after that long (applied then). */
  | { readonly type: 'stall'; readonly ms?: number | undefined }
  /** Apply, send the headers and the first body byte, then the rest after `delayMs`. */
  | { readonly type: 'slowBody'; readonly delayMs: number }
  /** Apply, send the headers and half the body, then close the connection. */
  | { readonly type: 'truncate' }
  /** Answer an HTML page with this status (not applied): a proxy error or a captive portal. */
  | { readonly type: 'html'; readonly status: 200 | 502 }
  /** Move the emulator clock by `offsetMs` before handling the request normally. */
  | { readonly type: 'clockShift'; readonly offsetMs: number }

/**
 * A queued instruction: the next `times` requests for `operation` (an SDK method name such as
 * `getUser`, or `*` for any) get `fault`. A name that is not an operation does not compile, and is
 * refused at run time.
 */
export interface FaultInstruction {
  /** The SDK method name (e.g. `getUser`) whose requests get the fault, or `*` for any operation. */
  readonly operation: OperationName | '*'
  /** The fault to inject. */
  readonly fault: Fault
  /** How many matching requests get the fault (default 1). */
  readonly times?: number | undefined
}

const nonNegativeInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0

/** Reads a fault from untrusted JSON; the error says what is wrong. */
export function parseFault(value: unknown): Result<Fault, string> {
  if (!isRecord(value)) return err('fault must be an object with a "type"')
  switch (value.type) {
    case 'status': {
      if (!FAULT_STATUSES.includes(value.status as never))
        return err(`status fault needs status ${FAULT_STATUSES.join('|')}`)
      const status = value.status as (typeof FAULT_STATUSES)[number]
      if (value.retryAfter === undefined) return ok({ type: 'status', status })
      if (typeof value.retryAfter !== 'string') return err('retryAfter must be a string')
      return checkRetryAfter(value.retryAfter).map((retryAfter) => ({ type: 'status', status, retryAfter }))
    }
    case 'reset':
    case 'applyThenReset':
    case 'truncate':
      return ok({ type: value.type })
    case 'stall':
      if (value.ms !== undefined && !nonNegativeInteger(value.ms)) return err('stall.ms must be a non-negative integer')
      return ok(value.ms === undefined ? { type: 'stall' } : { type: 'stall', ms: value.ms })
    case 'slowBody':
      return nonNegativeInteger(value.delayMs)
        ? ok({ type: 'slowBody', delayMs: value.delayMs })
        : err('slowBody.delayMs must be a non-negative integer')
    case 'html':
      return value.status === 200 || value.status === 502
        ? ok({ type: 'html', status: value.status })
        : err('html.status must be 200 or 502')
    case 'clockShift':
      return Number.isSafeInteger(value.offsetMs)
        ? ok({ type: 'clockShift', offsetMs: value.offsetMs as number })
        : err('clockShift.offsetMs must be an integer')
    default:
      return err('fault.type must be one of status, reset, applyThenReset, stall, slowBody, truncate, html, clockShift')
  }
}

/** Whether `value` names an SDK operation, or is `*`. */
function isFaultTarget(value: unknown): value is OperationName | '*' {
  return value === '*' || (typeof value === 'string' && Object.hasOwn(ALL_OPERATIONS, value))
}

/** Reads a list of instructions from untrusted JSON; the error says what is wrong. */
export function parseInstructions(value: unknown): Result<FaultInstruction[], string> {
  if (!Array.isArray(value) || value.length === 0) return err('instructions must be a non-empty array')
  const out: FaultInstruction[] = []
  for (const [index, entry] of value.entries()) {
    if (!isRecord(entry) || !isFaultTarget(entry.operation))
      return err(`instructions.${index}.operation must be an operation name (such as "getUser") or "*"`)
    const fault = parseFault(entry.fault)
    if (fault.isErr()) return err(`instructions.${index}: ${fault.error}`)
    if (entry.times !== undefined && !(nonNegativeInteger(entry.times) && entry.times > 0))
      return err(`instructions.${index}.times must be a positive integer`)
    out.push({
      operation: entry.operation,
      fault: fault.value,
      ...(entry.times === undefined ? {} : { times: entry.times }),
    })
  }
  return ok(out)
}

/** Reads chaos settings from untrusted JSON; the error says what is wrong. */
export function parseChaos(
  value: unknown,
): Result<{ rate: number; faults: Fault[]; seed?: number | undefined }, string> {
  if (!isRecord(value)) return err('chaos must be an object { rate, faults, seed? }')
  const { rate, seed } = value
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) return err('chaos.rate must be a number from 0 to 1')
  if (seed !== undefined && !nonNegativeInteger(seed)) return err('chaos.seed must be a non-negative integer')
  if (!Array.isArray(value.faults) || value.faults.length === 0) return err('chaos.faults must be a non-empty array')
  const faults: Fault[] = []
  for (const [index, entry] of (value.faults as unknown[]).entries()) {
    const fault = parseFault(entry)
    if (fault.isErr()) return err(`chaos.faults.${index}: ${fault.error}`)
    faults.push(fault.value)
  }
  return ok({ rate, faults, ...(seed === undefined ? {} : { seed }) })
}
