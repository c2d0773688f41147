/** Starts bench/emulator-host.ts (one emulator) in a separate process and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import type { HostOptions } from './emulator-host'
import type { TargetStats } from './rounds'

export interface HostedEmulator {
  readonly pid: number
  readonly endpoint: string
  /** How long `startEmulator` took in the child (loading the state file included). */
  readonly startMs: number
  stats(): Promise<TargetStats>
  /** Closes the emulator (folding a state file's journal) and waits for the process to exit. */
  stop(): Promise<void>
}

export async function startHostedEmulator(options: HostOptions): Promise<HostedEmulator> {
  // Explicit execArgv: the child must not inherit --cpu-prof / --expose-gc from the client.
  const child: ChildProcess = fork(path.join(__dirname, 'emulator-host.ts'), [JSON.stringify(options)], {
    execArgv: ['-r', require.resolve('tsx/cjs')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ready = await new Promise<{ endpoint: string; startMs: number }>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`emulator host exited early (${code})`)))
    child.once('message', (message: { type: string; endpoint: string; startMs: number; message?: string }) => {
      if (message.type === 'ready') resolve(message)
      else reject(new Error(`emulator did not start: ${message.message ?? message.type}`))
    })
  })
  child.removeAllListeners('exit')
  let nextId = 0
  const waiting = new Map<number, (stats: TargetStats) => void>()
  child.on('message', (message: { type: string; id: number; cpu: NodeJS.CpuUsage }) => {
    if (message.type !== 'stats') return
    waiting.get(message.id)?.({ cpuMicros: message.cpu.user + message.cpu.system })
    waiting.delete(message.id)
  })
  return {
    pid: child.pid ?? -1,
    endpoint: ready.endpoint,
    startMs: ready.startMs,
    stats: () =>
      new Promise((resolve) => {
        nextId += 1
        waiting.set(nextId, resolve)
        child.send({ type: 'stats', id: nextId })
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.send({ type: 'stop' })
        setTimeout(() => child.kill(), 10_000).unref()
      }),
  }
}
