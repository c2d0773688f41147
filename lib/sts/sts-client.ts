import type { ResultAsync } from 'neverthrow'
import { BaseClient } from '../client/base-client'
import type { CallOptions, ClientConfig } from '../client/config'
import type { BceError } from '../errors/types'
import type { SessionCredentials } from './session-credentials-model'
import * as sts from './sts-operations'
import type { AssumeRoleInput, GetSessionTokenInput } from './sts-operations'

/** The STS endpoint (the same for every region). */
export const STS_ENDPOINT = 'https://sts.bj.baidubce.com'

/** Configuration of an {@link StsClient}; `endpoint` defaults to {@link STS_ENDPOINT}. */
export type StsClientConfig = ClientConfig

/**
 * Client for Baidu AI Cloud STS: temporary credentials for the caller or for an assumed role.
 * Never throws; every method returns a `ResultAsync`. Neither call is retried once sent, since
 * each mints new credentials.
 */
export class StsClient extends BaseClient {
  /** Creates a client; configuration problems surface on the first call (or use {@link StsClient.create}). */
  constructor(config: StsClientConfig) {
    super(config, STS_ENDPOINT)
  }

  /** S1: temporary credentials acting as the caller, optionally narrowed by an ACL. */
  readonly getSessionToken: (
    input?: GetSessionTokenInput,
    options?: CallOptions,
  ) => ResultAsync<SessionCredentials, BceError> = (input = {}, options) =>
    this.call(sts.getSessionToken, input, options)

  /** S2: temporary credentials of a role the caller's account is trusted to assume (≤ 7200 s). */
  readonly assumeRole: (input: AssumeRoleInput, options?: CallOptions) => ResultAsync<SessionCredentials, BceError> = (
    input,
    options,
  ) => this.call(sts.assumeRole, input, options)
}
