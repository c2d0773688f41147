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

/** An answer ready to be written. */
export interface RenderedAnswer {
  readonly status: number
  readonly headers: Record<string, string>
  readonly payload: Buffer
}

/**
 * Renders an outcome: JSON body (errors as `{code, message, requestId}`), `x-bce-request-id`, and
 * a `Date` header from the emulator clock (so clients can learn its time, as from a real server).
 */
export function renderOutcome(
  outcome: Outcome,
  requestId: string,
  nowMs: number,
  extraHeaders: Record<string, string> = {},
): RenderedAnswer {
  const body = outcome.ok ? outcome.reply.body : { code: outcome.error.code, message: outcome.error.message, requestId }
  const status = outcome.ok ? outcome.reply.status : outcome.error.status
  const headers: Record<string, string> = {
    'x-bce-request-id': requestId,
    server: 'bce-iam-emulator',
    date: new Date(nowMs).toUTCString(),
    ...extraHeaders,
  }
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body), 'utf8')
  if (body !== undefined) headers['content-type'] = 'application/json;charset=UTF-8'
  headers['content-length'] = String(payload.length)
  return { status, headers, payload }
}

/** Renders an HTML page such as a proxy or captive portal would send. */
export function renderHtml(status: number, requestId: string, nowMs: number): RenderedAnswer {
  const payload = Buffer.from(
    `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>${status === 200 ? 'Please sign in to the network' : 'Bad Gateway'}</h1></body></html>`,
  )
  return {
    status,
    headers: {
      'content-type': 'text/html',
      'content-length': String(payload.length),
      date: new Date(nowMs).toUTCString(),
      'x-bce-request-id': requestId,
    },
    payload,
  }
}

/**
 * Writes the status line and headers; false (and the connection destroyed) when Node refuses
 * them, e.g. a header value with CR/LF or a character above U+00FF, so that a bad header can
 * never throw out of the request handler and crash the process.
 */
function writeHeadSafely(res: ServerResponse, answer: RenderedAnswer): boolean {
  try {
    res.writeHead(answer.status, answer.headers)
    return true
  } catch {
    res.destroy()
    return false
  }
}

/** Writes a whole answer (nothing if the connection is already gone; see {@link writeHeadSafely}). */
export function writeAnswer(res: ServerResponse, answer: RenderedAnswer): void {
  if (res.destroyed || !writeHeadSafely(res, answer)) return
  res.end(answer.payload)
}

/** Writes the headers and the first body byte, and the rest after `delayMs`. */
export function writeAnswerSlowly(res: ServerResponse, answer: RenderedAnswer, delayMs: number): void {
  if (res.destroyed || !writeHeadSafely(res, answer)) return
  res.write(answer.payload.subarray(0, 1))
  setTimeout(() => {
    if (!res.destroyed) res.end(answer.payload.subarray(1))
  }, delayMs).unref()
}

/** Writes the headers (with the full length) and half the body, then closes the connection. */
export function writeAnswerTruncated(res: ServerResponse, answer: RenderedAnswer): void {
  if (res.destroyed || !writeHeadSafely(res, answer)) return
  res.write(answer.payload.subarray(0, Math.floor(answer.payload.length / 2)), () => res.socket?.destroy())
}
