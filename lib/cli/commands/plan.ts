import type { CliCommand } from '../args'
import { errorText } from '../error-text'
import type { CliIo } from '../io'
import { renderPlan } from '../render-plan'
import { loadPlan } from './load-plan'
import { withClient } from './with-client'

type PlanCommand = Extract<CliCommand, { command: 'plan' }>

/**
 * `bce-iam plan -f FILE`: the changes that would make the account match the document, as a
 * readable diff or (`--json`) an object with a `changes` array. Exit 0, or with
 * `--detailed-exitcode` 0 for no changes and 2 for changes; 1 on failure.
 */
export function planCommand(command: PlanCommand, io: CliIo): Promise<number> {
  return withClient(command.connection, io, async (iam) => {
    const planned = await loadPlan(iam, command.file, command.prune)
    if (planned.isErr()) {
      io.err(errorText(planned.error))
      return 1
    }
    const { changes } = planned.value
    io.out(command.json ? `${JSON.stringify({ changes }, null, 2)}\n` : renderPlan(changes, io.isTty))
    return command.detailedExitcode && changes.length > 0 ? 2 : 0
  })
}
