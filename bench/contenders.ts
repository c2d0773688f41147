/**
 * The getUser contenders. Each one is built per concurrency level with `connections` keep-alive
 * connections and exposes `call()`, which performs one complete getUser and throws on any
 * unexpected answer (so a broken contender cannot look fast).
 */
import http from 'node:http'
import { Pool } from 'undici'
import Auth from '@baiducloud/sdk/src/auth'
import BceBaseClient from '@baiducloud/sdk/src/bce_base_client'
import { CREDENTIALS, USER_NAME, USER_PATH } from './fixtures'
import { shapeUser } from './honest-user'
import { sdk as compiled } from './sdk'

export interface Target {
  readonly origin: string
  readonly host: string
}

export interface Instance {
  call(): Promise<void>
  close(): Promise<void>
}

export interface Contender {
  readonly key: string
  readonly label: string
  create(target: Target, connections: number): Instance
}

/** The contenders of the throughput section (the ablation section has its own, bench/ablation.ts). */
export type ContenderKey =
  'raw' | 'honest' | 'signedFloor' | 'sdk' | 'official' | 'naive' | 'fetch' | 'officialKeepAlive' | 'rawDispatch'

const USER_AGENT = `bench/1.0 node/${process.version}`

/** Node's own `http.globalAgent`, which the official SDK as shipped sends through. */
const STOCK_AGENT = http.globalAgent

/** x-bce-date + Authorization computed once (the server does not verify; the floor pays nothing). */
export function precomputedHeaders(host: string): Record<string, string> {
  const timestamp = new Date()
  const date = `${timestamp.toISOString().slice(0, 19)}Z`
  const headers: Record<string, string> = { host, 'x-bce-date': date }
  const authorization = compiled().index.signRequest({
    credentials: CREDENTIALS,
    method: 'GET',
    path: USER_PATH,
    headers,
    timestamp,
  })
  if (authorization.isErr()) throw new Error(`signRequest failed: ${authorization.error.message}`)
  return { ...headers, authorization: authorization.value, 'user-agent': USER_AGENT }
}

/** A keep-alive undici Pool as every undici-based contender uses it. */
export function pool(origin: string, connections: number): Pool {
  return new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 4_000 })
}

/**
 * (a) The old, text-only floor: undici Pool.request, precomputed headers, body read to a string
 * and nothing done with it (kept for comparison with the v0.1 numbers).
 */
const raw: Contender = {
  key: 'raw',
  label: 'raw undici Pool.request, body as text (text-only floor)',
  create(target, connections) {
    const p = pool(target.origin, connections)
    const headers = precomputedHeaders(target.host)
    return {
      async call() {
        const res = await p.request({ origin: target.origin, path: USER_PATH, method: 'GET', headers })
        const text = await res.body.text()
        if (res.statusCode !== 200 || text.length === 0) throw new Error(`raw: status ${res.statusCode}`)
      },
      close: () => p.close(),
    }
  },
}

/**
 * (a') The honest floor: undici Pool.request with precomputed headers, then the body work the
 * SDK does: `body.json()` and the checks and shaping into the same `User` (bench/honest-user.ts).
 * It neither signs per call nor wraps anything in a Result: those are SDK costs.
 */
const honest: Contender = {
  key: 'honest',
  label: 'raw undici Pool.request + JSON + User shape (honest floor)',
  create(target, connections) {
    const p = pool(target.origin, connections)
    const headers = precomputedHeaders(target.host)
    return { call: () => honestGetUser(p, target, headers, 'honest'), close: () => p.close() }
  },
}

/** The honest floor's getUser: `Pool.request`, `body.json()`, the `User` shape; throws on an unexpected answer. */
async function honestGetUser(p: Pool, target: Target, headers: Record<string, string>, who: string): Promise<void> {
  const res = await p.request({ origin: target.origin, path: USER_PATH, method: 'GET', headers })
  const user = shapeUser(await res.body.json())
  if (res.statusCode !== 200 || user?.name !== USER_NAME) throw new Error(`${who}: status ${res.statusCode}`)
}

/** The `x-bce-date` of an instant (default now), as the SDK formats it (once a second). */
export function bceDate(epochMs: number = Date.now()): string {
  const date = compiled().timestamp.formatBceTimestamp(epochMs)
  if (date === undefined) throw new Error('the clock cannot be formatted as a BCE timestamp')
  return date
}

/**
 * (a'') The signed floor: the honest floor plus the one thing no BCE client can skip, a
 * bce-auth-v1 signature per call: the canonical request of this call (method, path, host and
 * the second's `x-bce-date`) signed with the SDK's own prepared key (`SigningKey`, two one-shot
 * hashes; the key is derived once a second). Nothing else: no validation, no pipeline, no
 * Result. It sends the honest floor's precomputed headers (the canned server does not verify),
 * so the bytes on the wire are the same and only the client's work differs. Its ratio to the
 * honest floor is the ceiling for any signing client's "× honest floor".
 */
const signedFloor: Contender = {
  key: 'signedFloor',
  label: 'honest floor + one signature per call (signed floor)',
  create(target, connections) {
    const p = pool(target.origin, connections)
    const headers = precomputedHeaders(target.host)
    const keys = new (compiled().signingKey.SigningKeyCache)()
    const hostLine = `host:${encodeURIComponent(target.host)}`
    return {
      async call() {
        const date = bceDate()
        const { key } = keys.keyFor(CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey, date, 1800)
        const signature = key.sign(`GET\n${USER_PATH}\n\n${hostLine}\nx-bce-date:${encodeURIComponent(date)}`)
        if (signature.length !== 64) throw new Error('signedFloor: no signature')
        await honestGetUser(p, target, headers, 'signedFloor')
      },
      close: () => p.close(),
    }
  },
}

/**
 * Context: the lower floor of undici itself, `Pool.dispatch()` with a minimal handler that
 * collects the body into one Buffer and decodes it to a string (no Readable stream, no
 * promise per body). bce-iam sends this way, which is why it can beat the `Pool.request` floor.
 */
const rawDispatch: Contender = {
  key: 'rawDispatch',
  label: 'raw undici Pool.dispatch (context)',
  create(target, connections) {
    const p = pool(target.origin, connections)
    const headers = precomputedHeaders(target.host)
    const options = { origin: target.origin, path: USER_PATH, method: 'GET' as const, headers }
    return {
      call: () =>
        new Promise<void>((resolve, reject) => {
          const chunks: Buffer[] = []
          let status = 0
          p.dispatch(options, {
            // Its presence selects undici's (non-deprecated) controller-based handler API.
            onRequestStart: () => undefined,
            onResponseStart: (_controller, statusCode) => {
              status = statusCode
            },
            onResponseData: (_controller, chunk) => {
              chunks.push(chunk)
            },
            onResponseEnd: () => {
              const text = Buffer.concat(chunks).toString('utf8')
              if (status !== 200 || text.length === 0) reject(new Error(`rawDispatch: status ${status}`))
              else resolve()
            },
            onResponseError: (_controller, error) => {
              reject(error)
            },
          })
        }),
      close: () => p.close(),
    }
  },
}

/** (b) The full SDK call: validate, sign, send, read, JSON.parse, io-ts decode, Result. */
const sdk: Contender = {
  key: 'sdk',
  label: 'bce-iam iam.getUser',
  create(target, connections) {
    const iam = new (compiled().index.IamClient)({
      endpoint: target.origin,
      credentials: CREDENTIALS,
      allowInsecureHttp: true,
      maxConnections: connections,
    })
    return {
      async call() {
        const result = await iam.getUser({ userName: USER_NAME })
        if (result.isErr()) throw new Error(`sdk: ${result.error._tag} ${result.error.message}`)
      },
      close: async () => {
        await iam.close()
      },
    }
  },
}

/**
 * (c) The official JS SDK as shipped, the contender of the "× official" targets: what its users
 * get. `BceBaseClient#sendRequest` (what every service client of @baiducloud/sdk calls) signs
 * via `createSignature` + `Auth`, builds a fresh `HttpClient`, sends with node:http (default
 * `http.globalAgent`), buffers, JSON.parses and resolves a Q promise. It sends
 * `Connection: close` on every request, so every call opens a new TCP connection.
 */
const official: Contender = {
  key: 'official',
  label: '@baiducloud/sdk as shipped (Connection: close)',
  create(target) {
    const client = new BceBaseClient(
      { endpoint: target.origin, credentials: { ak: CREDENTIALS.accessKeyId, sk: CREDENTIALS.secretAccessKey } },
      'iam',
    )
    return {
      async call() {
        // Contenders run one at a time; the keep-alive variant swaps the global agent for its own rounds.
        http.globalAgent = STOCK_AGENT
        const response = await client.sendRequest('GET', USER_PATH)
        const body = response.body as { name?: unknown }
        if (body?.name !== USER_NAME) throw new Error('official: unexpected body')
      },
      close: async () => undefined,
    }
  },
}

/**
 * Context only (not used for targets): the official SDK tuned beyond what it ships with, its
 * `Connection: close` header overridden to keep-alive and a keep-alive `http.globalAgent`
 * (maxSockets = connections, its only agent hook) installed, so it competes on equal connection
 * terms.
 */
const officialKeepAlive: Contender = {
  key: 'officialKeepAlive',
  label: '@baiducloud/sdk tuned to keep-alive (context)',
  create(target, connections) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections })
    const client = new BceBaseClient(
      { endpoint: target.origin, credentials: { ak: CREDENTIALS.accessKeyId, sk: CREDENTIALS.secretAccessKey } },
      'iam',
    )
    return {
      async call() {
        // Its only agent hook; contenders run one at a time, so this agent serves only its own calls.
        http.globalAgent = agent
        const response = await client.sendRequest('GET', USER_PATH, { headers: { Connection: 'keep-alive' } })
        const body = response.body as { name?: unknown }
        if (body?.name !== USER_NAME) throw new Error('officialKeepAlive: unexpected body')
      },
      async close() {
        agent.destroy()
        http.globalAgent = STOCK_AGENT
      },
    }
  },
}

/** (d) What a user might hand-roll: undici + the official signer per call + JSON.parse. */
const naive: Contender = {
  key: 'naive',
  label: 'naive undici + official Auth signer',
  create(target, connections) {
    const p = pool(target.origin, connections)
    const auth = new Auth(CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey)
    return {
      async call() {
        const now = Date.now()
        const headers: Record<string, string> = {
          host: target.host,
          'x-bce-date': new Date(now).toISOString().replace(/\.\d+Z$/, 'Z'),
          'user-agent': USER_AGENT,
        }
        headers.authorization = auth.generateAuthorization('GET', USER_PATH, {}, headers, now / 1000)
        const res = await p.request({ origin: target.origin, path: USER_PATH, method: 'GET', headers })
        const body = JSON.parse(await res.body.text()) as { name?: unknown }
        if (res.statusCode !== 200 || body.name !== USER_NAME) throw new Error(`naive: status ${res.statusCode}`)
      },
      close: () => p.close(),
    }
  },
}

/** (e) Context: global fetch (Node's bundled undici, its global keep-alive Agent), precomputed headers. */
const fetchContender: Contender = {
  key: 'fetch',
  label: 'global fetch',
  create(target) {
    const { host: _host, ...headers } = precomputedHeaders(target.host)
    const url = `${target.origin}${USER_PATH}`
    return {
      async call() {
        const res = await fetch(url, { headers })
        const text = await res.text()
        if (res.status !== 200 || text.length === 0) throw new Error(`fetch: status ${res.status}`)
      },
      close: async () => undefined,
    }
  },
}

export const CONTENDERS: readonly Contender[] = [
  raw,
  honest,
  signedFloor,
  sdk,
  official,
  naive,
  fetchContender,
  officialKeepAlive,
  rawDispatch,
]
