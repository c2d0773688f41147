import { errAsync, type ResultAsync } from 'neverthrow'
import { makeClientError } from '../errors/make'
import type { IamClient } from '../iam/iam-client'
import type { ApplyFailure, ApplyOptions, ApplyReport } from './apply-types'
import type { Plan } from './plan'

/**
 * Runs a plan's steps against the account, in order where order matters and up to
 * `concurrency` at once where it does not; stops at the first failure. Never rejects.
 */
export function apply(_iam: IamClient, plan: Plan, _options?: ApplyOptions): ResultAsync<ApplyReport, ApplyFailure> {
  const error = makeClientError({ reason: 'Internal', message: 'apply is not implemented yet', operation: 'apply' })
  return errAsync(
    Object.freeze({
      _tag: 'ApplyFailure' as const,
      message: error.message,
      error,
      report: Object.freeze({ applied: [], failed: [], pending: plan.changes }),
    }),
  )
}
