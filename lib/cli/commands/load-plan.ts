import { ResultAsync } from 'neverthrow'
import type { IamClient } from '../..'
import { exportState, plan, readDesiredState, type Plan } from '../../iac'
import { formatOf, readText } from '../read-file'

/**
 * Reads the document at `file`, exports the live account and plans the changes: the shared
 * first half of `plan` and `apply`. Fails with the first problem (unreadable file, invalid
 * document with its paths, export failure).
 */
export function loadPlan(iam: IamClient, file: string, prune: boolean): ResultAsync<Plan, unknown> {
  return readText(file)
    .mapErr((problem): unknown => problem)
    .andThen((text) => readDesiredState(text, formatOf(file)))
    .andThen((desired) => exportState(iam).map((live) => plan(desired, live, { prune })))
}
