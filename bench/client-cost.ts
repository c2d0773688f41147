/**
 * Client-side CPU per getUser without sockets: the same contenders as the throughput section, but
 * every request goes to an in-process dispatcher that answers the canned getUser from memory on
 * the next turn of the event loop. What is left is each client's own work (undici's request API
 * or dispatch handler, signing, parsing, decoding, Results), with no TCP, no HTTP parser and no
 * server competing for the cores, so it is far steadier than the throughput rounds on a shared
 * machine. Both floors go through undici's real `Dispatcher.request` (the code `Pool.request`
 * runs); the SDK through its real transport (a user-supplied dispatcher).
 */
import { Dispatcher } from 'undici'
import { precomputedHeaders } from './contenders'
import { CREDENTIALS, GET_USER_BODY, USER_NAME, USER_PATH } from './fixtures'
import { shapeUser } from './honest-user'
import { sdk as compiled } from './sdk'
import { driveCount } from './rounds'
import { fullGc, median, rotate } from './stats'

const ORIGIN = 'http://127.0.0.1:9'
const BODY = Buffer.from(GET_USER_BODY)
const HEADERS: Record<string, string> = {
  'content-type': 'application/json;charset=UTF-8',
  'content-length': String(BODY.length),
  'x-bce-request-id': '7c1e9a52-3b4d-4e6f-8a9b-000000000001',
}
const RAW_HEADERS = Object.entries(HEADERS).flatMap(([name, value]) => [Buffer.from(name), Buffer.from(value)])

/** undici's handler API of either generation (the request API still uses the older one internally). */
interface AnyHandler {
  onRequestStart?: (controller: unknown, context: unknown) => void
  onResponseStart?: (controller: unknown, status: number, headers: Record<string, string>, text: string) => void
  onResponseData?: (controller: unknown, chunk: Buffer) => void
  onResponseEnd?: (controller: unknown, trailers: Record<string, string>) => void
  onConnect?: (abort: () => void) => void
  onHeaders?: (status: number, headers: Buffer[], resume: () => void, text: string) => boolean
  onData?: (chunk: Buffer) => boolean
  onComplete?: (trailers: Buffer[]) => void
}

const CONTROLLER = { abort() {}, pause() {}, resume() {}, aborted: false, paused: false, reason: null }

/** Answers every request with the canned getUser (200, one body chunk) on the next macrotask. */
class CannedDispatcher extends Dispatcher {
  override dispatch(_options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const h = handler as unknown as AnyHandler
    setImmediate(() => {
      if (h.onRequestStart !== undefined) {
        h.onRequestStart(CONTROLLER, {})
        h.onResponseStart?.(CONTROLLER, 200, { ...HEADERS }, 'OK')
        h.onResponseData?.(CONTROLLER, BODY)
        h.onResponseEnd?.(CONTROLLER, {})
      } else {
        h.onConnect?.(() => undefined)
        h.onHeaders?.(200, RAW_HEADERS, () => undefined, 'OK')
        h.onData?.(BODY)
        h.onComplete?.([])
      }
    })
    return true
  }
  override close(): Promise<void> {
    return Promise.resolve()
  }
  override destroy(): Promise<void> {
    return Promise.resolve()
  }
}

export interface ClientCostRow {
  readonly key: string
  readonly label: string
  /** Median over rounds of process CPU µs per call. */
  readonly cpuUsPerCall: number
  /** Median over rounds of this ÷ the honest floor's CPU per call in the same round. */
  readonly ratioToHonest: number
}

export interface ClientCostResult {
  readonly concurrency: number
  readonly callsPerRound: number
  readonly rounds: number
  readonly rows: readonly ClientCostRow[]
}

interface Subject {
  readonly key: string
  readonly label: string
  readonly call: () => Promise<void>
}

function subjects(dispatcher: CannedDispatcher): Subject[] {
  const headers = precomputedHeaders('127.0.0.1:9')
  const iam = new (compiled().index.IamClient)({
    endpoint: ORIGIN,
    credentials: CREDENTIALS,
    allowInsecureHttp: true,
    dispatcher,
  })
  const request = (): Promise<Dispatcher.ResponseData> =>
    dispatcher.request({ origin: ORIGIN, path: USER_PATH, method: 'GET', headers })
  return [
    {
      key: 'raw',
      label: 'undici request API, body as text (text-only floor)',
      call: async () => {
        if ((await (await request()).body.text()).length === 0) throw new Error('raw: empty body')
      },
    },
    {
      key: 'honest',
      label: 'undici request API + JSON + User shape (honest floor)',
      call: async () => {
        if (shapeUser(await (await request()).body.json())?.name !== USER_NAME) throw new Error('honest: no user')
      },
    },
    {
      key: 'sdk',
      label: 'bce-iam iam.getUser',
      call: async () => {
        const result = await iam.getUser({ userName: USER_NAME })
        if (result.isErr()) throw new Error(`sdk: ${result.error.message}`)
      },
    },
  ]
}

/** Client CPU per call of each contender against the in-memory dispatcher, in interleaved rounds. */
export async function runClientCost(
  concurrency: number,
  rounds: number,
  callsPerRound: number,
): Promise<ClientCostResult> {
  const list = subjects(new CannedDispatcher())
  for (const subject of list) await driveCount(subject.call, concurrency, callsPerRound)
  const cpu = new Map<string, number[]>(list.map((s) => [s.key, []]))
  for (let round = 0; round < rounds; round += 1) {
    for (const subject of rotate(list, round)) {
      fullGc()
      const started = process.cpuUsage()
      await driveCount(subject.call, concurrency, callsPerRound)
      const used = process.cpuUsage(started)
      cpu.get(subject.key)?.push((used.user + used.system) / callsPerRound)
    }
  }
  const honest = cpu.get('honest') ?? []
  return {
    concurrency,
    callsPerRound,
    rounds,
    rows: list.map((s) => {
      const own = cpu.get(s.key) ?? []
      return {
        key: s.key,
        label: s.label,
        cpuUsPerCall: median(own),
        ratioToHonest: median(own.map((v, i) => v / (honest[i] ?? Number.NaN))),
      }
    }),
  }
}
