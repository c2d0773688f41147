import { parseBceDate } from './bce-date'
import { REJECTED, type FastDecode } from './fast-path'

/** A value decoded as itself when it is a string. */
export const STRING = 0
/** A value decoded as itself when it is a boolean. */
export const BOOLEAN = 1
/** A value decoded as itself when it is a number. */
export const NUMBER = 2
/** A BCE DateTime string decoded to a `Date`. */
export const DATE = 3
/** A value decoded as itself when `run` answers true. */
export const TEST = 4
/** A value decoded by `run`, a fast decoder. */
export const DECODE = 5

/** How a derived fast path reads one value; the common kinds are inlined, the others call `run`. */
export interface Step {
  readonly op: typeof STRING | typeof BOOLEAN | typeof NUMBER | typeof DATE | typeof TEST | typeof DECODE
  /** The predicate (TEST) or the fast decoder (DECODE); unused by the other ops. */
  readonly run: (value: unknown) => unknown
}

/** A {@link Step} for a field of a record, under `key`. */
export interface Field extends Step {
  readonly key: string
}

/**
 * Decodes `value` by `step`: the decoded value (the value itself for every op but DATE and
 * DECODE) or REJECTED.
 */
export function runStep(value: unknown, step: Step): unknown {
  switch (step.op) {
    case STRING:
      return typeof value === 'string' ? value : REJECTED
    case BOOLEAN:
      return typeof value === 'boolean' ? value : REJECTED
    case NUMBER:
      return typeof value === 'number' ? value : REJECTED
    case DATE: {
      if (typeof value !== 'string') return REJECTED
      const ms = parseBceDate(value)
      return Number.isNaN(ms) ? REJECTED : new Date(ms)
    }
    case TEST:
      return step.run(value) === true ? value : REJECTED
    default:
      return step.run(value)
  }
}

/** A {@link Step} as a stand-alone fast decoder. */
export function decoderOf(step: Step): FastDecode<unknown> {
  return step.op === DECODE ? step.run : (value) => runStep(value, step)
}
