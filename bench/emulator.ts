/**
 * Section "emulator": the emulator as a load target, through the SDK (the compiled package's
 * `IamClient`), each emulator in its own process (bench/emulator-host.ts), in memory:
 * getUser and listUsers of 500 users against the emulator and against the canned server (the
 * ceiling: same client, a server that does no work), and createUser against the emulator, at
 * each concurrency, interleaved rounds. Then, on a state file: the cost of one change
 * (createUser, each followed by an untimed deleteUser so the size stays put) with a small and a
 * large state, loaded from the file at start.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startHostedEmulator, type HostedEmulator } from './emulator-control'
import { CREDENTIALS, LIST_USERS_COUNT, USER_NAME } from './fixtures'
import {
  measureRounds,
  pairedRatio,
  summariseRounds,
  type QuietBudget,
  type Subject,
  type SubjectRounds,
  type SubjectSummary,
  type TargetStats,
} from './rounds'
import { sdk as compiled } from './sdk'
import type { BenchServer } from './server-control'
import { fullGc, median, percentileSorted, rotate, Samples } from './stats'

export interface EmulatorOptions {
  readonly concurrencies: readonly number[]
  readonly rounds: number
  readonly roundMs: number
  readonly warmupMs: number
  /** Entity counts of the state-file comparison, small first (e.g. [10, 10000]). */
  readonly stateSizes: readonly number[]
  /** Rounds of the state-file comparison (sizes alternate) and timed createUser calls per round. */
  readonly stateRounds: number
  readonly createsPerRound: number
  /** Give up seeding a state (and report why) after this long. */
  readonly seedTimeoutMs: number
}

export interface EmulatorLevel {
  readonly concurrency: number
  readonly subjects: SubjectSummary[]
  /** Median per-round ratio emulator ÷ canned server, getUser. */
  readonly getUserRatio: number
  /** The same for listUsers of 500 users. */
  readonly listUsersRatio: number
  /** Users the createUser emulator held after this level (they accumulate over levels). */
  readonly createdUsers: number
}

export interface StateSize {
  /** Users in the state file when the emulator loaded it. */
  readonly entities: number
  /** Seeding it through the SDK (createUser at concurrency 32, state file on). */
  readonly seedMs: number
  /** startEmulator with that file (loading included), in the emulator's process. */
  readonly startMs: number
  /** State file + journal size on disk after seeding and folding. */
  readonly fileBytes: number
  /** Whether the state file was replaced (the journal folded into it) during the measured calls. */
  readonly snapshotRewritten: boolean
  /** Mean createUser latency of each round (ms). */
  readonly roundMeansMs: number[]
  readonly meanMs: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly calls: number
}

export interface EmulatorResult {
  readonly options: EmulatorOptions
  readonly levels: EmulatorLevel[]
  /** Present unless the state comparison could not run; then `stateSkipped` says why. */
  readonly state?:
    | {
        readonly sizes: StateSize[]
        /** Median round mean createUser latency, largest state ÷ smallest. */
        readonly ratio: number
      }
    | undefined
  readonly stateSkipped?: string
}

type Iam = InstanceType<ReturnType<typeof compiled>['index']['IamClient']>

function client(endpoint: string, connections: number): Iam {
  return new (compiled().index.IamClient)({
    endpoint,
    credentials: CREDENTIALS,
    allowInsecureHttp: true,
    maxConnections: connections,
  })
}

async function mustOk(what: string, call: ReturnType<Iam['createUser']>): Promise<void> {
  const result = await call
  if (result.isErr()) throw new Error(`${what}: ${result.error._tag} ${result.error.message}`)
}

/** Creates `count` users named `${prefix}-N` at concurrency `concurrency`; false when `deadline` passed first. */
async function createUsers(
  iam: Iam,
  prefix: string,
  count: number,
  concurrency: number,
  deadline = Number.POSITIVE_INFINITY,
): Promise<boolean> {
  let next = 0
  let late = false
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && !late) {
        const n = next
        next += 1
        await mustOk('createUser (seeding)', iam.createUser({ name: `${prefix}-${String(n).padStart(5, '0')}` }))
        if (performance.now() > deadline) late = true
      }
    }),
  )
  return !late
}

const getUserSubject = (key: string, label: string, iam: Iam, target: Subject['target']): Subject => ({
  key,
  label,
  target,
  async call() {
    const result = await iam.getUser({ userName: USER_NAME })
    if (result.isErr() || result.value.name !== USER_NAME) throw new Error(`${key}: unexpected answer`)
  },
})

const listUsersSubject = (key: string, label: string, iam: Iam, target: Subject['target']): Subject => ({
  key,
  label,
  target,
  async call() {
    const result = await iam.listUsers({})
    if (result.isErr() || result.value.length !== LIST_USERS_COUNT) throw new Error(`${key}: unexpected answer`)
  },
})

/** Users created by the createUser subjects so far (names stay unique across levels). */
let created = 0
const createUserSubject = (iam: Iam, target: Subject['target']): Subject => ({
  key: 'createUser-emulator',
  label: 'createUser, emulator (in memory)',
  target,
  async call() {
    created += 1
    await mustOk('createUser', iam.createUser({ name: `load-${created}` }))
  },
})

async function loadLevels(
  server: BenchServer,
  options: EmulatorOptions,
  quiet: QuietBudget,
  log: (line: string) => void,
): Promise<EmulatorLevel[]> {
  const reader = await startHostedEmulator({})
  const writer = await startHostedEmulator({ usersPerAccount: 10_000_000 })
  const levels: EmulatorLevel[] = []
  try {
    const seedClient = client(reader.endpoint, 32)
    try {
      await mustOk('createUser alice', seedClient.createUser({ name: USER_NAME }))
      await createUsers(seedClient, 'listed', LIST_USERS_COUNT - 1, 32)
    } finally {
      await seedClient.close()
    }
    const cannedStats = async (): Promise<TargetStats> => {
      const stats = await server.stats()
      return { cpuMicros: stats.cpu.user + stats.cpu.system, connections: stats.cannedConnections }
    }
    for (const concurrency of options.concurrencies) {
      const clients = [server.origin, reader.endpoint, server.origin, reader.endpoint, writer.endpoint].map((e) =>
        client(e, concurrency),
      )
      const [getCanned, getEmu, listCanned, listEmu, create] = clients as [Iam, Iam, Iam, Iam, Iam]
      const subjects: Subject[] = [
        getUserSubject('getUser-canned', 'getUser, canned server (ceiling)', getCanned, cannedStats),
        getUserSubject('getUser-emulator', 'getUser, emulator', getEmu, () => reader.stats()),
        listUsersSubject('listUsers-canned', 'listUsers of 500, canned server (ceiling)', listCanned, cannedStats),
        listUsersSubject('listUsers-emulator', 'listUsers of 500, emulator', listEmu, () => reader.stats()),
        createUserSubject(create, () => writer.stats()),
      ]
      let acc
      try {
        acc = await measureRounds(
          subjects,
          { concurrency, rounds: options.rounds, roundMs: options.roundMs, warmupMs: options.warmupMs },
          quiet,
          log,
          `emulator c=${concurrency}`,
        )
      } finally {
        for (const c of clients) await c.close()
      }
      levels.push({
        concurrency,
        subjects: subjects.map((s) => summariseRounds(s, concurrency, acc.get(s.key) as SubjectRounds)),
        getUserRatio: pairedRatio(acc.get('getUser-emulator'), acc.get('getUser-canned')),
        listUsersRatio: pairedRatio(acc.get('listUsers-emulator'), acc.get('listUsers-canned')),
        createdUsers: created,
      })
    }
  } finally {
    await reader.stop()
    await writer.stop()
  }
  return levels
}

const sizeOnDisk = (file: string): number =>
  [file, `${file}.journal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0)

/** Seeds a state file with `entities` users; the seeding time, or a reason it was abandoned. */
async function seedStateFile(file: string, entities: number, timeoutMs: number): Promise<number | string> {
  const seeder = await startHostedEmulator({ stateFile: file, usersPerAccount: 10_000_000 })
  const iam = client(seeder.endpoint, 32)
  const t0 = performance.now()
  try {
    const done = await createUsers(iam, 'stored', entities, 32, t0 + timeoutMs)
    if (!done) return `seeding ${entities} users on a state file took over ${(timeoutMs / 1000).toFixed(0)} s`
    return performance.now() - t0
  } finally {
    await iam.close()
    await seeder.stop()
  }
}

async function stateComparison(
  options: EmulatorOptions,
  quiet: QuietBudget,
  log: (line: string) => void,
): Promise<EmulatorResult['state'] | string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bce-iam-bench-state-'))
  const hosts: HostedEmulator[] = []
  const clients: Iam[] = []
  try {
    const seeded: Array<{ entities: number; file: string; seedMs: number }> = []
    for (const entities of options.stateSizes) {
      const file = path.join(dir, `state-${entities}.json`)
      const seedMs = await seedStateFile(file, entities, options.seedTimeoutMs)
      if (typeof seedMs === 'string') return seedMs
      log(`  state file with ${entities} users seeded in ${(seedMs / 1000).toFixed(1)} s`)
      seeded.push({ entities, file, seedMs })
    }
    const runs = []
    for (const s of seeded) {
      const fileBytes = sizeOnDisk(s.file)
      const host = await startHostedEmulator({ stateFile: s.file, usersPerAccount: 10_000_000 })
      hosts.push(host)
      const iam = client(host.endpoint, 1)
      clients.push(iam)
      runs.push({ ...s, fileBytes, host, iam, roundMeans: [] as number[], samples: new Samples(), inode: 0 })
    }
    let probe = 0
    const pair = async (iam: Iam): Promise<number> => {
      probe += 1
      const name = `probe-${probe}`
      const t0 = performance.now()
      await mustOk('createUser', iam.createUser({ name }))
      const ms = performance.now() - t0
      const deleted = await iam.deleteUser({ userName: name })
      if (deleted.isErr()) throw new Error(`deleteUser: ${deleted.error.message}`)
      return ms
    }
    for (const run of runs) {
      for (let i = 0; i < 20; i += 1) await pair(run.iam) // warm-up
      run.inode = fs.statSync(run.file).ino
    }
    for (let round = 0; round < options.stateRounds; round += 1) {
      for (const run of rotate(runs, round)) {
        await quiet.wait()
        fullGc()
        let sum = 0
        for (let i = 0; i < options.createsPerRound; i += 1) {
          const ms = await pair(run.iam)
          run.samples.push(ms)
          sum += ms
        }
        run.roundMeans.push(sum / options.createsPerRound)
      }
      log(`  state round ${round + 1}/${options.stateRounds} done`)
    }
    const sizes: StateSize[] = runs.map((run) => {
      const sorted = run.samples.sorted()
      return {
        entities: run.entities,
        seedMs: run.seedMs,
        startMs: run.host.startMs,
        fileBytes: run.fileBytes,
        snapshotRewritten: fs.statSync(run.file).ino !== run.inode,
        roundMeansMs: run.roundMeans,
        meanMs: median(run.roundMeans),
        p50Ms: percentileSorted(sorted, 50),
        p99Ms: percentileSorted(sorted, 99),
        calls: sorted.length,
      }
    })
    const small = sizes[0] as StateSize
    const large = sizes[sizes.length - 1] as StateSize
    return { sizes, ratio: large.meanMs / small.meanMs }
  } finally {
    for (const iam of clients) await iam.close()
    for (const host of hosts) await host.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export async function runEmulator(
  server: BenchServer,
  options: EmulatorOptions,
  quiet: QuietBudget,
  log: (line: string) => void,
): Promise<EmulatorResult> {
  const levels = await loadLevels(server, options, quiet, log)
  const state = await stateComparison(options, quiet, log)
  return typeof state === 'string' ? { options, levels, stateSkipped: state } : { options, levels, state }
}
