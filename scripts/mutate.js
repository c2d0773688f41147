#!/usr/bin/env node
// `npm run mutate [-- <batch>...]`: runs StrykerJS once per batch of scripts/mutate-batches.js
// (all batches when none is named), one after the other so a 2-core machine copes, then writes
// MUTATION.md from every report in reports/mutation/. MUTATE_CONCURRENCY sets Stryker's worker
// count (default 2). Exits non-zero when a Stryker run fails.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const { spawnSync } = require('node:child_process')
const { batches } = require('./mutate-batches.js')

const root = path.resolve(__dirname, '..')
const requested = process.argv.slice(2)
const unknown = requested.filter((name) => !(name in batches))
if (unknown.length > 0) {
  console.error(`unknown batch: ${unknown.join(', ')}; known: ${Object.keys(batches).join(', ')}`)
  process.exit(2)
}
const selected = requested.length > 0 ? requested : Object.keys(batches)
const stryker = path.join(path.dirname(require.resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js')

/** The commit a batch runs on, and whether its mutated files or the tests differ from it. */
function runMeta(batch) {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' })
  const commit = git('rev-parse', '--short', 'HEAD').stdout.trim() || 'unknown'
  const dirty = git('status', '--porcelain', '--', 'lib', 'spec').stdout.trim().length > 0
  return { batch, commit, dirty, date: new Date().toISOString() }
}

/** Records the run beside the batch's JSON report, for the summary's provenance column. */
function writeMeta(batch, meta) {
  const file = path.join(root, 'reports', 'mutation', `${batch}.meta.json`)
  fs.writeFileSync(file, JSON.stringify(meta, null, 2) + '\n')
}

let failed = 0
for (const batch of selected) {
  console.log(`\n=== mutation batch: ${batch} (${batches[batch].mutate.join(', ')}) ===`)
  const started = Date.now()
  const meta = runMeta(batch)
  const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MUTATE_BATCH: batch },
  })
  console.log(`=== ${batch}: exit ${run.status ?? run.signal} after ${Math.round((Date.now() - started) / 1000)} s ===`)
  if (run.status !== 0) failed += 1
  else writeMeta(batch, { ...meta, seconds: Math.round((Date.now() - started) / 1000) })
}

const summary = spawnSync(process.execPath, [path.join(__dirname, 'mutate-summary.js')], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(failed > 0 || summary.status !== 0 ? 1 : 0)
