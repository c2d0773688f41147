import type { Dispatcher } from 'undici'
import { err, ok } from 'neverthrow'
import { classifyTransportError, type TransportFailure } from './transport-error'
import type { HttpResponse, SendOutcome } from './transport'

/** What undici reports when a request is aborted without a reason (as our deadline always did). */
function abortedWithoutReason(): Error {
  return new DOMException('This operation was aborted', 'AbortError')
}

function fireDeadline(collector: ResponseCollector): void {
  collector.cutShort('deadline')
}

/**
 * A `dispatcher.dispatch()` handler for one exchange: it collects the whole body (bounded) and
 * settles {@link ResponseCollector.outcome} exactly once, never rejecting. It enforces the
 * attempt's deadline (with a timer of its own, or through its owner's sweep) and follows the
 * caller's signal, aborting undici through the controller undici hands it, so no AbortController
 * is made per attempt.
 */
export class ResponseCollector implements Dispatcher.DispatchHandler {
  /** The exchange's outcome; always resolves. */
  readonly outcome: Promise<SendOutcome>
  #resolve!: (outcome: SendOutcome) => void
  readonly #maxBytes: number
  readonly #signal: AbortSignal | undefined
  #onSignal: (() => void) | undefined
  #timer: NodeJS.Timeout | undefined
  #controller: Dispatcher.DispatchController | undefined
  /** Set once the outcome is settled; later undici callbacks are ignored. */
  #done = false
  /** Why we cut the exchange short, to abort undici with once it starts the request. */
  #abortReason: Error | undefined
  #statusCode: number | undefined
  #headers: HttpResponse['headers'] = {}
  #first: Buffer | undefined
  #rest: Buffer[] | undefined
  #size = 0

  /** Called once when the outcome settles (the transport stops tracking the exchange). */
  readonly #onSettle: ((collector: ResponseCollector) => void) | undefined
  /**
   * `performance.now()` at which the attempt's deadline passes, for the owner's sweep; undefined
   * without a deadline or when the collector has a timer of its own.
   */
  readonly dueAt: number | undefined

  /**
   * `remainingMs`: time left until the attempt's deadline (none when undefined). With `ownTimer`
   * (the default) the collector arms a timer for it; without, its owner watches {@link dueAt}
   * (the transport's deadline sweep) and calls {@link cutShort} once it has passed.
   */
  constructor(
    maxBytes: number,
    remainingMs: number | undefined,
    signal: AbortSignal | undefined,
    onSettle?: (collector: ResponseCollector) => void,
    ownTimer = true,
  ) {
    this.outcome = new Promise((resolve) => {
      this.#resolve = resolve
    })
    this.#maxBytes = maxBytes
    this.#signal = signal
    this.#onSettle = onSettle
    if (signal !== undefined) {
      const onSignal = (): void => {
        this.cutShort('caller')
      }
      this.#onSignal = onSignal
      signal.addEventListener('abort', onSignal, { once: true })
    }
    if (remainingMs === undefined) return
    if (ownTimer) this.#timer = setTimeout(fireDeadline, Math.max(0, remainingMs), this)
    else this.dueAt = performance.now() + remainingMs
  }

  /** Ends the exchange from our side: the deadline passed, the caller's signal fired, or the client was force-closed. */
  cutShort(why: 'deadline' | 'caller' | 'shutdown'): void {
    if (this.#done) return
    const reason: unknown = why === 'caller' ? this.#signal?.reason : abortedWithoutReason()
    this.#fail(classifyTransportError(reason, why))
    this.#abortReason = reason instanceof Error ? reason : abortedWithoutReason()
    this.#controller?.abort(this.#abortReason)
  }

  /** Records a failure reported by whoever called `dispatch` (a dispatcher that threw). */
  failWith(error: unknown): void {
    if (!this.#done) this.#fail(classifyTransportError(error, undefined))
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller
    if (this.#abortReason !== undefined) controller.abort(this.#abortReason)
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: HttpResponse['headers'],
  ): void {
    if (this.#done || statusCode < 200) return
    this.#statusCode = statusCode
    this.#headers = headers
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#done) return
    this.#size += chunk.length
    if (this.#size > this.#maxBytes) {
      this.#fail({
        reason: 'Network',
        mayHaveBeenSent: true,
        message: `response body exceeds ${this.#maxBytes} bytes`,
        cause: { name: 'ResponseTooLarge', message: '' },
      })
      this.#abortReason = new Error('response body too large')
      controller.abort(this.#abortReason)
      return
    }
    if (this.#first === undefined) this.#first = chunk
    else (this.#rest ??= [this.#first]).push(chunk)
  }

  onResponseEnd(): void {
    if (this.#done) return
    const body = this.#rest !== undefined ? Buffer.concat(this.#rest, this.#size) : (this.#first ?? Buffer.alloc(0))
    this.#settle(ok({ statusCode: this.#statusCode ?? 0, headers: this.#headers, body }))
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (!this.#done) this.#fail(classifyTransportError(error, undefined))
  }

  #fail(failure: TransportFailure): void {
    this.#settle(err(this.#statusCode === undefined ? failure : { ...failure, statusCode: this.#statusCode }))
  }

  #settle(outcome: SendOutcome): void {
    this.#done = true
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    if (this.#onSignal !== undefined) this.#signal?.removeEventListener('abort', this.#onSignal)
    this.#first = undefined
    this.#rest = undefined
    this.#onSettle?.(this)
    this.#resolve(outcome)
  }
}
