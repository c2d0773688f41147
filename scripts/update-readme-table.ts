/**
 * Rewrites the operations table in README.md from the registries (`npx tsx scripts/update-readme-table.ts`).
 * The table is the run of lines starting with `| method | HTTP |` and ending at the first line that is not a
 * table row; `spec/operation/catalog.test.ts` checks README.md holds exactly `operationsTable()`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { operationsTable } from './operations-table'

const path = join(__dirname, '..', 'README.md')
const lines = readFileSync(path, 'utf8').split('\n')
const start = lines.findIndex((line) => line.startsWith('| method | HTTP |'))
if (start < 0) {
  console.error('README.md has no operations table (a line starting with "| method | HTTP |")')
  process.exit(1)
}
let end = start
while (end < lines.length && (lines[end] ?? '').startsWith('|')) end += 1
lines.splice(start, end - start, ...operationsTable().split('\n'))
writeFileSync(path, lines.join('\n'))
console.log(`README.md: operations table rewritten (${end - start} lines replaced)`)
