import { err, ok, okAsync, ResultAsync, type Result } from 'neverthrow'
import type { BceClientError, BceError } from '../errors/types'
import type { CallOptions, ClientConfig } from './config'
import { execute } from './execute'
import type { OperationSpec } from '../operation/operation'
import { createRuntime, type Runtime } from './runtime'

/**
 * What IAM and STS clients share: a runtime validated once at construction (never throwing),
 * the operation runner, and `close`.
 */
export abstract class BaseClient {
  readonly #runtime: Result<Runtime, BceClientError>

  protected constructor(config: ClientConfig, defaultEndpoint: string) {
    this.#runtime = createRuntime(config, defaultEndpoint)
  }

  /**
   * Creates a client, returning configuration problems immediately (as `InvalidConfig` or
   * `Credentials`) instead of on the first call: `IamClient.create(config)`.
   */
  static create<C extends BaseClient>(
    this: new (config: ClientConfig) => C,
    config: ClientConfig,
  ): Result<C, BceClientError> {
    const client = new this(config)
    const problem = client.configurationError
    return problem === undefined ? ok(client) : err(problem)
  }

  /** The configuration problem that makes every call fail, if any. */
  protected get configurationError(): BceClientError | undefined {
    return this.#runtime.isErr() ? this.#runtime.error : undefined
  }

  /** Runs one declared operation. */
  protected call<I, O>(
    spec: OperationSpec<I, O>,
    input: unknown,
    options: CallOptions | undefined,
  ): ResultAsync<O, BceError> {
    return execute(this.#runtime, spec, input, options)
  }

  /**
   * Releases the client's pooled sockets (a user-supplied dispatcher is left open). Never fails.
   *
   * By default the close is graceful: it resolves once the calls already sent have been
   * answered (undici drains the pool); a call still waiting to retry then fails without sending.
   * With `{ force: true }` it aborts instead: every call in flight or waiting to retry resolves at
   * once to a `BceClientError` with reason `Aborted` (flagged `outcomeUnknown` when a
   * non-idempotent request may already have been applied), the sockets are destroyed, and every
   * later call resolves to `Aborted` without sending anything.
   */
  close(options?: { readonly force?: boolean }): ResultAsync<void, never> {
    if (this.#runtime.isErr()) return okAsync(undefined)
    let force = false
    try {
      const untrusted: unknown = options
      force = typeof untrusted === 'object' && untrusted !== null && (untrusted as { force?: unknown }).force === true
    } catch {
      // An options object whose getter throws: close gracefully.
    }
    return ResultAsync.fromSafePromise(this.#runtime.value.transport.close(force))
  }
}
