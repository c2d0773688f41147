import { readDesiredState } from '../../iac'
import { simulate } from '../../iac/simulate'
import type { SimulatedStatement, SimulationResult } from '../../iac/simulate-types'
import type { CliCommand } from '../args'
import { errorText } from '../error-text'
import type { CliIo } from '../io'
import { formatOf, readText } from '../read-file'

type SimulateCommand = Extract<CliCommand, { command: 'policy-simulate' }>

function via(statement: SimulatedStatement): string {
  return statement.via.map((source) => (source.kind === 'group' ? `group ${source.name}` : source.kind)).join(', ')
}

/** The human answer: the decision, then each deciding statement (policy, index, effect, how held). */
export function renderSimulation(result: SimulationResult): string {
  const lines = [
    `${result.allowed ? 'ALLOWED' : 'DENIED'} (${result.decision}${result.disabled ? ', the user is disabled' : ''})`,
  ]
  for (const statement of result.deciding)
    lines.push(
      `  ${statement.effect} by ${statement.policyType === 'System' ? 'System ' : ''}policy ${statement.policy}, statement ${statement.statementIndex} (via ${via(statement)})`,
    )
  if (result.decision === 'ImplicitDeny' && !result.disabled)
    lines.push(`  no statement of the ${result.policies.length} policies held matches`)
  return `${lines.join('\n')}\n`
}

/**
 * `bce-iam policy simulate -f FILE`: answers from the document (System policies cannot be
 * resolved offline: holding one is an error with its path). 0 with the answer, allowed or
 * denied; 1 when the question cannot be answered.
 */
export async function policySimulate(command: SimulateCommand, io: CliIo): Promise<number> {
  const { source } = command
  if (!('file' in source)) {
    io.err('error: policy simulate --live needs the IAM-as-code library (exportState), not available in this build\n')
    return 1
  }
  const text = await readText(source.file)
  if (text.isErr()) {
    io.err(errorText(text.error))
    return 1
  }
  const answer = readDesiredState(text.value, formatOf(source.file)).andThen((state) =>
    simulate(state, {
      principal: command.principal,
      permission: command.permission,
      resource: command.resource,
      ...(command.service === undefined ? {} : { service: command.service }),
      ...(command.region === undefined ? {} : { region: command.region }),
    }),
  )
  if (answer.isErr()) {
    io.err(errorText(answer.error))
    return 1
  }
  io.out(command.json ? `${JSON.stringify(answer.value, null, 2)}\n` : renderSimulation(answer.value))
  return 0
}
