import { apply, type ApplyEvent, type ApplyReport } from '../../iac'
import type { CliCommand } from '../args'
import { errorText } from '../error-text'
import type { CliIo } from '../io'
import { describeStep, renderPlan } from '../render-plan'
import { withPlan } from './load-plan'

type ApplyCommand = Extract<CliCommand, { command: 'apply' }>

/**
 * One progress line for an apply event that finishes a step (`[3/12] applied + create user
 * alice`), `done` being how many steps have finished so far; none for a step that starts.
 */
export function progressLine(event: ApplyEvent, done: number): string | undefined {
  if (event.status === 'started') return undefined
  return `[${done}/${event.total}] ${event.status} ${describeStep(event.step)}\n`
}

/** The closing line of a human apply: how many steps were applied, failed and left pending. */
export function reportLine(report: ApplyReport): string {
  const { applied, failed, pending } = report
  return `Applied ${applied.length} changes, ${failed.length} failed, ${pending.length} not started.\n`
}

/**
 * `bce-iam apply -f FILE`: plans, shows the plan, asks for confirmation on a terminal (`--yes`
 * skips it; without a terminal and without `--yes` it refuses), applies with progress on
 * standard error, and prints the report (`--json`: applied, failed and pending steps).
 */
export function applyCommand(command: ApplyCommand, io: CliIo): Promise<number> {
  return withPlan(command, io, async (iam, planned) => {
    const { changes } = planned
    if (changes.length === 0) {
      const empty: ApplyReport = { applied: [], failed: [], pending: [] }
      io.out(command.json ? `${JSON.stringify(empty, null, 2)}\n` : renderPlan([], false))
      return 0
    }
    if (!command.json) io.out(renderPlan(changes, io.isTty))
    if (!command.yes) {
      if (!io.stdinIsTty) {
        io.err('error: refusing to apply without confirmation: not a terminal; pass --yes\n')
        return 1
      }
      if (!(await io.confirm(`Apply these ${changes.length} changes? [y/N] `))) {
        io.err('Cancelled: nothing applied.\n')
        return 1
      }
    }
    let done = 0
    const applied = await apply(iam, planned, {
      onStep: (event) => {
        if (event.status !== 'started') done += 1
        const line = progressLine(event, done)
        if (line !== undefined) io.err(line)
      },
    })
    const report = applied.isOk() ? applied.value : applied.error.report
    if (command.json) io.out(`${JSON.stringify(applied.isOk() ? applied.value : applied.error, null, 2)}\n`)
    else io.out(reportLine(report))
    if (applied.isErr()) {
      const first = report.failed[0]
      if (first !== undefined) io.err(`error: ${describeStep(first.step)} failed\n`)
      io.err(errorText(applied.error.error))
      return 1
    }
    return 0
  })
}
