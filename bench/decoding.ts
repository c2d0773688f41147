/**
 * Section 3: decoding a 500-user listUsers body. Primary comparison (the target):
 *   ours  = listReader('users', userCodec).read(JSON.parse(text))
 *   floor = JSON.parse(text)
 * Informational: the SDK's whole success path from the wire bytes (`decodeResponse`, which also
 * does bytes→string, the status check and request-id lookup) vs JSON.parse(bytes.toString());
 * and the primary comparison in this process's CPU time (`process.cpuUsage`), which time spent
 * descheduled on a shared machine does not inflate.
 */
import { LIST_USERS_BODY, LIST_USERS_COUNT } from './fixtures'
import { sdk } from './sdk'
import { fullGc, median, rotate } from './stats'

export interface DecodingResult {
  readonly users: number
  readonly bodyBytes: number
  /** Median µs per decode. */
  readonly jsonParseUs: number
  readonly oursUs: number
  /** Median over rounds of ours ÷ JSON.parse. */
  readonly ratio: number
  readonly fromBytes: { readonly jsonParseUs: number; readonly decodeResponseUs: number; readonly ratio: number }
  /** The primary comparison in process CPU time: median CPU µs per decode, and the median over rounds of the ratio. */
  readonly cpu: { readonly jsonParseUs: number; readonly oursUs: number; readonly ratio: number }
}

/** Wall-clock and process-CPU µs per call of `fn`, over about `budgetMs` of wall time. */
function timePer(fn: () => unknown, budgetMs: number): { readonly wallUs: number; readonly cpuUs: number } {
  let n = 0
  let sink = 0
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  let now = start
  while (now - start < budgetMs) {
    const v = fn()
    if (v !== undefined) sink += 1
    n += 1
    now = performance.now()
  }
  const cpu = process.cpuUsage(cpuStart)
  if (sink < 0) console.log(sink)
  return { wallUs: ((now - start) * 1000) / n, cpuUs: (cpu.user + cpu.system) / n }
}

export function runDecoding(rounds: number, roundMs: number): DecodingResult {
  const { listReader } = sdk().reader
  const { userCodec } = sdk().userModel
  const { decodeResponse } = sdk().response
  const text = LIST_USERS_BODY
  const bytes = Buffer.from(text, 'utf8')
  const reader = listReader('users', userCodec)
  if (reader.kind !== 'json') throw new Error('listReader is not a json reader')
  const check = reader.read(JSON.parse(text))
  if (check.isErr() || check.value.length !== LIST_USERS_COUNT) throw new Error('listReader rejected the 500-user body')
  const response = {
    statusCode: 200,
    headers: { 'x-bce-request-id': 'r-1', 'content-type': 'application/json' },
    body: bytes,
  }
  // A 2xx answer never asks whether it is retryable.
  const context = { operation: 'listUsers', attempts: 1, idempotent: true, isRetryable: (): boolean => false }
  const full = decodeResponse(response, reader, context)
  if (full.isErr()) throw new Error('decodeResponse rejected the 500-user body')

  const cases = [
    { key: 'parse', fn: (): unknown => JSON.parse(text) },
    {
      key: 'ours',
      fn: (): unknown => {
        const r = reader.read(JSON.parse(text))
        if (r.isErr()) throw new Error('decode failed')
        return r.value
      },
    },
    { key: 'parseBytes', fn: (): unknown => JSON.parse(bytes.toString('utf8')) },
    { key: 'decodeResponse', fn: (): unknown => decodeResponse(response, reader, context) },
  ] as const
  const out: Record<(typeof cases)[number]['key'], number[]> = {
    parse: [],
    ours: [],
    parseBytes: [],
    decodeResponse: [],
  }
  const cpu: Record<'parse' | 'ours', number[]> = { parse: [], ours: [] }
  for (const c of cases) timePer(c.fn, Math.min(300, roundMs))
  for (let round = 0; round < rounds; round += 1) {
    for (const c of rotate(cases, round)) {
      fullGc()
      const time = timePer(c.fn, roundMs)
      out[c.key].push(time.wallUs)
      if (c.key === 'parse' || c.key === 'ours') cpu[c.key].push(time.cpuUs)
    }
  }
  const ratio = (a: number[], b: number[]): number => median(a.map((v, i) => v / (b[i] as number)))
  return {
    users: LIST_USERS_COUNT,
    bodyBytes: bytes.length,
    jsonParseUs: median(out.parse),
    oursUs: median(out.ours),
    ratio: ratio(out.ours, out.parse),
    fromBytes: {
      jsonParseUs: median(out.parseBytes),
      decodeResponseUs: median(out.decodeResponse),
      ratio: ratio(out.decodeResponse, out.parseBytes),
    },
    cpu: { jsonParseUs: median(cpu.parse), oursUs: median(cpu.ours), ratio: ratio(cpu.ours, cpu.parse) },
  }
}
