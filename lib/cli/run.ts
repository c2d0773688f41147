import type { CliCommand } from './args'
import { applyCommand } from './commands/apply'
import { exportCommand } from './commands/export'
import { planCommand } from './commands/plan'
import { policySimulate } from './commands/policy-simulate'
import { policyValidate } from './commands/policy-validate'
import type { CliIo } from './io'
import { USAGE } from './usage'

/**
 * Runs a parsed command; resolves to the exit code. `emulator` is not handled here (it takes
 * over the process: see `main.ts`).
 */
export function runCommand(command: Exclude<CliCommand, { command: 'emulator' }>, io: CliIo): Promise<number> {
  switch (command.command) {
    case 'help':
      io.out(`${USAGE}\n`)
      return Promise.resolve(0)
    case 'export':
      return exportCommand(command, io)
    case 'plan':
      return planCommand(command, io)
    case 'apply':
      return applyCommand(command, io)
    case 'policy-validate':
      return policyValidate(command, io)
    case 'policy-simulate':
      return policySimulate(command, io)
  }
}
