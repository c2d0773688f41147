import type * as Undici from 'undici'

let loaded: typeof Undici | undefined

/**
 * undici, loaded on first use: `require('undici')` costs ~100 ms, so importing the SDK stays
 * cheap and the cost moves to the first request of a client that creates its own pool.
 */
export function loadUndici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('undici') as typeof Undici
  return loaded
}
