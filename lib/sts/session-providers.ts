import type { Acl } from '../acl/types'
import { asCredentialsError } from '../auth/credentials-error'
import { refreshingProvider, type RefreshableProvider, type RefreshOptions } from '../auth/refreshing-provider'
import type { StsClient } from './sts-client'

/** Options of {@link fromAssumeRole}. */
export interface AssumeRoleProviderOptions extends RefreshOptions {
  /** An STS client holding the long-term credentials allowed to assume the role. */
  readonly sts: StsClient
  /** The id of the account that owns the role. */
  readonly accountId: string
  /** The name of the role to assume. */
  readonly roleName: string
  /**
   * Lifetime of each set of credentials, 1–7200 s.
   * @default the service's default (the parameter is not sent)
   */
  readonly durationSeconds?: number | undefined
  /**
   * Narrows what the temporary credentials may do.
   * @default none: the role's own permissions
   */
  readonly acl?: Acl | string | undefined
}

/** Options of {@link fromSessionToken}. */
export interface SessionTokenProviderOptions extends RefreshOptions {
  /** An STS client holding the long-term credentials the session acts as. */
  readonly sts: StsClient
  /**
   * Lifetime of each set of credentials, in seconds.
   * @default the service's default (the parameter is not sent)
   */
  readonly durationSeconds?: number | undefined
  /**
   * Narrows what the temporary credentials may do.
   * @default none: the identity's own permissions
   */
  readonly acl?: Acl | string | undefined
}

/**
 * A provider of a role's temporary credentials (STS `assumeRole`), cached and refreshed five
 * minutes (`refreshMarginMs`) before expiry, single-flight, serving still-valid credentials while
 * a refresh fails. Pass it as a client's `credentials`. A failed `assumeRole` becomes one
 * `Credentials` error whose `cause` is the STS call's error itself.
 */
export function fromAssumeRole(options: AssumeRoleProviderOptions): RefreshableProvider {
  const { sts, accountId, roleName, durationSeconds, acl } = options
  return refreshingProvider(
    () =>
      sts
        .assumeRole({
          accountId,
          roleName,
          ...(durationSeconds === undefined ? {} : { durationSeconds }),
          ...(acl === undefined ? {} : { acl }),
        })
        .mapErr((error) => asCredentialsError(error, `STS assumeRole of ${roleName}`)),
    options,
  )
}

/** Like {@link fromAssumeRole}, for session tokens acting as the STS client's own identity. */
export function fromSessionToken(options: SessionTokenProviderOptions): RefreshableProvider {
  const { sts, durationSeconds, acl } = options
  return refreshingProvider(
    () =>
      sts
        .getSessionToken({
          ...(durationSeconds === undefined ? {} : { durationSeconds }),
          ...(acl === undefined ? {} : { acl }),
        })
        .mapErr((error) => asCredentialsError(error, 'STS getSessionToken')),
    options,
  )
}
