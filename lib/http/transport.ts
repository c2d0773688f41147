import { Pool, type Dispatcher } from 'undici'
import { classifyTransportError, type LocalAbort, type TransportFailure } from './transport-error'

/** Transport timeouts, in milliseconds. */
export interface TransportTimeouts {
  /** TCP + TLS connect. */
  readonly connectTimeoutMs: number
  /** From the request being written to the response headers arriving. */
  readonly headersTimeoutMs: number
  /** Maximum idle gap between two body chunks. */
  readonly bodyTimeoutMs: number
}

/** Defaults far below undici's 300 s: an IAM call that has not answered in 30 s will not. */
export const DEFAULT_TIMEOUTS: TransportTimeouts = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
}

/** Largest response body read; IAM's biggest answer (500 users) is a few hundred KiB. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024

/** One HTTP exchange to send. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Encoded path plus query string, exactly as it goes on the wire. */
  readonly path: string
  readonly headers: Record<string, string>
  readonly body?: Buffer
}

/** A complete answer: every body is read (bounded) before this exists. */
export interface HttpResponse {
  readonly statusCode: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: Buffer
}

/** Per-attempt limits. */
export interface SendOptions {
  /** Absolute deadline (epoch ms) for the whole attempt, or undefined for none. */
  readonly deadline?: number
  readonly signal?: AbortSignal
  readonly headersTimeoutMs: number
  readonly bodyTimeoutMs: number
}

/** The outcome of one exchange; never a rejected promise. */
export type SendOutcome =
  | { readonly ok: true; readonly response: HttpResponse }
  | { readonly ok: false; readonly failure: TransportFailure; readonly statusCode?: number }

/** A connection pool to one origin, owned (and closed) by the client, or one the user supplied. */
export class Transport {
  readonly #origin: string
  readonly #dispatcher: Dispatcher
  readonly #owned: boolean

  constructor(origin: string, timeouts: TransportTimeouts, dispatcher?: Dispatcher, maxConnections = 50) {
    this.#origin = origin
    this.#owned = dispatcher === undefined
    this.#dispatcher =
      dispatcher ??
      new Pool(origin, {
        connections: maxConnections,
        connect: { timeout: timeouts.connectTimeoutMs },
        headersTimeout: timeouts.headersTimeoutMs,
        bodyTimeout: timeouts.bodyTimeoutMs,
        keepAliveTimeout: 4_000,
      })
  }

  /** Sends one request and reads its whole body; every failure is classified, nothing rejects. */
  async send(request: HttpRequest, options: SendOptions): Promise<SendOutcome> {
    const controller = new AbortController()
    let localAbort: LocalAbort
    const onCallerAbort = (): void => {
      localAbort ??= 'caller'
      controller.abort(options.signal?.reason)
    }
    if (options.signal?.aborted === true) onCallerAbort()
    options.signal?.addEventListener('abort', onCallerAbort, { once: true })
    const remaining = options.deadline === undefined ? undefined : options.deadline - Date.now()
    const timer =
      remaining === undefined
        ? undefined
        : setTimeout(() => {
            localAbort ??= 'deadline'
            controller.abort()
          }, Math.max(0, remaining))
    let statusCode: number | undefined
    try {
      if (localAbort !== undefined) {
        const failure = classifyTransportError(options.signal?.reason, localAbort)
        return { ok: false, failure: { ...failure, mayHaveBeenSent: false } }
      }
      const response = await this.#dispatcher.request({
        origin: this.#origin,
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body ?? null,
        signal: controller.signal,
        headersTimeout: options.headersTimeoutMs,
        bodyTimeout: options.bodyTimeoutMs,
      })
      statusCode = response.statusCode
      const body = await readBounded(response.body)
      if (body === undefined) {
        return {
          ok: false,
          statusCode,
          failure: {
            reason: 'Network',
            mayHaveBeenSent: true,
            message: `response body exceeds ${MAX_RESPONSE_BYTES} bytes`,
            cause: { name: 'ResponseTooLarge', message: '' },
          },
        }
      }
      return { ok: true, response: { statusCode, headers: response.headers, body } }
    } catch (error) {
      const failure = classifyTransportError(error, localAbort)
      return statusCode === undefined ? { ok: false, failure } : { ok: false, failure, statusCode }
    } finally {
      if (timer !== undefined) clearTimeout(timer)
      options.signal?.removeEventListener('abort', onCallerAbort)
    }
  }

  /** Closes the pool if the client created it; a user-supplied dispatcher is left alone. */
  async close(): Promise<void> {
    if (!this.#owned) return
    try {
      await this.#dispatcher.close()
    } catch {
      // Already closed or destroyed: nothing left to release.
    }
  }
}

/** Reads a body up to {@link MAX_RESPONSE_BYTES}; undefined (and the stream destroyed) when larger. */
async function readBounded(body: Dispatcher.ResponseData['body']): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_RESPONSE_BYTES) {
      body.destroy()
      return undefined
    }
    chunks.push(buffer)
  }
  const [only] = chunks
  return chunks.length === 1 && only !== undefined ? only : Buffer.concat(chunks, size)
}
