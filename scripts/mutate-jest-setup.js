// Jest setup file used only under StrykerJS (see stryker.config.mjs): a property that fails under a
// mutant has already killed it, so fast-check stops at the first counterexample instead of
// shrinking it (shrinking a property that runs requests against the emulator can take minutes).
// The number of runs is unchanged, so no killing power is lost.
'use strict'
const fc = require('fast-check')

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true })
