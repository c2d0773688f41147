/** Starts bench/server.ts in a separate process and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export interface ServerStats {
  readonly cpu: NodeJS.CpuUsage
  readonly served: number
  readonly stalledRequests: number
  readonly openStallSockets: number
  /** Connections ever accepted by the canned server. */
  readonly cannedConnections: number
}

export interface BenchServer {
  readonly pid: number
  readonly origin: string
  readonly host: string
  readonly stallOrigin: string
  stats(): Promise<ServerStats>
  stop(): Promise<void>
}

export async function startServer(): Promise<BenchServer> {
  // Explicit execArgv: the child must not inherit --cpu-prof / --expose-gc from the client.
  const child: ChildProcess = fork(path.join(__dirname, 'server.ts'), [], {
    execArgv: ['-r', require.resolve('tsx/cjs')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ready = await new Promise<{ port: number; stallPort: number }>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code})`)))
    child.once('message', (message: { type: string; port: number; stallPort: number }) => resolve(message))
  })
  child.removeAllListeners('exit')
  let nextId = 0
  const waiting = new Map<number, (stats: ServerStats) => void>()
  child.on('message', (message: ServerStats & { type: string; id: number }) => {
    if (message.type !== 'stats') return
    waiting.get(message.id)?.(message)
    waiting.delete(message.id)
  })
  return {
    pid: child.pid ?? -1,
    origin: `http://127.0.0.1:${ready.port}`,
    host: `127.0.0.1:${ready.port}`,
    stallOrigin: `http://127.0.0.1:${ready.stallPort}`,
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
        child.disconnect()
        setTimeout(() => child.kill(), 2000).unref()
      }),
  }
}
