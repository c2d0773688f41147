import type { IncomingMessage, ServerResponse } from 'node:http'
import { err, ok, type Result } from 'neverthrow'
import { splitTarget, type Outcome, type WireRequest } from './wire'

/** Largest request body the emulator reads (IAM bodies are small). */
export const MAX_REQUEST_BYTES = 1024 * 1024

/** A request whose body crossed {@link MAX_REQUEST_BYTES}: what is known of it, for the 413 and the log. */
export interface OversizedRequest {
  readonly method: string
  readonly rawPath: string
  readonly rawQuery: string
}

function repeatedHeaderNames(rawHeaders: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as string).toLowerCase()
    if (seen.has(name)) repeated.add(name)
    seen.add(name)
  }
  return repeated
}

/**
 * Collects the raw facts of a request: target, headers (and which repeat), body. A body that
 * declares or reaches more than {@link MAX_REQUEST_BYTES} resolves to an {@link OversizedRequest}
 * error at once: reading stops there (the request is paused, so an endless chunked upload is not
 * drained), and the caller answers 413 and closes the connection. Never rejects.
 */
export function readWireRequest(req: IncomingMessage): Promise<Result<WireRequest, OversizedRequest>> {
  const { rawPath, rawQuery } = splitTarget(req.url ?? '/')
  const method = req.method ?? 'GET'
  const oversized = err<WireRequest, OversizedRequest>({ method, rawPath, rawQuery })
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_REQUEST_BYTES) {
      req.pause()
      resolve(oversized)
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= MAX_REQUEST_BYTES) {
        chunks.push(chunk)
        return
      }
      req.off('data', onData)
      req.pause()
      resolve(oversized)
    }
    req.on('data', onData)
    req.on('error', () => {
      resolve(oversized)
    })
    req.on('end', () => {
      resolve(
        ok({
          method,
          rawPath,
          rawQuery,
          headers: req.headers,
          repeatedHeaders: repeatedHeaderNames(req.rawHeaders),
          body: Buffer.concat(chunks, size),
        }),
      )
    })
  })
}

/** The second last formatted as an HTTP date, and its text: every answer within a second shares it. */
let dateSecond = Number.NaN
let dateText = ''

/** `Date` header text (IMF-fixdate) of an instant, formatted once per second. */
function httpDate(nowMs: number): string {
  const second = Math.floor(nowMs / 1000)
  if (second !== dateSecond) {
    dateText = new Date(second * 1000).toUTCString()
    dateSecond = second
  }
  return dateText
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
  const { status, body } = outcome.match(
    (answer) => ({ status: answer.status, body: answer.body }),
    (error) => ({ status: error.status, body: { code: error.code, message: error.message, requestId } }),
  )
  const headers: Record<string, string> = {
    'x-bce-request-id': requestId,
    server: 'bce-iam-emulator',
    date: httpDate(nowMs),
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
      date: httpDate(nowMs),
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
