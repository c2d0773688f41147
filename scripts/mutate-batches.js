// The mutation-testing batches: one per module group, small enough for a 2-core machine.
// Used by stryker.config.mjs (which files to mutate, which tests to run), scripts/mutate.js (which
// batches to run) and scripts/mutate-summary.js (which file belongs to which batch).
//
// `mutate`: the files (globs) Stryker mutates. `tests`: the jest test files (globs relative to the
// repository root) that run against that batch's mutants; the unit, property and end-to-end suites
// that exercise those modules. Per-test coverage then runs, for each mutant, only the tests that
// reach it. Omit `tests` to run every test file except `excludedTests`.
'use strict'

/** @typedef {{ mutate: readonly string[], tests?: readonly string[] }} Batch */

/** @type {Record<string, Batch>} */
const batches = {
  signing: {
    mutate: ['lib/auth/sign-request.ts', 'lib/auth/canonical.ts', 'lib/auth/uri-encode.ts'],
    tests: [
      'spec/auth/**/*.test.ts',
      'spec/emulator/verify-signature*.test.ts',
      'spec/emulator/official-signer*.test.ts',
    ],
  },
  errors: {
    mutate: ['lib/errors/classify.ts', 'lib/errors/make.ts', 'lib/retry/retryable.ts'],
    tests: ['spec/errors/**/*.test.ts', 'spec/decode/error-body*.test.ts', 'spec/decode/response*.test.ts'],
  },
  decoding: {
    mutate: ['lib/decode/response.ts', 'lib/decode/error-body.ts', 'lib/decode/bce-date.ts'],
    tests: [
      'spec/decode/response*.test.ts',
      'spec/decode/error-body*.test.ts',
      'spec/decode/bce-date*.test.ts',
      'spec/errors/**/*.test.ts',
    ],
  },
  retry: {
    mutate: [
      'lib/retry/retry-policy.ts',
      'lib/retry/retry-budget.ts',
      'lib/retry/retry-decision.ts',
      'lib/client/attempt.ts',
      'lib/retry/sleep.ts',
    ],
    tests: [
      'spec/http/retry*.test.ts',
      'spec/retry/**/*.test.ts',
      'spec/client/attempt*.test.ts',
      'spec/retry/sleep*.test.ts',
      'spec/reliability/retry-conformance.test.ts',
    ],
  },
  pipeline: {
    mutate: [
      'lib/client/execute.ts',
      'lib/client/call-settings.ts',
      'lib/client/retry-step.ts',
      'lib/operation/prepare.ts',
      'lib/auth/request-signer.ts',
      'lib/auth/signing-clock.ts',
    ],
    tests: [
      'spec/client/**/*.test.ts',
      'spec/operation/**/*.test.ts',
      'spec/auth/request-signer*.test.ts',
      'spec/reliability/retry-conformance.test.ts',
      'spec/http/transport.test.ts',
    ],
  },
  acl: {
    mutate: ['lib/acl/parse-acl.ts', 'lib/acl/validate-acl.ts', 'lib/acl/evaluate-acl.ts', 'lib/acl/glob.ts'],
    tests: ['spec/acl/**/*.test.ts', 'spec/emulator/acl-document.test.ts', 'spec/emulator/authorization*.test.ts'],
  },
  emulator: {
    mutate: [
      'lib/emulator/verify-signature.ts',
      'lib/emulator/authenticate.ts',
      'lib/emulator/parsed-request.ts',
      'lib/emulator/route-match.ts',
    ],
    tests: ['spec/emulator/**/*.test.ts', 'spec/iam/authorization.e2e.test.ts', 'spec/sts/**/*.test.ts'],
  },
  authorization: {
    mutate: ['lib/emulator/authorization/*.ts'],
    tests: [
      'spec/emulator/authoriz*.test.ts',
      'spec/emulator/authorize-*.test.ts',
      'spec/emulator/safety-authz.test.ts',
      'spec/emulator/safety-sessions.test.ts',
      'spec/iam/authorization.e2e.test.ts',
    ],
  },
}

/**
 * Test files never run under Stryker, even when a batch lists no tests: process-level suites that
 * are slow and check packaging, examples or load rather than the behaviour of one module.
 */
const excludedTests = ['/spec/package/', '/spec/examples\\.test\\.ts$', '/spec/reliability/load\\.test\\.ts$']

module.exports = { batches, excludedTests }
