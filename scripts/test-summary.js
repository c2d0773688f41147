#!/usr/bin/env node
// Prints "N passed, M failed" from jest's --json output and exits non-zero on any failure.
// A run that produced no results (e.g. the typecheck failed first) counts as one failure.
'use strict'
const fs = require('node:fs')

const [file, statusArg] = process.argv.slice(2)
const status = Number(statusArg ?? 1)
let passed = 0
let failed = 0
try {
  const results = JSON.parse(fs.readFileSync(file, 'utf8'))
  passed = results.numPassedTests
  failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0)
  if (results.numTotalTests === 0) failed += 1
} catch {
  failed = 1
}
if (status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
