import { exportState, writeDesiredState } from '../../iac'
import type { CliCommand } from '../args'
import { errorText } from '../error-text'
import type { CliIo } from '../io'
import { writeText } from '../write-file'
import { withClient } from './with-client'

type ExportCommand = Extract<CliCommand, { command: 'export' }>

/**
 * `bce-iam export`: the live account as a desired-state document (YAML or JSON), on standard
 * output or (`-o FILE`) in a file, with a one-line summary on standard error.
 */
export function exportCommand(command: ExportCommand, io: CliIo): Promise<number> {
  return withClient(command.connection, io, async (iam) => {
    const state = await exportState(iam)
    if (state.isErr()) {
      io.err(errorText(state.error))
      return 1
    }
    const text = writeDesiredState(state.value, command.format)
    if (command.output === undefined) {
      io.out(text)
      return 0
    }
    const written = await writeText(command.output, text)
    if (written.isErr()) {
      io.err(errorText(written.error))
      return 1
    }
    const count = (entities: object | undefined): number => Object.keys(entities ?? {}).length
    const { users, groups, policies, roles } = state.value
    io.err(
      `Exported ${count(users)} users, ${count(groups)} groups, ${count(policies)} policies, ${count(roles)} roles to ${command.output}.\n`,
    )
    return 0
  })
}
