import { defineRegistry } from '../operation/registry'
import { assumeRole, getSessionToken, getSigninSecurityToken } from './sts-operations'

/**
 * Every STS operation, keyed by its method name: the single source of the {@link (StsClient:class)}
 * methods, the emulator's STS routes, the catalogue and the README table.
 */
export const STS_OPERATIONS = defineRegistry({
  /** Temporary credentials acting as the caller, optionally narrowed by an ACL. See {@link https://intl.cloud.baidu.com/doc/IAM/s/Qjwvyc8ov-en | Baidu's documentation}. */
  getSessionToken,
  /** Temporary credentials of a role the caller's account is trusted to assume (at most 7200 s). See {@link https://intl.cloud.baidu.com/doc/IAM/s/Qjwvyc8ov-en | Baidu's documentation}. */
  assumeRole,
  /** A console sign-in token for the caller or a user of the account (a secret; no access key pair). See {@link https://github.com/baidubce/bce-sdk-java/blob/master/src/main/java/com/baidubce/services/sts/StsClient.java | Baidu's documentation}. */
  getSigninSecurityToken,
})

/** The STS operation registry's type. */
export type StsOperations = typeof STS_OPERATIONS

/** The name of an STS operation (an {@link (StsClient:class)} method). */
export type StsOperationName = keyof StsOperations
