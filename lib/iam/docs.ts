/**
 * Where Baidu documents each family of IAM operations. Operations that Baidu's API reference
 * does not describe link to the Baidu SDK that documents them (the Go SDK's IAM guide, the newer
 * generated Go SDK's client, or the Python SDK's client).
 */

/** Baidu AI Cloud IAM API reference: user management (users, login profiles, MFA, access keys). */
export const USER_DOCS = 'https://intl.cloud.baidu.com/doc/IAM/s/mjx35fixq-en'
/** Baidu AI Cloud IAM API reference: group management. */
export const GROUP_DOCS = 'https://intl.cloud.baidu.com/doc/IAM/s/ljx35h8lx-en'
/** Baidu AI Cloud IAM API reference: policy management and attachments. */
export const POLICY_DOCS = 'https://intl.cloud.baidu.com/doc/IAM/s/Wjx35jxes-en'
/** Baidu AI Cloud IAM API reference: role management. */
export const ROLE_DOCS = 'https://intl.cloud.baidu.com/en/doc/IAM/s/ek5eq1zp1-intl-en'
/** Baidu's Go SDK IAM guide (sub-user SSO, policy entities: not in the API reference). */
export const GO_SDK_DOCS = 'https://github.com/baidubce/bce-sdk-go/blob/master/doc/IAM.md'
/**
 * Baidu's newer, generated Go SDK's IAM client (access-key last use, account summary, MFA device
 * unbinding, entities by grant type).
 */
export const NEW_GO_SDK_DOCS = 'https://github.com/baidubce/baiducloud-go-sdk/blob/main/services/iam/iam_client.go'
/** Baidu's Python SDK IAM client (MFA device unbinding, entities by grant type: only there). */
export const PYTHON_SDK_DOCS =
  'https://github.com/baidubce/bce-sdk-python/blob/master/baidubce/services/iam/iam_client.py'
