import { err, ok, okAsync, ResultAsync, type Result } from 'neverthrow'
import type { BceClientError, BceError } from '../errors/types'
import type { CallOptions, ClientConfig } from './config'
import { execute } from './execute'
import type { OperationSpec } from './operation'
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

  /** Releases the client's pooled sockets (a user-supplied dispatcher is left open). Never fails. */
  close(): ResultAsync<void, never> {
    if (this.#runtime.isErr()) return okAsync(undefined)
    return ResultAsync.fromSafePromise(this.#runtime.value.transport.close())
  }
}
