/** Whether IAM-user SSO is switched on. */
export type IdpStatus = 'enable' | 'disable'

/** The account's single IAM-user SSO (SAML IdP) record. */
export interface IdpRecord {
  readonly status: IdpStatus
  readonly auxiliaryDomain: string
  readonly domainId: string
  readonly encodeMetadata: string
  readonly fileName: string
  readonly createTime: string
  readonly updateTime: string
}

/** The record every account starts with (and returns to after deleteSubUserIdp): SSO off. */
export function defaultIdp(domainId: string, now: string): IdpRecord {
  return {
    status: 'disable',
    auxiliaryDomain: '',
    domainId,
    encodeMetadata: '',
    fileName: '',
    createTime: now,
    updateTime: now,
  }
}
