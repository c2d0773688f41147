/**
 * Runs one emulator in its own process (forked by bench/emulator-control.ts): the compiled
 * package's public entry `bce-iam/emulator` (`startEmulator`), the bench's fixed root key pair,
 * in memory or on a state file. argv[2] is a JSON {@link HostOptions}.
 *
 * IPC: sends `{ type: 'ready', endpoint, startMs }` (or `{ type: 'failed', message }`); answers
 * `{ type: 'stats', id }` with its CPU usage and `{ type: 'stop' }` by closing the emulator
 * (which folds a state file's journal) and exiting.
 */
import path from 'node:path'
import type * as EmulatorModule from '../lib/emulator/index'
import { CREDENTIALS } from './fixtures'
import { PKG_DIR } from './sdk'

/** How the host starts its emulator. */
export interface HostOptions {
  /** State file (absent: in memory). */
  readonly stateFile?: string
  /** The account's user limit (BCE's 500 by default). */
  readonly usersPerAccount?: number
  /** The account's group limit (BCE's 50 by default). */
  readonly groupsPerAccount?: number
}

void (async () => {
  const options = JSON.parse(process.argv[2] ?? '{}') as HostOptions
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const emulator = require(path.join(PKG_DIR, 'dist', 'emulator', 'index.js')) as typeof EmulatorModule
  const t0 = performance.now()
  const started = await emulator.startEmulator({
    credentials: CREDENTIALS,
    seed: 1,
    ...(options.stateFile === undefined ? {} : { stateFile: options.stateFile }),
    limits: {
      ...(options.usersPerAccount === undefined ? {} : { usersPerAccount: options.usersPerAccount }),
      ...(options.groupsPerAccount === undefined ? {} : { groupsPerAccount: options.groupsPerAccount }),
    },
  })
  const startMs = performance.now() - t0
  if (started.isErr()) {
    // Exit once the message is out (exiting at once could drop it).
    process.send?.({ type: 'failed', message: started.error.message }, () => process.exit(1))
    return
  }
  const running = started.value
  process.on('message', (message: { type?: string; id?: number }) => {
    if (message?.type === 'stats') process.send?.({ type: 'stats', id: message.id, cpu: process.cpuUsage() })
    if (message?.type === 'stop') void running.close().then(() => process.exit(0))
  })
  process.on('disconnect', () => {
    void running.close().then(() => process.exit(0))
  })
  process.send?.({ type: 'ready', endpoint: running.endpoint, startMs })
})()
