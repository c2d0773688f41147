// Prints the README's operations table from the operation registries (npx tsx scripts/operations-table.ts).
import { OPERATION_CATALOG } from '../lib/operations'

const rows = OPERATION_CATALOG.map((spec) => {
  const path = `${spec.path}${spec.flags === undefined ? '' : `?${spec.flags.join('&')}`}`
  const client = spec.service === 'iam' ? 'IamClient' : 'StsClient'
  const errors = spec.errors.length === 0 ? '–' : spec.errors.map((kind) => `\`${kind}\``).join(', ')
  return `| \`${spec.name}\` | ${spec.method} | \`${path}\` | ${spec.idempotent ? 'yes' : 'no'} | ${client} | ${errors} | [docs](${spec.docs}) |`
})
console.log(
  [
    '| method | HTTP | path | idempotent | client | service errors (besides the common ones) | Baidu docs |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n'),
)
