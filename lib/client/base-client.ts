import { err, ok, okAsync, ResultAsync, type Result } from 'neverthrow'
import type { OperationError, OperationErrorKind } from '../errors/kinds'
import type { CommonErrorKind } from '../errors/kinds'
import type { BceClientError, BceError, ServiceError } from '../errors/types'
import type { CallOptions, ClientConfig } from './config'
import { execute } from './execute'
import type { AnyOperationSpec, FieldSpec, OperationSpec } from '../operation/operation'
import type { OperationRegistry } from '../operation/registry'
import { createRuntime, type Runtime } from './runtime'

/**
 * The client method of an operation: one input object (optional when the operation needs none),
 * optional call options (whose `observe` sees events named after the operation), and a
 * `ResultAsync` whose error names exactly the service-error kinds the operation declares plus
 * the common ones.
 */
export type OperationMethod<S> =
  S extends OperationSpec<infer I, infer O, infer N, infer K>
    ? Partial<I> extends I
      ? (input?: I, options?: CallOptions<N>) => ResultAsync<O, BceClientError | ServiceError<K | CommonErrorKind>>
      : (input: I, options?: CallOptions<N>) => ResultAsync<O, BceClientError | ServiceError<K | CommonErrorKind>>
    : never

/**
 * A client method typed loosely: any error of the SDK. Every method of a client is assignable to
 * it (the methods' own error types are narrower).
 *
 * @deprecated Use the method's own type (`IamMethod<'getUser'>`, `StsMethod<'assumeRole'>`), whose
 * error type names the operation's service-error kinds.
 */
export type ClientMethod<I, O> = (input: I, options?: CallOptions) => ResultAsync<O, BceError>

/** The methods of a client: one per operation of its registry, named after it. */
export type ClientMethods<R> = { readonly [N in keyof R]: OperationMethod<R[N]> }

/** The error type of an operation spec's calls. */
export type ErrorOf<S> = S extends OperationSpec<infer _I, infer _O, infer _N, infer K> ? OperationError<K> : never

/** Whether an operation can be called without an input (no field is required): its method then defaults it to `{}`. */
function inputIsOptional(spec: AnyOperationSpec): boolean {
  return !Object.values(spec.fields as Record<string, FieldSpec>).some((field) => field.required === true)
}

/**
 * What IAM and STS clients share: a runtime validated once at construction (never throwing),
 * the operation runner, and `close`.
 */
export abstract class BaseClient {
  readonly #runtime: Result<Runtime, BceClientError>

  protected constructor(config: ClientConfig<never>, defaultEndpoint: string) {
    this.#runtime = createRuntime(config, defaultEndpoint)
  }

  /**
   * Creates a client, returning configuration problems immediately (as `InvalidConfig` or
   * `Credentials`) instead of on the first call: `IamClient.create(config)`.
   */
  static create<C extends BaseClient, Config extends ClientConfig<never>>(
    this: new (config: Config) => C,
    config: NoInfer<Config>,
  ): Result<C, BceClientError> {
    const client = new this(config)
    const problem = client.configurationError
    return problem === undefined ? ok(client) : err(problem)
  }

  /**
   * Where this client's calls go: the endpoint's origin (`https://iam.bj.baidubce.com`), or
   * undefined when the configuration is invalid. For telemetry (`bce-iam/otel` reads it).
   */
  get endpoint(): string | undefined {
    return this.#runtime.isOk() ? this.#runtime.value.endpoint.origin : undefined
  }

  /** The configuration problem that makes every call fail, if any. */
  protected get configurationError(): BceClientError | undefined {
    return this.#runtime.isErr() ? this.#runtime.error : undefined
  }

  /** Runs one declared operation; the input must be of the operation's input type. */
  protected call<I, O, K extends OperationErrorKind>(
    spec: OperationSpec<I, O, string, K>,
    input: NoInfer<I>,
    options: CallOptions | undefined,
  ): ResultAsync<O, OperationError<K>> {
    return execute(this.#runtime, spec, input, options)
  }

  /**
   * The methods of every operation of `registry`, each bound to this client's runtime once (so
   * `const { getUser } = iam` works, and a call costs no more than `execute`). Subclasses assign
   * them to themselves in the constructor.
   */
  protected methodsOf<R extends OperationRegistry>(registry: R): ClientMethods<R> {
    const runtime = this.#runtime
    const methods: Record<string, unknown> = {}
    for (const [name, spec] of Object.entries(registry)) {
      methods[name] = inputIsOptional(spec)
        ? (input: unknown = {}, options?: CallOptions) => execute(runtime, spec, input, options)
        : (input: unknown, options?: CallOptions) => execute(runtime, spec, input, options)
    }
    return methods as ClientMethods<R>
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
  close(options?: { readonly force?: boolean | undefined }): ResultAsync<void, never> {
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
