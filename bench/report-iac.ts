/** The report section of bench/iac.ts: one row per phase, and whether the account converged. */
import type { IacResult } from './iac'
import type { Table } from './report-format'

/** A report section (the shape bench/report.ts renders). */
export interface IacSection {
  readonly title: string
  readonly intro: string[]
  readonly tables: Array<{ title?: string; table: Table }>
  readonly notes: string[]
}

function phaseTable(r: IacResult): Table {
  return {
    headers: ['phase', 'wall ms', 'HTTP calls', 'calls/s', 'plan steps'],
    rows: r.phases.map((p) => [
      p.name,
      p.ms.toFixed(p.ms < 10 ? 1 : 0),
      p.calls.toLocaleString('en-US'),
      p.calls === 0 ? '–' : ((p.calls * 1000) / p.ms).toFixed(0),
      p.steps === undefined ? '–' : p.steps.toLocaleString('en-US'),
    ]),
  }
}

/** The section for a completed run, or the reason it failed. */
export function iacSection(r: IacResult | undefined, error: string | undefined): IacSection | undefined {
  const title = '8. IAM as code at account scale (export, plan, apply)'
  if (error !== undefined)
    return { title, intro: [], tables: [], notes: [`Not measured: the section failed (${error}).`] }
  if (r === undefined) return undefined
  const { users, groups, policies } = r.scale
  const top = Object.entries(r.callsByOperation)
    .slice(0, 6)
    .map(([operation, n]) => `${operation} ${n.toLocaleString('en-US')}`)
    .join(', ')
  return {
    title,
    intro: [
      `The compiled \`bce-iam/iac\` against one emulator in its own process (in memory, limits raised): a document of ${users.toLocaleString('en-US')} users, ${groups} groups and ${policies} custom policies (memberships and attachments included) applied to an empty account, exported, planned, then drifted (100 descriptions, 20 policy documents, 50 new users) and applied again. Export and apply run ${r.concurrency} calls at once (the library's default). One run, no rounds: wall times on a shared machine are indicative.`,
    ],
    tables: [{ table: phaseTable(r) }],
    notes: [
      r.converged
        ? 'Converged: the plan against the exported account was empty after each apply.'
        : '**Not converged**: a plan that should have been empty was not.',
      `HTTP calls by operation (whole section, attempts): ${top}.`,
    ],
  }
}
