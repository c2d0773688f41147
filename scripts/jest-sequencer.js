// Jest's test order for this project: the few long suites first, then jest's own order (failed
// last time, then slowest last time, then largest file). Without a cache (a clean clone, as in CI)
// jest orders by file size alone, which starts the longest suites (the packed tarball, the model)
// among the last, so one worker ends the run alone on them; starting them first lets the short
// suites fill the other worker meanwhile. The order never changes what a suite asserts.
'use strict'
const Sequencer = require('@jest/test-sequencer').default

/**
 * The long suites, longest first (per-suite times of `npm test` on two cores, CONTRIBUTING.md:
 * "Testing"). Add a suite here when it takes more than a few seconds on its own. never-throws-server
 * and the last three mostly wait (stalls, timeouts, Retry-After, a spawned process): started early,
 * their waits overlap the static checks' CPU work instead of leaving a core idle at the end.
 */
const LONG_SUITES = [
  'spec/package/packaging.test.ts',
  'spec/model/model-based.test.ts',
  'spec/emulator/state-fuzz.property.test.ts',
  'spec/cli/cli-iac.e2e.test.ts',
  'spec/reliability/load.test.ts',
  'spec/reliability/never-throws-server.property.test.ts',
  'spec/decode/fast-path.property.test.ts',
  'spec/iac/apply.model.test.ts',
  'spec/types/hover.test.ts',
  'spec/reliability/retry-conformance.test.ts',
  'spec/safety/keep-alive.test.ts',
  'spec/http/transport.test.ts',
]

/** The position of a test in LONG_SUITES, or LONG_SUITES.length for every other suite. */
const rank = (test) => {
  const path = test.path.replaceAll('\\', '/')
  const index = LONG_SUITES.findIndex((suite) => path.endsWith(`/${suite}`))
  return index === -1 ? LONG_SUITES.length : index
}

class LongSuitesFirst extends Sequencer {
  /** Jest's order, with the long suites moved to the front (Array.prototype.sort is stable). */
  sort(tests) {
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b))
  }
}

module.exports = LongSuitesFirst
module.exports.LONG_SUITES = LONG_SUITES
