import type { CliCommand } from '../args'
import type { CliIo } from '../io'
import { renderPlan } from '../render-plan'
import { withPlan } from './load-plan'

type PlanCommand = Extract<CliCommand, { command: 'plan' }>

/**
 * `bce-iam plan -f FILE`: the changes that would make the account match the document, as a
 * readable diff or (`--json`) an object with a `changes` array. Exit 0, or with
 * `--detailed-exitcode` 0 for no changes and 2 for changes; 1 on failure.
 */
export function planCommand(command: PlanCommand, io: CliIo): Promise<number> {
  return withPlan(command, io, (_iam, planned) => {
    const { changes } = planned
    io.out(command.json ? `${JSON.stringify({ changes }, null, 2)}\n` : renderPlan(changes, io.isTty))
    return command.detailedExitcode && changes.length > 0 ? 2 : 0
  })
}
