import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { splitTarget, type Outcome, type WireRequest } from './wire'

/** Largest request body the emulator reads (IAM bodies are small). */
const MAX_REQUEST_BYTES = 1024 * 1024

/** Collects the raw facts of a request: target, headers (and which repeat), body. */
export function readWireRequest(req: IncomingMessage): Promise<WireRequest | 'too-large'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_REQUEST_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('error', () => {
      resolve('too-large')
    })
    req.on('end', () => {
      if (tooLarge) {
        resolve('too-large')
        return
      }
      const seen = new Set<string>()
      const repeated = new Set<string>()
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = (req.rawHeaders[i] as string).toLowerCase()
        if (seen.has(name)) repeated.add(name)
        seen.add(name)
      }
      const { rawPath, rawQuery } = splitTarget(req.url ?? '/')
      resolve({
        method: req.method ?? 'GET',
        rawPath,
        rawQuery,
        headers: req.headers,
        repeatedHeaders: repeated,
        body: Buffer.concat(chunks, Math.min(size, MAX_REQUEST_BYTES)),
      })
    })
  })
}

/** Writes an outcome: JSON body (errors as `{code, message, requestId}`) and `x-bce-request-id`. */
export function writeOutcome(res: ServerResponse, outcome: Outcome, requestId: string = randomUUID()): void {
  if (res.destroyed) return
  const body = outcome.ok
    ? outcome.reply.body
    : { code: outcome.error.code, message: outcome.error.message, requestId }
  const status = outcome.ok ? outcome.reply.status : outcome.error.status
  const headers: Record<string, string> = { 'x-bce-request-id': requestId, server: 'bce-iam-emulator' }
  if (body === undefined) {
    headers['content-length'] = '0'
    res.writeHead(status, headers)
    res.end()
    return
  }
  const payload = Buffer.from(JSON.stringify(body), 'utf8')
  headers['content-type'] = 'application/json;charset=UTF-8'
  headers['content-length'] = String(payload.length)
  res.writeHead(status, headers)
  res.end(payload)
}
