import { BaseClient, type ClientMethods, type ErrorOf, type OperationMethod } from '../client/base-client'
import type { ClientConfig } from '../client/config'
import { STS_OPERATIONS, type StsOperationName, type StsOperations } from './sts-registry'

/** The STS endpoint (the same for every region). */
export const STS_ENDPOINT = 'https://sts.bj.baidubce.com'

/**
 * Configuration of an {@link (StsClient:class)}; `endpoint` defaults to {@link STS_ENDPOINT}; the
 * events of `observe` name STS operations.
 */
export type StsClientConfig = ClientConfig<StsOperationName>

/** The client method of the STS operation `N`, e.g. `StsMethod<'assumeRole'>`. */
export type StsMethod<N extends keyof StsOperations> = OperationMethod<StsOperations[N]>

/** Every error a call of the STS operation `N` can resolve to, e.g. `StsError<'assumeRole'>`. */
export type StsError<N extends keyof StsOperations> = ErrorOf<StsOperations[N]>

/** The methods of {@link (StsClient:class)}: one per operation of `STS_OPERATIONS`. */
export type StsMethods = ClientMethods<StsOperations>

/**
 * Client for Baidu AI Cloud STS: temporary credentials for the caller or for an assumed role.
 * Never throws; every method returns a `ResultAsync`. Neither call is retried once sent, since
 * each mints new credentials. The methods are derived from the operation registry
 * (`STS_OPERATIONS`).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the methods are assigned in the constructor
export class StsClient extends BaseClient {
  /** Creates a client; configuration problems surface on the first call (or use `StsClient.create`). */
  constructor(config: StsClientConfig) {
    super(config, STS_ENDPOINT)
    Object.assign(this, this.methodsOf(STS_OPERATIONS))
  }
}

/** The operation methods of every {@link (StsClient:class)}, typed from the registry. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- the methods come from the registry (see the class)
export interface StsClient extends StsMethods {}
