/**
 * The ablation ladder: getUser built up one SDK cost at a time on the transport bce-iam uses
 * (undici `Pool.dispatch()` with a body-collecting handler), each rung adding one piece of work
 * to the rung before, up to the full `iam.getUser`. The difference in client CPU per call
 * between two rungs is what that piece costs; what is left between the last rung and the SDK is
 * the SDK's own pipeline (input validation, call settings, request building, retry and observer
 * plumbing, error mapping). Only public entry points of the built package are used.
 */
import type { Dispatcher, Pool } from 'undici'
import { CONTENDERS, pool, bceDate, precomputedHeaders, type Contender, type Target } from './contenders'
import { CREDENTIALS, USER_NAME, USER_PATH } from './fixtures'
import { shapeUser } from './honest-user'
import { sdk as compiled } from './sdk'

interface Answer {
  readonly status: number
  readonly bytes: Buffer
}

/** One GET through `Pool.dispatch()`, its body collected into one Buffer (as bce-iam's transport does). */
function dispatchGet(p: Pool, options: Dispatcher.DispatchOptions): Promise<Answer> {
  return new Promise((resolve, reject) => {
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
        resolve({ status, bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks) })
      },
      onResponseError: (_controller, error) => {
        reject(error)
      },
    })
  })
}

/** Headers signed per call, the `x-bce-date` string and timestamp memoised per second (as the SDK does). */
function perCallSigner(host: string): () => Record<string, string> {
  const { signRequest } = compiled().index
  let date = ''
  let timestamp = new Date(0)
  return () => {
    const nowMs = Date.now()
    const now = bceDate(nowMs)
    if (now !== date) {
      date = now
      timestamp = new Date(nowMs - (nowMs % 1000))
    }
    const headers: Record<string, string> = { host, 'x-bce-date': date }
    const authorization = signRequest({ credentials: CREDENTIALS, method: 'GET', path: USER_PATH, headers, timestamp })
    if (authorization.isErr()) throw new Error(`signRequest failed: ${authorization.error.message}`)
    headers.authorization = authorization.value
    headers['user-agent'] = 'bench/1.0'
    return headers
  }
}

type Step = 'text' | 'json' | 'shape' | 'sign' | 'result'

const STEP_LABELS: Record<Step, string> = {
  text: '1 undici Pool.dispatch, body to text (transport floor)',
  json: '2 + JSON.parse',
  shape: '3 + User checks and shaping (decoding)',
  sign: '4 + signRequest per call (signing)',
  result: '5 + ResultAsync/Result wrapping (Result allocation)',
}

const RANK: Record<Step, number> = { text: 1, json: 2, shape: 3, sign: 4, result: 5 }

function rung(step: Step): Contender {
  const has = (s: Step): boolean => RANK[step] >= RANK[s]
  return {
    key: `ablation-${step}`,
    label: STEP_LABELS[step],
    create(target: Target, connections: number) {
      const p = pool(target.origin, connections)
      const fixed = precomputedHeaders(target.host)
      const sign = perCallSigner(target.host)
      const options = (): Dispatcher.DispatchOptions => ({
        origin: target.origin,
        path: USER_PATH,
        method: 'GET',
        headers: has('sign') ? sign() : fixed,
      })
      const work = (answer: Answer): boolean => {
        if (answer.status !== 200) return false
        const text = answer.bytes.toString('utf8')
        if (!has('json')) return text.length > 0
        const body: unknown = JSON.parse(text)
        if (!has('shape')) return (body as { name?: unknown }).name === USER_NAME
        return shapeUser(body)?.name === USER_NAME
      }
      if (!has('result')) {
        return {
          async call() {
            if (!work(await dispatchGet(p, options()))) throw new Error(`ablation ${step}: unexpected answer`)
          },
          close: () => p.close(),
        }
      }
      const { ResultAsync, ok, err } = compiled().index
      return {
        async call() {
          const result = await ResultAsync.fromPromise(dispatchGet(p, options()), () => 'network' as const).andThen(
            (answer) => {
              if (answer.status !== 200) return err('status' as const)
              let body: unknown
              try {
                body = JSON.parse(answer.bytes.toString('utf8'))
              } catch {
                return err('json' as const)
              }
              const user = shapeUser(body)
              return user === undefined ? err('shape' as const) : ok(user)
            },
          )
          if (result.isErr() || result.value.name !== USER_NAME) throw new Error(`ablation result: unexpected answer`)
        },
        close: () => p.close(),
      }
    },
  }
}

const byKey = (key: string): Contender => CONTENDERS.find((c) => c.key === key) as Contender

/** The rungs in order, then the full SDK, then the honest floor (Pool.request) for reference. */
export const ABLATION: readonly Contender[] = [
  rung('text'),
  rung('json'),
  rung('shape'),
  rung('sign'),
  rung('result'),
  byKey('sdk'),
  byKey('honest'),
]

/** Keys of the ladder proper, in order (the honest floor is a reference row, not a rung). */
export const ABLATION_LADDER: readonly string[] = ABLATION.slice(0, 6).map((c) => c.key)
