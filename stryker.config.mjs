// StrykerJS configuration for `npm run mutate` (see scripts/mutate.js and MUTATION.md).
// One batch at a time: MUTATE_BATCH names the batch of scripts/mutate-batches.js to mutate, and the
// JSON/HTML reports go to reports/mutation/<batch>.{json,html}. Run one batch directly with
//   MUTATE_BATCH=signing npx stryker run stryker.config.mjs
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { batches, excludedTests } = require('./scripts/mutate-batches.js')

const batch = process.env.MUTATE_BATCH ?? 'signing'
const selected = batches[batch]
if (selected === undefined) {
  throw new Error(`unknown MUTATE_BATCH "${batch}"; known: ${Object.keys(batches).join(', ')}`)
}
const concurrency = Number(process.env.MUTATE_CONCURRENCY ?? 2)

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  coverageAnalysis: 'perTest',
  mutate: [...selected.mutate],
  concurrency,
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // The batch's test files (all but the excluded ones when it names none) run in the dry run;
    // per-test coverage then picks the tests that reach each mutant.
    enableFindRelatedTests: false,
    config: {
      testPathIgnorePatterns: ['/node_modules/', ...excludedTests],
      setupFiles: ['<rootDir>/scripts/mutate-jest-setup.js'],
      ...(selected.tests === undefined ? {} : { testMatch: selected.tests.map((glob) => `<rootDir>/${glob}`) }),
    },
  },
  reporters: ['json', 'html', 'clear-text', 'progress'],
  jsonReporter: { fileName: `reports/mutation/${batch}.json` },
  htmlReporter: { fileName: `reports/mutation/${batch}.html` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: `.stryker-tmp/${batch}`,
  ignorePatterns: ['.stryker-tmp', 'reports', 'dist', 'coverage', 'docs', '.bench-tmp', '*.cpuprofile'],
  // Generous: some suites run real sockets against the emulator; a mutant that hangs is a kill.
  timeoutMS: 20000,
  timeoutFactor: 2,
  cleanTempDir: true,
  thresholds: { high: 85, low: 70, break: null },
}
