import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import fc from 'fast-check'
import { IamClient } from '../../lib'

/** What the raw server does with the next request. */
type Behaviour =
  | {
      kind: 'respond'
      status: number
      headers: Record<string, string>
      body: Uint8Array
      truncate: boolean
      delayMs: number
    }
  | { kind: 'reset' }
  | { kind: 'headersThenClose'; status: number }
  | { kind: 'stall' }

const headerValue = fc.stringMatching(/^[ -~]{0,40}$/).map((v) => v.trim())
const behaviourArb: fc.Arbitrary<Behaviour> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('respond' as const),
      status: fc.oneof(
        fc.integer({ min: 200, max: 599 }),
        fc.constantFrom(200, 201, 204, 400, 403, 404, 409, 429, 500, 502, 503),
      ),
      headers: fc.dictionary(
        fc.constantFrom('content-type', 'retry-after', 'date', 'x-bce-request-id', 'x-custom'),
        headerValue,
        { maxKeys: 4 },
      ),
      body: fc.oneof(
        fc.uint8Array({ maxLength: 200 }),
        fc.jsonValue({ maxDepth: 3 }).map((v) => new TextEncoder().encode(JSON.stringify(v))),
        fc
          .constantFrom(
            '{"id":"a","name":"b"}',
            '{"users":[{"id":"1","name":"x"}]}',
            '{"code":"NotFound","message":"m","requestId":"r"}',
            '<html>proxy</html>',
            '',
          )
          .map((s) => new TextEncoder().encode(s)),
      ),
      truncate: fc.boolean(),
      delayMs: fc.constantFrom(0, 0, 0, 5, 30),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('headersThenClose' as const), status: fc.constantFrom(200, 500) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'stall' as const }) },
)

function act(behaviour: Behaviour, res: ServerResponse): void {
  switch (behaviour.kind) {
    case 'reset':
      res.socket?.resetAndDestroy()
      return
    case 'stall':
      return
    case 'headersThenClose':
      res.writeHead(behaviour.status, { 'content-length': '100' })
      res.flushHeaders()
      setTimeout(() => res.socket?.destroy(), 5)
      return
    case 'respond': {
      const { status, headers, body, truncate, delayMs } = behaviour
      setTimeout(() => {
        const noBody = status === 204 || status === 304
        res.writeHead(status, { ...headers, 'content-length': String(noBody ? 0 : body.length + (truncate ? 10 : 0)) })
        if (noBody) return void res.end()
        if (truncate) {
          res.write(body, () => res.socket?.destroy())
          return
        }
        res.end(body)
      }, delayMs)
    }
  }
}

let server: Server
let url: string
let current: Behaviour = { kind: 'stall' }
const sockets = new Set<Socket>()
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume()
    act(current, res)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
})

/** A settled call, seen through the fields the expectations read. */
interface Settled {
  isOk(): boolean
  isErr(): boolean
  error?: { _tag: string; reason?: string; statusCode?: number; kind?: string }
}

/** What each server behaviour must become: the outcome, not merely "Ok or Err". */
function expectOutcome(behaviour: Behaviour, result: Settled): void {
  expect(result.isOk()).toBe(!result.isErr())
  // The client's deadline (400 ms) can expire before any answer on a loaded machine, whatever
  // the server does; every other outcome must be the one the behaviour implies.
  if (result.error?._tag === 'BceClientError' && result.error.reason === 'Timeout') return
  switch (behaviour.kind) {
    case 'reset':
      expect(result.error).toMatchObject({ _tag: 'BceClientError', reason: 'Network' })
      return
    case 'stall':
      // Only a Timeout (returned above) can end a call to a server that never answers.
      expect(result.error).toMatchObject({ _tag: 'BceClientError', reason: 'Timeout' })
      return
    case 'headersThenClose':
      // The body never completes: whatever the status, no answer was received.
      expect(result.error).toMatchObject({ _tag: 'BceClientError', reason: 'Network' })
      return
    case 'respond': {
      const { status, truncate } = behaviour
      const hasBody = status !== 204 && status !== 304
      if (truncate && hasBody) {
        expect(result.error).toMatchObject({ _tag: 'BceClientError', reason: 'Network' })
      } else if (status < 200 || status > 299) {
        expect(result.error).toMatchObject({ _tag: 'BceServiceError', statusCode: status })
        expect(typeof result.error?.kind).toBe('string')
      } else if (result.isErr()) {
        // A 2xx the operation cannot read: the service succeeded, we cannot decode it.
        expect(result.error).toMatchObject({ _tag: 'BceClientError', reason: 'Decode', statusCode: status })
      }
    }
  }
}

describe('whatever the server does, every call settles to the outcome its behaviour implies', () => {
  it('property: arbitrary status, headers, bytes, truncation, resets, stalls and delays', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason)
    }
    process.on('unhandledRejection', onUnhandled)
    const iam = new IamClient({
      endpoint: url,
      credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' },
      allowInsecureHttp: true,
      headersTimeoutMs: 150,
      bodyTimeoutMs: 150,
      timeoutMs: 400,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5 },
    })
    const calls = [
      () => iam.getUser({ userName: 'alice' }),
      () => iam.createUser({ name: 'alice' }),
      () => iam.listUsers(),
      () => iam.deleteUser({ userName: 'alice' }),
      () => iam.createAccessKey({ userName: 'alice' }),
    ]
    await fc.assert(
      fc.asyncProperty(behaviourArb, fc.nat({ max: calls.length - 1 }), async (behaviour, which) => {
        current = behaviour
        const result = await (calls[which] as () => PromiseLike<Settled>)()
        expectOutcome(behaviour, result)
      }),
      { numRuns: 100 },
    )
    await iam.close()
    await new Promise((resolve) => setTimeout(resolve, 100))
    process.off('unhandledRejection', onUnhandled)
    expect(unhandled).toEqual([])
    expect(sockets.size).toBe(0)
  })
})
