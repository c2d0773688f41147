import type { IncomingMessage, ServerResponse } from 'node:http'
import { rawServer, type RawServer } from './raw-server'

/** How one request is answered. */
export type Answer = (req: IncomingMessage, res: ServerResponse) => void

/** A JSON answer with optional extra headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return (_req, res) => {
    const payload = JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json', 'x-bce-request-id': `rid-${status}`, ...headers })
    res.end(payload)
  }
}

/** Resets the connection without answering. */
export const reset: Answer = (req) => req.socket.resetAndDestroy()

/** What a scripted server saw of one request. */
export interface Seen {
  readonly method: string
  readonly url: string
  readonly date: string | undefined
  readonly authorization: string | undefined
  readonly at: number
}

/** A server that answers the n-th request with `answers[n]`, then with `fallback`; records requests. */
export async function scriptedServer(
  answers: Answer[],
  fallback: Answer = json(200, { id: 'u1', name: 'alice' }),
): Promise<RawServer & { seen: Seen[] }> {
  const seen: Seen[] = []
  const server = await rawServer((req, res) => {
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      date: req.headers['x-bce-date'] as string | undefined,
      authorization: req.headers.authorization,
      at: Date.now(),
    })
    const answer = answers[seen.length - 1] ?? fallback
    answer(req, res)
  })
  return Object.assign(server, { seen })
}
