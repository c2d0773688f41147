const { availableParallelism } = require('node:os')

/**
 * Jest only runs the tests: `npm run typecheck` (part of `npm test`, through api:check) has
 * type-checked them already, so each file is transpiled alone with SWC (a quarter less CPU than
 * ts-jest's transpile-only mode on a cold cache, as in CI).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec', '<rootDir>/examples/jest'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // One worker per core: the suites are mostly CPU-bound (property tests, the model, the packed
  // tarball's build), so more workers only slow each suite down. Jest's default (cores - 1) runs
  // every suite in band, one after the other, on two cores.
  maxWorkers: availableParallelism(),
  // A guard against hangs, not a timing assertion: the model-based suite takes 8-9 s alone and
  // three to four times that on a loaded two-core machine.
  testTimeout: 60000,
  // The examples import the package by name, as a user's code does; in this repository the name
  // means the sources (as tsconfig.json's "paths" says for the type checker and tsx).
  moduleNameMapper: {
    '^bce-iam$': '<rootDir>/lib',
    '^bce-iam/jest$': '<rootDir>/lib/testing',
    '^bce-iam/(emulator|fp-ts|effect|iac|otel)$': '<rootDir>/lib/$1',
  },
  // The long suites first, so a clean run does not end on one of them alone (see the file).
  testSequencer: '<rootDir>/scripts/jest-sequencer.js',
}
