// The README's operations table, generated from the operation registries.
// `npx tsx scripts/operations-table.ts` prints it; spec/operation/catalog.test.ts checks that README.md holds exactly it.
import { OPERATION_CATALOG } from '../lib/operations'

/** The README's operations table (Markdown), one row per registry declaration. */
export function operationsTable(): string {
  const rows = OPERATION_CATALOG.map((spec) => {
    const path = `${spec.path}${spec.flags === undefined ? '' : `?${spec.flags.join('&')}`}`
    const client = spec.service === 'iam' ? 'IamClient' : 'StsClient'
    const errors = spec.errors.length === 0 ? '–' : spec.errors.map((kind) => `\`${kind}\``).join(', ')
    return `| \`${spec.name}\` | ${spec.method} | \`${path}\` | ${spec.idempotent ? 'yes' : 'no'} | ${client} | ${errors} | [docs](${spec.docs}) |`
  })
  return [
    '| method | HTTP | path | idempotent | client | service errors (besides the common ones) | Baidu docs |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n')
}

if (require.main === module) console.log(operationsTable())
