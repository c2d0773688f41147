#!/usr/bin/env node
// Writes MUTATION.md from the StrykerJS JSON reports in reports/mutation/<batch>.json.
//
// Per file: mutants by status and the mutation score on covered mutants
// ((killed + timeout) / (killed + timeout + survived)), before (spec/mutation/baseline.json, a run
// on the code before the mutation work) and now. Surviving mutants listed in
// spec/mutation/equivalent.json (judged equivalent: no test can tell them apart from the original)
// are printed with their reason; every other survivor is listed as a gap.
//
//   node scripts/mutate-summary.js                    writes MUTATION.md
//   node scripts/mutate-summary.js --baseline <dir>   writes spec/mutation/baseline.json from the
//                                                      reports in <dir> (a run on older code)
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const { batches } = require('./mutate-batches.js')

const root = path.resolve(__dirname, '..')
const reportsDir = path.join(root, 'reports', 'mutation')
const baselineFile = path.join(root, 'spec', 'mutation', 'baseline.json')
const equivalentFile = path.join(root, 'spec', 'mutation', 'equivalent.json')

/** Reads one batch's report (and its run metadata) from a directory, or undefined when absent. */
function readBatch(dir, batch) {
  const file = path.join(dir, `${batch}.json`)
  if (!fs.existsSync(file)) return undefined
  const report = JSON.parse(fs.readFileSync(file, 'utf8'))
  const metaFile = path.join(dir, `${batch}.meta.json`)
  const meta = fs.existsSync(metaFile) ? JSON.parse(fs.readFileSync(metaFile, 'utf8')) : undefined
  return { report, meta }
}

/** The source text a mutant replaces, whitespace collapsed (its identity across line shifts). */
function originalText(source, location) {
  const lines = source.split('\n')
  const { start, end } = location
  let text
  if (start.line === end.line) text = lines[start.line - 1].slice(start.column - 1, end.column - 1)
  else {
    text = [
      lines[start.line - 1].slice(start.column - 1),
      ...lines.slice(start.line, end.line - 1),
      lines[end.line - 1].slice(0, end.column - 1),
    ].join('\n')
  }
  return text.replace(/\s+/g, ' ').trim()
}

/** Counts of one file's mutants by status, and its score on covered mutants (percent). */
function tally(mutants) {
  const count = (status) => mutants.filter((m) => m.status === status).length
  const killed = count('Killed')
  const timeout = count('Timeout')
  const survived = count('Survived')
  const noCoverage = count('NoCoverage')
  const errors = count('CompileError') + count('RuntimeError')
  const covered = killed + timeout + survived
  const score = covered === 0 ? null : (100 * (killed + timeout)) / covered
  return { mutants: mutants.length, killed, timeout, survived, noCoverage, errors, score }
}

const pct = (score) => (score === null || score === undefined ? 'n/a' : `${score.toFixed(1)}%`)
const code = (text) => '`' + text.replace(/`/g, "'").replace(/\|/g, '\\|').slice(0, 90) + '`'

/** Writes spec/mutation/baseline.json: the per-file tallies of the reports in `dir`. */
function writeBaseline(dir) {
  const files = {}
  for (const batch of Object.keys(batches)) {
    const found = readBatch(dir, batch)
    if (found === undefined) continue
    for (const [file, { mutants }] of Object.entries(found.report.files)) {
      files[file] = { batch, commit: found.meta?.commit, ...tally(mutants) }
    }
  }
  fs.mkdirSync(path.dirname(baselineFile), { recursive: true })
  fs.writeFileSync(baselineFile, JSON.stringify(files, null, 2) + '\n')
  console.log(`wrote ${path.relative(root, baselineFile)} (${Object.keys(files).length} files)`)
}

/** Writes MUTATION.md from reports/mutation and the committed baseline and equivalent lists. */
function writeSummary() {
  const baseline = fs.existsSync(baselineFile) ? JSON.parse(fs.readFileSync(baselineFile, 'utf8')) : {}
  const equivalent = fs.existsSync(equivalentFile) ? JSON.parse(fs.readFileSync(equivalentFile, 'utf8')) : []
  const used = new Set()
  const reported = new Set()
  const rows = []
  const equivalentLines = []
  const gapLines = []
  const runLines = []
  const totals = { mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, equivalent: 0 }
  for (const [batch, { mutate }] of Object.entries(batches)) {
    const found = readBatch(reportsDir, batch)
    if (found === undefined) {
      rows.push(`| ${batch} | ${mutate.join(', ')} | not run |${' |'.repeat(9)}`)
      continue
    }
    const { report, meta } = found
    runLines.push(
      `- ${batch}: ` +
        (meta === undefined
          ? 'no run metadata'
          : `commit ${meta.commit}${meta.dirty ? ' (with uncommitted changes in lib/ or spec/)' : ''}, ${meta.date}` +
            (meta.seconds === undefined ? '' : `, ${meta.seconds} s`)),
    )
    for (const file of Object.keys(report.files).sort()) {
      const { source, mutants } = report.files[file]
      reported.add(file)
      const t = tally(mutants)
      let equivalentHere = 0
      for (const mutant of mutants) {
        if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue
        const original = originalText(source, mutant.location)
        const where = `${file}:${mutant.location.start.line}`
        const what = `${mutant.mutatorName} ${code(original)} → ${code(mutant.replacement ?? '')}`
        const index = equivalent.findIndex(
          (e) =>
            e.file === file &&
            e.mutator === mutant.mutatorName &&
            e.original === original &&
            e.replacement === (mutant.replacement ?? '').replace(/\s+/g, ' ').trim(),
        )
        if (mutant.status === 'Survived' && index >= 0) {
          used.add(index)
          equivalentHere += 1
          equivalentLines.push(`- ${where} ${what}: ${equivalent[index].reason}`)
        } else gapLines.push(`- ${where} ${what}${mutant.status === 'NoCoverage' ? ' (not covered)' : ''}`)
      }
      const detected = t.killed + t.timeout
      const withoutEquivalent = t.survived - equivalentHere + detected
      const scoreExcluding = withoutEquivalent === 0 ? null : (100 * detected) / withoutEquivalent
      const before = baseline[file]
      rows.push(
        `| ${batch} | ${file} | ${t.mutants} | ${t.killed} | ${t.timeout} | ${t.survived} | ${equivalentHere} | ` +
          `${t.noCoverage} | ${t.errors} | ${pct(before?.score)} | **${pct(t.score)}** | ${pct(scoreExcluding)} |`,
      )
      for (const key of ['mutants', 'killed', 'timeout', 'survived', 'noCoverage', 'errors']) totals[key] += t[key]
      totals.equivalent += equivalentHere
    }
  }
  const detected = totals.killed + totals.timeout
  const covered = detected + totals.survived
  const total = covered === 0 ? null : (100 * detected) / covered
  const totalExcluding = covered - totals.equivalent === 0 ? null : (100 * detected) / (covered - totals.equivalent)
  const stale = equivalent.filter((e, i) => !used.has(i) && reported.has(e.file))
  const baselineCommits = [...new Set(Object.values(baseline).map((b) => b.commit ?? 'unknown'))]

  const lines = [
    '# Mutation testing',
    '',
    '<!-- Generated by `node scripts/mutate-summary.js` (run by `npm run mutate`); do not edit by hand. -->',
    '',
    'StrykerJS (jest runner, per-test coverage) mutates the modules below, one batch at a time',
    "(`scripts/mutate-batches.js` lists each batch's files and the test files run against them).",
    '`npm run mutate` runs every batch and rewrites this file; `npm run mutate -- signing errors` runs',
    'some; `MUTATE_CONCURRENCY` sets the worker count (default 2). Reports: `reports/mutation/<batch>.html`.',
    '',
    '**Score** is the mutation score on covered mutants: (killed + timeout) / (killed + timeout +',
    'survived). **Before** is the same score on the code before the mutation work',
    '(`spec/mutation/baseline.json`). **Excl. equivalent** leaves out the survivors listed below as',
    'equivalent (`spec/mutation/equivalent.json`).',
    '',
    baselineCommits.length === 0
      ? 'No baseline recorded.'
      : `The before scores come from a run of the same batches on commit ${baselineCommits.join(', ')}; ` +
        '`node scripts/mutate-summary.js --baseline <reports dir>` records them.',
    '',
    '| Batch | File | Mutants | Killed | Timeout | Survived | of which equivalent | No coverage | Errors | Before | Score | Excl. equivalent |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...rows,
    `| **total** | | ${totals.mutants} | ${totals.killed} | ${totals.timeout} | ${totals.survived} | ${totals.equivalent} | ` +
      `${totals.noCoverage} | ${totals.errors} | | **${pct(total)}** | ${pct(totalExcluding)} |`,
    '',
    '## Runs',
    '',
    ...(runLines.length > 0 ? runLines : ['- none']),
    '',
    '## Surviving mutants judged equivalent',
    '',
    ...(equivalentLines.length > 0 ? equivalentLines : ['- none']),
    '',
    '## Other surviving and uncovered mutants',
    '',
    ...(gapLines.length > 0 ? gapLines : ['- none']),
    '',
  ]
  if (stale.length > 0) {
    lines.push('## Equivalent-list entries that matched no surviving mutant', '')
    for (const e of stale) lines.push(`- ${e.file} ${e.mutator} ${code(e.original)} → ${code(e.replacement)}`)
    lines.push('')
  }
  fs.writeFileSync(path.join(root, 'MUTATION.md'), lines.join('\n'))
  console.log(`wrote MUTATION.md: ${pct(total)} on covered mutants over ${totals.mutants} mutants`)
}

const [flag, dir] = process.argv.slice(2)
if (flag === '--baseline') {
  if (dir === undefined) {
    console.error('usage: mutate-summary.js --baseline <reports dir>')
    process.exit(2)
  }
  writeBaseline(path.resolve(dir))
} else writeSummary()
