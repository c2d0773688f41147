const { availableParallelism } = require('node:os')

/**
 * Jest only runs the tests: `npm run typecheck` (part of `npm test`, through api:check) has
 * type-checked them already, so each file is transpiled alone with SWC (a quarter less CPU than
 * ts-jest's transpile-only mode on a cold cache, as in CI).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // Many suites wait on sockets, timers and child processes (the emulator, the packed tarball):
  // one worker more than there are cores keeps the cores busy. Jest's default is cores - 1,
  // which on two cores runs every suite in band, one after the other.
  maxWorkers: availableParallelism() + 1,
  testTimeout: 30000,
}
