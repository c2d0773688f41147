import { okAsync, ResultAsync, type Result } from 'neverthrow'
import type { ClientConfig, CallOptions } from '../core/config'
import { execute } from '../core/execute'
import type { OperationSpec } from '../core/operation'
import { createRuntime, type Runtime } from '../core/runtime'
import type { BceClientError, BceError } from '../errors/types'
import type { User } from './user-model'
import * as users from './user-operations'
import type { CreateUserInput, UpdateUserInput, UserNameInput } from './user-operations'

/** The public IAM endpoint (IAM is global; every region uses it). */
export const IAM_ENDPOINT = 'https://iam.bj.baidubce.com'

/** Configuration of an {@link IamClient}; `endpoint` defaults to {@link IAM_ENDPOINT}. */
export type IamClientConfig = ClientConfig

/**
 * Client for Baidu AI Cloud IAM. Every method returns a `ResultAsync` that never rejects; the
 * constructor never throws (an invalid configuration makes every call return `InvalidConfig`).
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
export class IamClient {
  readonly #runtime: Result<Runtime, BceClientError>

  /** Creates a client; validation problems surface on the first call (or use {@link IamClient.create}). */
  constructor(config: IamClientConfig) {
    this.#runtime = createRuntime(config, IAM_ENDPOINT)
  }

  /** Creates a client, returning configuration problems immediately instead of on first call. */
  static create(config: IamClientConfig): Result<IamClient, BceClientError> {
    const client = new IamClient(config)
    return client.#runtime.map(() => client)
  }

  #call<I, O>(spec: OperationSpec<I, O>, input: unknown, options: CallOptions | undefined): ResultAsync<O, BceError> {
    return execute(this.#runtime, spec, input, options)
  }

  /** Creates a sub-user (`POST /v1/user`, 201). Not retried once sent: a duplicate is `AlreadyExists`. */
  createUser(input: CreateUserInput, options?: CallOptions): ResultAsync<User, BceError> {
    return this.#call(users.createUser, input, options)
  }

  /** Reads a sub-user (`GET /v1/user/{userName}`); a missing user is `kind: 'NotFound'`. */
  getUser(input: UserNameInput, options?: CallOptions): ResultAsync<User, BceError> {
    return this.#call(users.getUser, input, options)
  }

  /** Renames, describes, enables or disables a sub-user (`PUT /v1/user/{userName}`). */
  updateUser(input: UpdateUserInput, options?: CallOptions): ResultAsync<User, BceError> {
    return this.#call(users.updateUser, input, options)
  }

  /** Deletes a sub-user (`DELETE /v1/user/{userName}`); it must have no keys, groups or policies left. */
  deleteUser(input: UserNameInput, options?: CallOptions): ResultAsync<void, BceError> {
    return this.#call(users.deleteUser, input, options)
  }

  /** Lists every sub-user of the account (`GET /v1/user`; not paginated, at most 500). */
  listUsers(input: users.ListUsersInput = {}, options?: CallOptions): ResultAsync<readonly User[], BceError> {
    return this.#call(users.listUsers, input, options)
  }

  /** Releases the client's pooled sockets (a user-supplied dispatcher is left open). Never fails. */
  close(): ResultAsync<void, never> {
    if (this.#runtime.isErr()) return okAsync(undefined)
    const transport = this.#runtime.value.transport
    return ResultAsync.fromSafePromise(transport.close())
  }
}
