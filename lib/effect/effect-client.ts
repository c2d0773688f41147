import type { BceError, CallOptions, IamClient, IamMethods, StsClient, StsMethods } from 'bce-iam'
import type { Effect } from 'effect'
import type { ResultAsync } from 'neverthrow'
import { adaptMethods } from '../adapt-methods'
import { fromResultAsync } from './from-result-async'
import type { EffectErrorOf } from './tagged-error'

/**
 * A client method `M` as an `Effect`: the same parameters, the same value, and the method's error
 * union tagged by kind and reason ({@link EffectErrorOf}), so its undeclared kinds stay absent.
 */
export type EffectMethod<M> = M extends (...args: infer P) => ResultAsync<infer A, infer Err>
  ? (...args: P) => Effect.Effect<A, EffectErrorOf<Err>>
  : never

/** The methods `C` of a client, each as an {@link EffectMethod}. */
export type EffectMethods<C> = { readonly [N in keyof C]: EffectMethod<C[N]> }

/** Every `IamClient` operation as an `Effect`. */
export type EffectIamClient = EffectMethods<IamMethods>

/** Every `StsClient` operation as an `Effect`. */
export type EffectStsClient = EffectMethods<StsMethods>

type AnyMethod = (input?: unknown, options?: CallOptions) => ResultAsync<unknown, BceError>

/** The call options with the fiber's interruption signal joined to the caller's own. */
function withSignal(options: CallOptions | undefined, signal: AbortSignal): CallOptions {
  const own = options?.signal
  return { ...options, signal: own === undefined ? signal : AbortSignal.any([own, signal]) }
}

/**
 * The operations of `client` as `Effect`s, built from its operation registry. Calling a method
 * sends nothing: each run of the effect makes one call; interrupting the fiber aborts the request
 * (the SDK's `Aborted`). Errors are {@link TaggedBceError}s: `Effect.catchTag('NotFound', …)`,
 * `Effect.catchTags({ Throttled: …, Timeout: … })`. Close the client itself when done, or use
 * {@link layer}, which closes it with its scope.
 *
 * @example
 * ```ts
 * const iam = effectClient(new IamClient(config))
 * const name = iam.getUser({ userName: 'alice' }).pipe(
 *   Effect.map((user) => user.name),
 *   Effect.catchTag('NotFound', () => Effect.succeed('nobody')),
 * )
 * ```
 */
export function effectClient(client: IamClient): EffectIamClient
/** The operations of an STS client as `Effect`s (see the IAM overload). */
export function effectClient(client: StsClient): EffectStsClient
export function effectClient(client: IamClient | StsClient): EffectIamClient | EffectStsClient {
  return adaptMethods(
    client,
    (method) => (input?: unknown, options?: CallOptions) =>
      fromResultAsync((signal) => (method as AnyMethod)(input, withSignal(options, signal))),
  ) as unknown as EffectIamClient | EffectStsClient
}
