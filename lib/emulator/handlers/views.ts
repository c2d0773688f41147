import type {
  AccessKeyRecord,
  GroupRecord,
  IdpRecord,
  LoginProfileRecord,
  PolicyRecord,
  RoleRecord,
  SessionRecord,
  UserRecord,
} from '../state'

/** How long a console password stays valid once set. */
export const PASSWORD_VALIDITY_MS = 90 * 24 * 3600 * 1000

/** Leaves out a field whose value is '' (BCE omits empty fields). */
const optional = (name: string, value: string | undefined): Record<string, string> =>
  value === undefined || value === '' ? {} : { [name]: value }

/** The wire form of a user (never its login profile or MFA settings). */
export function userView(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    createTime: user.createTime,
    ...optional('description', user.description),
    enabled: user.enabled,
    ...optional('contact', user.contact),
  }
}

/** The wire form of a login profile: never the password; `passwordExpireDate` on request. */
export function loginProfileView(profile: LoginProfileRecord, withExpiry: boolean): Record<string, unknown> {
  const setAt = profile.passwordSetTime === undefined ? Number.NaN : Date.parse(profile.passwordSetTime)
  const expires =
    withExpiry && Number.isFinite(setAt)
      ? `${new Date(setAt + PASSWORD_VALIDITY_MS).toISOString().slice(0, 19)}Z`
      : undefined
  return {
    needResetPassword: profile.needResetPassword,
    enabledLogin: profile.enabledLogin,
    enabledLoginMfa: profile.enabledLoginMfa,
    ...optional('loginMfaType', profile.loginMfaType),
    ...optional('thirdPartyType', profile.thirdPartyType),
    ...optional('thirdPartyAccount', profile.thirdPartyAccount),
    ...optional('passwordExpireDate', expires),
  }
}

/** The wire form of an access key, with its last use (`EmulatorState.keyLastUsedTime`): never the secret. */
export function accessKeyView(key: AccessKeyRecord, lastUsedTime: string | undefined): Record<string, unknown> {
  return { id: key.id, createTime: key.createTime, enabled: key.enabled, ...optional('lastUsedTime', lastUsedTime) }
}

/** The createAccessKey answer: the only place a secret is ever returned. */
export function newAccessKeyView(key: AccessKeyRecord): Record<string, unknown> {
  return { id: key.id, secret: key.secret, createTime: key.createTime, enabled: key.enabled }
}

/** The wire form of a group. */
export function groupView(group: GroupRecord): Record<string, unknown> {
  return { id: group.id, name: group.name, createTime: group.createTime, ...optional('description', group.description) }
}

/** The wire form of a policy. */
export function policyView(policy: PolicyRecord): Record<string, unknown> {
  return {
    id: policy.id,
    name: policy.name,
    type: policy.type,
    createTime: policy.createTime,
    ...optional('description', policy.description),
    document: policy.document,
  }
}

/** The wire form of a role. */
export function roleView(role: RoleRecord): Record<string, unknown> {
  return {
    id: role.id,
    name: role.name,
    createTime: role.createTime,
    ...optional('description', role.description),
    assumeRolePolicyDocument: role.assumeRolePolicyDocument,
  }
}

/** The wire form of the IAM-user SSO record (flat, as the Go SDK decodes it). */
export function idpView(idp: IdpRecord): Record<string, unknown> {
  return {
    status: idp.status,
    ...optional('auxiliaryDomain', idp.auxiliaryDomain),
    ...optional('domainId', idp.domainId),
    ...optional('encodeMetadata', idp.encodeMetadata),
    ...optional('fileName', idp.fileName),
    createTime: idp.createTime,
    updateTime: idp.updateTime,
  }
}

/** The STS answer: temporary credentials, secret and token included (the caller needs them). */
export function sessionView(session: SessionRecord, roleId?: string): Record<string, unknown> {
  return {
    accessKeyId: session.accessKeyId,
    secretAccessKey: session.secretAccessKey,
    sessionToken: session.sessionToken,
    createTime: session.createTime,
    expiration: session.expiration,
    userId: session.userId,
    ...optional('roleId', roleId),
  }
}
