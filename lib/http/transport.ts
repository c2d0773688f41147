import { err, type Result } from 'neverthrow'
import type { Dispatcher } from 'undici'
import { DeadlineSweep } from './deadline-sweep'
import { loadUndici } from './load-undici'
import { ResponseCollector } from './response-collector'
import { classifyTransportError, type TransportFailure } from './transport-error'

/** Transport timeouts, in milliseconds (defaults in {@link DEFAULT_TIMEOUTS}). */
export interface TransportTimeouts {
  /**
   * TCP + TLS connect.
   * @default 10000
   */
  readonly connectTimeoutMs: number
  /**
   * From the request being written to the response headers arriving.
   * @default 30000
   */
  readonly headersTimeoutMs: number
  /**
   * Maximum idle gap between two body chunks.
   * @default 30000
   */
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

/**
 * The outcome of one exchange, never a rejected promise: the complete answer, or the classified
 * failure. One `Ok` or `Err` per exchange, as the union it replaces allocated one object.
 */
export type SendOutcome = Result<HttpResponse, TransportFailure>

/**
 * What a request gets once the client's own pool was closed gracefully (`close()`): it is refused
 * at once, unsent and final, instead of meeting undici's destroyed pool and being retried.
 */
const CLOSED_FAILURE: TransportFailure = Object.freeze({
  reason: 'Aborted',
  mayHaveBeenSent: false,
  permanent: true,
  message: 'the client was closed (close()); the request was not sent',
  cause: Object.freeze({ name: 'ClientClosed', message: '' }),
})

/**
 * A connection pool to one origin, owned (and closed) by the client, or one the user supplied.
 * The owned pool (and undici itself) is created on the first request.
 */
export class Transport {
  readonly #origin: string
  readonly #timeouts: TransportTimeouts
  readonly #maxConnections: number
  readonly #owned: boolean
  #dispatcher: Dispatcher | undefined
  #closed = false
  /** Set by `close({ force: true })`: no request is sent any more. */
  #forced = false
  /** Exchanges under way, so a forced close can abort them. */
  readonly #active = new Set<ResponseCollector>()
  readonly #untrack = (collector: ResponseCollector): void => {
    this.#active.delete(collector)
  }
  readonly #shutdown = new AbortController()
  /** Ends the exchanges whose (distant) deadline has passed, one interval for all of them. */
  readonly #sweep = new DeadlineSweep(this.#active)

  constructor(origin: string, timeouts: TransportTimeouts, dispatcher?: Dispatcher, maxConnections = 50) {
    this.#origin = origin
    this.#timeouts = timeouts
    this.#maxConnections = maxConnections
    this.#owned = dispatcher === undefined
    this.#dispatcher = dispatcher
  }

  #pool(): Dispatcher {
    if (this.#dispatcher !== undefined) return this.#dispatcher
    const pool = new (loadUndici().Pool)(this.#origin, {
      connections: this.#maxConnections,
      connect: { timeout: this.#timeouts.connectTimeoutMs },
      headersTimeout: this.#timeouts.headersTimeoutMs,
      bodyTimeout: this.#timeouts.bodyTimeoutMs,
      keepAliveTimeout: 4_000,
    })
    this.#dispatcher = pool
    return pool
  }

  /**
   * Sends one request and reads its whole body (at most {@link MAX_RESPONSE_BYTES}) before
   * `deadline` (epoch ms) unless `signal` aborts first; every failure is classified, nothing
   * rejects.
   */
  send(request: HttpRequest, deadline?: number, signal?: AbortSignal): Promise<SendOutcome> {
    if (signal?.aborted === true || this.#forced) {
      const failure = this.#forced
        ? classifyTransportError(undefined, 'shutdown')
        : classifyTransportError(signal?.reason, 'caller')
      return Promise.resolve(err({ ...failure, mayHaveBeenSent: false }))
    }
    if (this.#closed) return Promise.resolve(err(CLOSED_FAILURE))
    const remainingMs = deadline === undefined ? undefined : deadline - Date.now()
    const swept = this.#sweep.takes(remainingMs)
    const collector = new ResponseCollector(MAX_RESPONSE_BYTES, remainingMs, signal, this.#untrack, !swept)
    this.#active.add(collector)
    try {
      this.#pool().dispatch(
        {
          origin: this.#origin,
          method: request.method,
          path: request.path,
          headers: request.headers,
          body: request.body ?? null,
          headersTimeout: this.#timeouts.headersTimeoutMs,
          bodyTimeout: this.#timeouts.bodyTimeoutMs,
        },
        collector,
      )
    } catch (error) {
      collector.failWith(error)
    }
    return collector.outcome
  }

  /** Aborted by `close({ force: true })`: wakes calls waiting to retry. */
  get shutdownSignal(): AbortSignal {
    return this.#shutdown.signal
  }

  /**
   * Closes the pool if the client created it; a user-supplied dispatcher is left open.
   * Graceful by default: requests already sent are allowed to finish. With `force`, every
   * exchange under way is aborted at once (each settles as `Aborted`), later requests are
   * refused without being sent, and an owned pool is destroyed rather than drained.
   */
  async close(force = false): Promise<void> {
    if (force) {
      this.#forced = true
      this.#shutdown.abort()
      for (const collector of [...this.#active]) collector.cutShort('shutdown')
      this.#active.clear()
      this.#sweep.stop()
    }
    if (!this.#owned) return
    this.#closed = true
    if (this.#dispatcher === undefined) return
    try {
      await (force ? this.#dispatcher.destroy() : this.#dispatcher.close())
    } catch {
      // Already closed or destroyed: nothing left to release.
    }
  }
}
