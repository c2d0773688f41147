import { ResultAsync } from 'neverthrow'
import type { IamClient } from '../..'
import { exportState, plan, readDesiredState, type Plan } from '../../iac'
import type { Connection } from '../args'
import { errorText } from '../error-text'
import type { CliIo } from '../io'
import { formatOf, readText } from '../read-file'
import { withClient } from './with-client'

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

/**
 * Runs `work` with a client and the plan of `command.file` against the live account (see
 * {@link loadPlan}); a problem on the way prints its one-line summary and gives exit code 1.
 */
export function withPlan(
  command: { readonly connection: Connection; readonly file: string; readonly prune: boolean },
  io: CliIo,
  work: (iam: IamClient, planned: Plan) => number | Promise<number>,
): Promise<number> {
  return withClient(command.connection, io, async (iam) => {
    const planned = await loadPlan(iam, command.file, command.prune)
    if (planned.isErr()) {
      io.err(errorText(planned.error))
      return 1
    }
    return work(iam, planned.value)
  })
}
