// Prints the README's operations table from the operation catalogue (npx tsx scripts/operations-table.ts).
import { OPERATION_CATALOG } from '../lib/operation/catalog'

const rows = OPERATION_CATALOG.map(({ service, spec }) => {
  const path = `${spec.path}${spec.flags === undefined ? '' : `?${spec.flags.join('&')}`}`
  return `| \`${spec.name}\` | ${spec.method} | \`${path}\` | ${spec.idempotent ? 'yes' : 'no'} | ${service === 'iam' ? 'IamClient' : 'StsClient'} |`
})
console.log(['| method | HTTP | path | idempotent | client |', '|---|---|---|---|---|', ...rows].join('\n'))
