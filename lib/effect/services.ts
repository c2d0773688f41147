import type { BaseClient, BceClientError, ClientConfig, IamClientConfig, StsClientConfig } from 'bce-iam'
import { Context, Effect, Layer, type Scope } from 'effect'
import type { Result } from 'neverthrow'
import { IamClient } from '../iam/iam-client'
import { StsClient } from '../sts/sts-client'
import { effectClient, type EffectIamClient, type EffectStsClient } from './effect-client'
import { tagError, type EffectErrorOf } from './tagged-error'

/** The identifier of the `IamClientService` tag. */
export interface IamClientService {
  /** Brands the identifier (never present at run time). */
  readonly IamClientService: unique symbol
}

/**
 * The IAM client as an Effect service: its value is an {@link EffectIamClient}
 * (`const iam = yield* IamClientService; yield* iam.getUser(…)`); provide it with {@link layer}.
 */
export const IamClientService: Context.Tag<IamClientService, EffectIamClient> =
  Context.GenericTag('bce-iam/IamClientService')

/** The identifier of the `StsClientService` tag. */
export interface StsClientService {
  /** Brands the identifier (never present at run time). */
  readonly StsClientService: unique symbol
}

/** The STS client as an Effect service (an {@link EffectStsClient}); provide it with {@link stsLayer}. */
export const StsClientService: Context.Tag<StsClientService, EffectStsClient> =
  Context.GenericTag('bce-iam/StsClientService')

/**
 * Why a client layer could not be built: the configuration problems `IamClient.create` /
 * `StsClient.create` report, tagged `InvalidConfig` or `Credentials`.
 */
export type ConfigFailure = EffectErrorOf<BceClientError & { readonly reason: 'InvalidConfig' | 'Credentials' }>

/** Creates a client in the layer's scope (closed gracefully when the scope closes), or fails with its configuration error. */
function scopedClient<C extends BaseClient, Config extends ClientConfig<never>>(
  create: (config: Config) => Result<C, BceClientError>,
  config: Config,
): Effect.Effect<C, ConfigFailure, Scope.Scope> {
  const acquire = Effect.suspend(() =>
    create(config).match(
      (client): Effect.Effect<C, ConfigFailure> => Effect.succeed(client),
      // create reports configuration problems only: reason InvalidConfig or Credentials (client/runtime.ts)
      (error) => Effect.fail(tagError(error) as ConfigFailure),
    ),
  )
  return Effect.acquireRelease(acquire, (client) => Effect.promise(() => client.close()))
}

/**
 * A scoped layer providing `IamClientService`: builds the client with `IamClient.create`
 * (failing with its configuration error, see {@link ConfigFailure}) and closes it when the
 * layer's scope closes.
 *
 * @example
 * ```ts
 * const program = Effect.gen(function* () {
 *   const iam = yield* IamClientService
 *   return yield* iam.listUsers()
 * })
 * await Effect.runPromise(program.pipe(Effect.provide(layer({ credentials }))))
 * ```
 */
export function layer(config: IamClientConfig): Layer.Layer<IamClientService, ConfigFailure> {
  return Layer.scoped(
    IamClientService,
    Effect.map(
      scopedClient((c) => IamClient.create(c), config),
      (client) => effectClient(client),
    ),
  )
}

/** A scoped layer providing `StsClientService`, built like {@link layer} with `StsClient.create`. */
export function stsLayer(config: StsClientConfig): Layer.Layer<StsClientService, ConfigFailure> {
  return Layer.scoped(
    StsClientService,
    Effect.map(
      scopedClient((c) => StsClient.create(c), config),
      (client) => effectClient(client),
    ),
  )
}
