import type { PolicyType } from '../state'
import { err, ok, type Result } from 'neverthrow'
import type { ApiError } from '../wire'
import { invalidParameter } from './names'

/** `policyType` from the query: absent (or empty) means Custom; otherwise exactly `System` or `Custom`. */
export function policyTypeOf(query: ReadonlyMap<string, string>): Result<PolicyType, ApiError> {
  const value = query.get('policyType')
  if (value === undefined || value === '' || value === 'Custom') return ok('Custom')
  if (value === 'System') return ok('System')
  return err(invalidParameter(`policyType must be "System" or "Custom", not ${JSON.stringify(value.slice(0, 40))}`))
}

/** `durationSeconds` from the query: a decimal integer in `1..max`, or `fallback` when absent. */
export function durationSecondsOf(
  query: ReadonlyMap<string, string>,
  fallback: number,
  max: number,
): Result<number, ApiError> {
  const value = query.get('durationSeconds')
  if (value === undefined) return ok(fallback)
  const seconds = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN
  if (!(seconds >= 1 && seconds <= max))
    return err(invalidParameter(`durationSeconds must be an integer from 1 to ${max}`))
  return ok(seconds)
}
