/**
 * Section 2: signing ops/s, our `signRequest` vs the official `Auth.generateAuthorization`, on the
 * same IAM GET (host + x-bce-date signed). Both are first checked to produce identical strings.
 */
import Auth from '@baiducloud/sdk/src/auth'
import type { SignRequestInput } from '../lib/index'
import { ACCESS_KEY_ID, CREDENTIALS, SECRET_ACCESS_KEY, USER_PATH } from './fixtures'
import { sdk } from './sdk'
import { fullGc, median, rotate } from './stats'

export interface SigningResult {
  readonly identical: boolean
  readonly checks: Array<{
    readonly name: string
    readonly ours: string
    readonly official: string
    readonly identical: boolean
  }>
  readonly oursOpsPerSec: number
  readonly officialOpsPerSec: number
  /** Median over rounds of ours ÷ official. */
  readonly ratio: number
  readonly rounds: { ours: number[]; official: number[] }
  /**
   * Context: both signers with a different timestamp (second) on every call, so bce-iam's
   * per-second signing-key and timestamp memos never hit (its worst case).
   */
  readonly freshTimestamps?: {
    readonly oursOpsPerSec: number
    readonly officialOpsPerSec: number
    readonly ratio: number
  }
}

const HOST = 'iam.bj.baidubce.com'
const TIMESTAMP = new Date(Date.UTC(2024, 4, 1, 10, 20, 30))
const DATE = '2024-05-01T10:20:30Z'

function ours(input: SignRequestInput): string {
  const result = sdk().index.signRequest(input)
  if (result.isErr()) throw new Error(result.error.message)
  return result.value
}

function equivalenceChecks(auth: Auth): SigningResult['checks'] {
  const getHeaders = { host: HOST, 'x-bce-date': DATE }
  const postBody = '{"name":"bob","description":"d"}'
  const postHeaders = {
    host: HOST,
    'x-bce-date': DATE,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(postBody)),
  }
  const cases = [
    {
      name: `GET ${USER_PATH} (host;x-bce-date)`,
      ours: ours({
        credentials: CREDENTIALS,
        method: 'GET',
        path: USER_PATH,
        headers: getHeaders,
        timestamp: TIMESTAMP,
      }),
      official: auth.generateAuthorization('GET', USER_PATH, {}, getHeaders, TIMESTAMP.getTime() / 1000),
    },
    {
      name: 'POST /v1/user (content-length;content-type;host;x-bce-date)',
      ours: ours({
        credentials: CREDENTIALS,
        method: 'POST',
        path: '/v1/user',
        headers: postHeaders,
        timestamp: TIMESTAMP,
      }),
      official: auth.generateAuthorization('POST', '/v1/user', {}, postHeaders, TIMESTAMP.getTime() / 1000),
    },
    {
      name: 'GET /v1/policy?policyType=System&nameFilter=Read (query)',
      ours: ours({
        credentials: CREDENTIALS,
        method: 'GET',
        path: '/v1/policy',
        query: { policyType: 'System', nameFilter: 'Read' },
        headers: getHeaders,
        timestamp: TIMESTAMP,
      }),
      official: auth.generateAuthorization(
        'GET',
        '/v1/policy',
        { policyType: 'System', nameFilter: 'Read' },
        getHeaders,
        TIMESTAMP.getTime() / 1000,
      ),
    },
  ]
  return cases.map((c) => ({ ...c, identical: c.ours === c.official }))
}

function timeBatch(fn: () => string, budgetMs: number): number {
  let ops = 0
  let sink = 0
  const start = performance.now()
  let now = start
  while (now - start < budgetMs) {
    for (let i = 0; i < 256; i += 1) sink += fn().length
    ops += 256
    now = performance.now()
  }
  if (sink === 42) console.log('') // keep results observable
  return (ops * 1000) / (now - start)
}

export function runSigning(rounds: number, roundMs: number): SigningResult {
  const auth = new Auth(ACCESS_KEY_ID, SECRET_ACCESS_KEY)
  const checks = equivalenceChecks(auth)
  const headers = { host: HOST, 'x-bce-date': DATE }
  const seconds = TIMESTAMP.getTime() / 1000
  const input = { credentials: CREDENTIALS, method: 'GET', path: USER_PATH, headers, timestamp: TIMESTAMP } as const
  const { signRequest } = sdk().index
  const stamps = Array.from({ length: 4096 }, (_, i) => new Date(TIMESTAMP.getTime() + i * 1000))
  const freshHeaders = stamps.map((d) => ({ host: HOST, 'x-bce-date': `${d.toISOString().slice(0, 19)}Z` }))
  let next = 0
  const contenders = [
    {
      key: 'oursFresh' as const,
      fn: (): string => {
        const i = (next = (next + 1) & 4095)
        const result = signRequest({
          credentials: CREDENTIALS,
          method: 'GET',
          path: USER_PATH,
          headers: freshHeaders[i]!,
          timestamp: stamps[i]!,
        })
        if (result.isErr()) throw new Error(result.error.message)
        return result.value
      },
    },
    {
      key: 'officialFresh' as const,
      fn: (): string => {
        const i = (next = (next + 1) & 4095)
        return auth.generateAuthorization('GET', USER_PATH, {}, freshHeaders[i], stamps[i]!.getTime() / 1000)
      },
    },
    {
      key: 'ours' as const,
      fn: (): string => {
        const result = signRequest(input)
        if (result.isErr()) throw new Error(result.error.message)
        return result.value
      },
    },
    { key: 'official' as const, fn: (): string => auth.generateAuthorization('GET', USER_PATH, {}, headers, seconds) },
  ]
  for (const c of contenders) timeBatch(c.fn, Math.min(300, roundMs)) // warm-up / JIT
  const out = {
    ours: [] as number[],
    official: [] as number[],
    oursFresh: [] as number[],
    officialFresh: [] as number[],
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const c of rotate(contenders, round)) {
      fullGc()
      out[c.key].push(timeBatch(c.fn, roundMs))
    }
  }
  return {
    identical: checks.every((c) => c.identical),
    checks,
    oursOpsPerSec: median(out.ours),
    officialOpsPerSec: median(out.official),
    ratio: median(out.ours.map((v, i) => v / (out.official[i] as number))),
    rounds: { ours: out.ours, official: out.official },
    freshTimestamps: {
      oursOpsPerSec: median(out.oursFresh),
      officialOpsPerSec: median(out.officialFresh),
      ratio: median(out.oursFresh.map((v, i) => v / (out.officialFresh[i] as number))),
    },
  }
}
