import { BaseClient, type ClientMethods, type ErrorOf, type OperationMethod } from '../client/base-client'
import type { ClientConfig } from '../client/config'
import { IAM_OPERATIONS, type IamOperationName, type IamOperations } from './iam-operations'

/** The public IAM endpoint (IAM is global; every region uses it). */
export const IAM_ENDPOINT = 'https://iam.bj.baidubce.com'

/**
 * Configuration of an {@link (IamClient:class)}; `endpoint` defaults to {@link IAM_ENDPOINT}; the
 * events of `observe` name IAM operations.
 */
export type IamClientConfig = ClientConfig<IamOperationName>

/** The client method of the IAM operation `N`, e.g. `IamMethod<'getUser'>`. */
export type IamMethod<N extends keyof IamOperations> = OperationMethod<IamOperations[N]>

/**
 * Every error a call of the IAM operation `N` can resolve to, e.g. `IamError<'getUser'>`: a client
 * error, or a service error of a kind the operation declares or of a common kind.
 */
export type IamError<N extends keyof IamOperations> = ErrorOf<IamOperations[N]>

/** The methods of {@link (IamClient:class)}: one per operation of `IAM_OPERATIONS`. */
export type IamMethods = ClientMethods<IamOperations>

/**
 * Client for Baidu AI Cloud IAM. Every method returns a `ResultAsync` that never rejects; the
 * constructor never throws (an invalid configuration makes every call return `InvalidConfig`).
 * Operations marked idempotent are retried after ambiguous failures; creates are not.
 *
 * The methods are derived from the operation registry (`IAM_OPERATIONS`): each one's error
 * type names the service-error kinds its operation declares (e.g. `getUser` can fail with
 * `NotFound` but not `AlreadyExists`) plus the kinds every call can meet.
 *
 * @example
 * ```ts
 * const iam = new IamClient({ credentials: { accessKeyId, secretAccessKey } })
 * const user = await iam.getUser({ userName: 'alice' })
 * user.match(
 *   (u) => console.log(u.id),
 *   (e) => console.error(e._tag === 'BceServiceError' ? e.kind : e.reason),
 * )
 * await iam.close()
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the methods are assigned in the constructor
export class IamClient extends BaseClient {
  /** Creates a client; configuration problems surface on the first call (or use `IamClient.create`). */
  constructor(config: IamClientConfig) {
    super(config, IAM_ENDPOINT)
    Object.assign(this, this.methodsOf(IAM_OPERATIONS))
  }
}

/** The operation methods of every {@link (IamClient:class)}, typed from the registry. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- the methods come from the registry (see the class)
export interface IamClient extends IamMethods {}
