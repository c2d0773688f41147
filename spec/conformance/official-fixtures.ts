import type { ResultAsync } from 'neverthrow'
import type { IamClient } from '../../lib'
import type { OperationName } from '../../lib/operations'

/** What the conformance suite's setup created (with this SDK), for fixtures that need ids. */
export interface SetupContext {
  readonly accountId: string
  /** The id of sub-user `alice` (who has a login profile and access keys). */
  readonly aliceId: string
  readonly policyId: string
  readonly keyToDisable: string
  readonly keyToEnable: string
  readonly keyToDelete: string
  /** An API key of the root account, and one the `deleteApiKey` fixture removes. */
  readonly apiKeyId: string
  readonly apiKeyToDelete: string
}

/**
 * One request of an official client, on the route's own method and path (taken from the
 * emulator's route, not from here): path parameters, query parameters and a JSON body.
 */
export interface OfficialRequest {
  readonly params?: Readonly<Record<string, string>>
  readonly query?: Readonly<Record<string, string | number>>
  readonly body?: unknown
}

/** The official STS client's own method (not the generic `sendRequest`). */
export interface OfficialStsMethod {
  readonly viaStsClient: 'getSessionToken'
  readonly durationSeconds: number
  readonly accessControlList?: readonly Record<string, unknown>[]
}

/** How to call one operation with an official client so that it succeeds, given the setup. */
export type ConformanceFixture = (context: SetupContext) => OfficialRequest | OfficialStsMethod

const ACL = {
  accessControlList: [{ service: 'bce:bos', region: '*', resource: ['*'], permission: ['READ'], effect: 'Allow' }],
}
const DOCUMENT = JSON.stringify(ACL)
const API_KEY_ACL = {
  accessControlList: [
    {
      service: 'bce:ai_apaas',
      region: 'global',
      resource: ['app/46484bef'],
      permission: ['UseApp'],
      effect: 'Allow' as const,
    },
  ],
}
const trust = (accountId: string): string =>
  JSON.stringify({
    version: 'v1',
    accessControlList: [
      { service: 'bce:iam', region: '*', permission: ['AssumeRole'], effect: 'Allow', grantee: [{ id: accountId }] },
    ],
  })

/**
 * The state every fixture below relies on, created with this SDK as the root account. Each
 * destructive fixture has its own entity (`bob`, `old-group`, …), so the order the routes run in
 * does not matter.
 */
export async function prepareConformanceState(iam: IamClient, accountId: string): Promise<SetupContext> {
  const must = async <T, E>(step: string, call: ResultAsync<T, E>): Promise<T> => {
    const result = await call
    if (result.isErr()) throw new Error(`conformance setup failed at ${step}`)
    return result.value
  }
  const alice = await must('createUser alice', iam.createUser({ name: 'alice' }))
  for (const name of ['bob', 'carol', 'dave', 'erin']) await must(`createUser ${name}`, iam.createUser({ name }))
  for (const name of ['devs', 'old-group']) await must(`createGroup ${name}`, iam.createGroup({ name }))
  for (const name of ['p-main', 'p-old', 'p-user', 'p-group', 'p-role'])
    await must(`createPolicy ${name}`, iam.createPolicy({ name, document: DOCUMENT }))
  for (const name of ['r-main', 'r-old'])
    await must(`createRole ${name}`, iam.createRole({ name, assumeRolePolicyDocument: trust(accountId) }))
  await must('updateLoginProfile alice', iam.updateLoginProfile({ userName: 'alice', password: 'Conform4nce!pw' }))
  await must('updateLoginProfile erin', iam.updateLoginProfile({ userName: 'erin', password: 'Conform4nce!pw' }))
  await must('addUserToGroup carol', iam.addUserToGroup({ groupName: 'devs', userName: 'carol' }))
  await must('attach p-user', iam.attachPolicyToUser({ userName: 'carol', policyName: 'p-user' }))
  await must('attach p-group', iam.attachPolicyToGroup({ groupName: 'devs', policyName: 'p-group' }))
  await must('attach p-role', iam.attachPolicyToRole({ roleName: 'r-main', policyName: 'p-role' }))
  const key = async (): Promise<string> =>
    (await must('createAccessKey', iam.createAccessKey({ userName: 'alice' }))).id
  const [keyToDisable, keyToEnable, keyToDelete] = [await key(), await key(), await key()]
  await must('disableAccessKey', iam.disableAccessKey({ userName: 'alice', accessKeyId: keyToEnable }))
  const policy = await must('getPolicy p-main', iam.getPolicy({ policyName: 'p-main' }))
  const apiKey = async (name: string): Promise<string> =>
    (await must(`createApiKey ${name}`, iam.createApiKey({ acl: API_KEY_ACL, name }))).id
  const [apiKeyId, apiKeyToDelete] = [await apiKey('kept'), await apiKey('doomed')]
  return {
    accountId,
    aliceId: alice.id,
    policyId: policy.id,
    keyToDisable,
    keyToEnable,
    keyToDelete,
    apiKeyId,
    apiKeyToDelete,
  }
}

/**
 * A request per operation that an official client sends and the emulator must accept. The
 * conformance test iterates over the emulator's routes and fails, naming the operation, when an
 * entry is missing: a new operation needs its line here.
 */
export const CONFORMANCE_FIXTURES: Readonly<Partial<Record<OperationName, ConformanceFixture>>> = {
  createUser: () => ({ body: { name: 'new-user', description: 'from the official client' } }),
  getUser: () => ({ params: { userName: 'alice' } }),
  updateUser: () => ({ params: { userName: 'alice' }, body: { description: 'updated' } }),
  deleteUser: () => ({ params: { userName: 'bob' } }),
  listUsers: () => ({}),
  updateLoginProfile: () => ({ params: { userName: 'alice' }, body: { needResetPassword: true, enabledLogin: true } }),
  getLoginProfile: () => ({ params: { userName: 'alice' } }),
  deleteLoginProfile: () => ({ params: { userName: 'erin' } }),
  setUserOperationMfa: () => ({ body: { userName: 'alice', enabledMfa: true, mfaType: 'TOTP' } }),
  unbindUserMfaDevice: () => ({ params: { userName: 'alice', mfaType: 'TOTP' } }),
  updateSubUser: () => ({ params: { userName: 'alice' }, body: { enable: true } }),
  createAccessKey: () => ({ params: { userName: 'alice' } }),
  disableAccessKey: (c) => ({ params: { userName: 'alice', accessKeyId: c.keyToDisable } }),
  enableAccessKey: (c) => ({ params: { userName: 'alice', accessKeyId: c.keyToEnable } }),
  deleteAccessKey: (c) => ({ params: { userName: 'alice', accessKeyId: c.keyToDelete } }),
  getAccessKeyLastUsedTime: (c) => ({ params: { accessKeyId: c.keyToDisable } }),
  getAccountSummary: () => ({}),
  getSigninSecurityToken: (c) => ({ query: { userId: c.aliceId } }),
  listAccessKeys: () => ({ params: { userName: 'alice' } }),
  createGroup: () => ({ body: { name: 'new-group', description: 'from the official client' } }),
  getGroup: () => ({ params: { groupName: 'devs' } }),
  updateGroup: () => ({ params: { groupName: 'devs' }, body: { description: 'updated' } }),
  deleteGroup: () => ({ params: { groupName: 'old-group' } }),
  listGroups: () => ({}),
  addUserToGroup: () => ({ params: { groupName: 'devs', userName: 'dave' } }),
  removeUserFromGroup: () => ({ params: { groupName: 'devs', userName: 'carol' } }),
  listUsersInGroup: () => ({ params: { groupName: 'devs' } }),
  listGroupsForUser: () => ({ params: { userName: 'carol' } }),
  createPolicy: () => ({ body: { name: 'p-new', description: 'from the official client', document: DOCUMENT } }),
  getPolicy: () => ({ params: { policyName: 'p-main' }, query: { policyType: 'Custom' } }),
  updatePolicy: () => ({
    params: { policyName: 'p-main' },
    body: { name: 'p-main', description: 'u', document: DOCUMENT },
  }),
  deletePolicy: () => ({ params: { policyName: 'p-old' } }),
  listPolicies: () => ({ query: { policyType: 'Custom' } }),
  attachPolicyToUser: () => ({ params: { userName: 'alice', policyName: 'p-main' }, query: { policyType: 'Custom' } }),
  detachPolicyFromUser: () => ({ params: { userName: 'carol', policyName: 'p-user' } }),
  listUserAttachedPolicies: () => ({ params: { userName: 'carol' } }),
  attachPolicyToGroup: () => ({ params: { groupName: 'devs', policyName: 'p-main' } }),
  detachPolicyFromGroup: () => ({ params: { groupName: 'devs', policyName: 'p-group' } }),
  listGroupAttachedPolicies: () => ({ params: { groupName: 'devs' } }),
  attachPolicyToRole: () => ({ params: { roleName: 'r-main', policyName: 'p-main' } }),
  detachPolicyFromRole: () => ({ params: { roleName: 'r-main', policyName: 'p-role' } }),
  listRoleAttachedPolicies: () => ({ params: { roleName: 'r-main' } }),
  listPolicyEntities: (c) => ({ params: { policyId: c.policyId } }),
  listPolicyEntitiesByGrantType: (c) => ({ params: { policyId: c.policyId, grantType: 'UserPolicy' } }),
  createRole: (c) => ({
    body: { name: 'r-new', description: 'from the official client', assumeRolePolicyDocument: trust(c.accountId) },
  }),
  getRole: () => ({ params: { roleName: 'r-main' } }),
  updateRole: () => ({ params: { roleName: 'r-main' }, body: { description: 'updated' } }),
  deleteRole: () => ({ params: { roleName: 'r-old' } }),
  listRoles: () => ({}),
  getSubUserIdp: () => ({}),
  createApiKey: () => ({ body: { acl: API_KEY_ACL, name: 'from-official' } }),
  listApiKeys: () => ({ body: { pageNo: 1, pageSize: 10 } }),
  getApiKey: (c) => ({ body: { id: c.apiKeyId } }),
  updateApiKey: (c) => ({ body: { id: c.apiKeyId, acl: API_KEY_ACL } }),
  deleteApiKey: (c) => ({ body: { id: c.apiKeyToDelete } }),
  decryptApiKey: (c) => ({ body: { id: c.apiKeyId } }),
  getBearerToken: () => ({ query: { expireInSeconds: 600 } }),
  updateSubUserIdpStatus: () => ({ query: { status: 'enable' } }),
  updateSubUserIdp: () => ({
    body: { fileName: 'idp.xml', encodeMetadata: 'PG1ldGFkYXRhLz4=', auxiliaryDomain: 'example.com' },
  }),
  deleteSubUserIdp: () => ({}),
  getSessionToken: () => ({
    viaStsClient: 'getSessionToken',
    durationSeconds: 900,
    accessControlList: [{ service: 'bce:bos', region: '*', effect: 'Allow', resource: ['*'], permission: ['READ'] }],
  }),
  assumeRole: (c) => ({ query: { accountId: c.accountId, roleName: 'r-main', durationSeconds: 900 } }),
}
