import { ResultAsync } from 'neverthrow'
import { exportState, readDesiredState } from '../../iac'
import { simulate } from '../../iac/simulate'
import type { DesiredState } from '../../iac'
import type { SimulatedStatement, SimulateOptions, SimulationResult } from '../../iac/simulate-types'
import type { CliCommand } from '../args'
import { errorText } from '../error-text'
import type { CliIo } from '../io'
import { formatOf, readText } from '../read-file'
import { systemPolicyDocuments } from '../system-policies'
import { withClient } from './with-client'

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

/** Asks the question of `state` and prints the answer; 0 with an answer, 1 when there is none. */
function answer(
  command: SimulateCommand,
  io: CliIo,
  found: ResultAsync<{ state: DesiredState; options: SimulateOptions }, unknown>,
): Promise<number> {
  return found
    .andThen(({ state, options }) =>
      simulate(
        state,
        {
          principal: command.principal,
          permission: command.permission,
          resource: command.resource,
          ...(command.service === undefined ? {} : { service: command.service }),
          ...(command.region === undefined ? {} : { region: command.region }),
        },
        options,
      ),
    )
    .match(
      (result) => {
        io.out(command.json ? `${JSON.stringify(result, null, 2)}\n` : renderSimulation(result))
        return 0
      },
      (error) => {
        io.err(errorText(error))
        return 1
      },
    )
}

/**
 * `bce-iam policy simulate`: from a document (`-f FILE`; System policies then cannot be
 * resolved), or from the live account and its System policies (`--live`). 0 with the answer,
 * allowed or denied; 1 when the question cannot be answered.
 */
export function policySimulate(command: SimulateCommand, io: CliIo): Promise<number> {
  const { source } = command
  if ('file' in source)
    return answer(
      command,
      io,
      readText(source.file)
        .mapErr((problem): unknown => problem)
        .andThen((text) => readDesiredState(text, formatOf(source.file)))
        .map((state) => ({ state, options: {} })),
    )
  return withClient(source.live, io, (iam) =>
    answer(
      command,
      io,
      ResultAsync.combine([exportState(iam), systemPolicyDocuments(iam)] as const).map(([state, systemPolicies]) => ({
        state,
        options: { systemPolicies },
      })),
    ),
  )
}
