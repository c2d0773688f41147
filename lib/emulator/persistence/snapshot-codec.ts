import * as t from 'io-ts'

const loginProfile = t.intersection([
  t.type({ needResetPassword: t.boolean, enabledLogin: t.boolean, enabledLoginMfa: t.boolean, createTime: t.string }),
  t.partial({
    password: t.string,
    passwordSetTime: t.string,
    loginMfaType: t.string,
    thirdPartyType: t.string,
    thirdPartyAccount: t.string,
  }),
])

const user = t.intersection([
  t.type({ id: t.string, name: t.string, description: t.string, enabled: t.boolean, createTime: t.string }),
  t.partial({ contact: t.string, loginProfile, operationMfa: t.type({ enabled: t.boolean, mfaTypes: t.string }) }),
])

const accessKey = t.intersection([
  t.type({ id: t.string, secret: t.string, userId: t.string, createTime: t.string, enabled: t.boolean }),
  t.partial({ lastUsedTime: t.string }),
])

const apiKey = t.type({
  id: t.string,
  tokenId: t.string,
  name: t.string,
  userId: t.string,
  acl: t.unknown,
  services: t.readonlyArray(t.string),
  createTime: t.string,
  updateTime: t.string,
})

const group = t.type({ id: t.string, name: t.string, description: t.string, createTime: t.string })

const policy = t.type({
  id: t.string,
  name: t.string,
  type: t.literal('Custom'),
  description: t.string,
  document: t.string,
  createTime: t.string,
})

const role = t.type({
  id: t.string,
  name: t.string,
  description: t.string,
  assumeRolePolicyDocument: t.string,
  createTime: t.string,
})

const idp = t.type({
  status: t.union([t.literal('enable'), t.literal('disable')]),
  auxiliaryDomain: t.string,
  domainId: t.string,
  encodeMetadata: t.string,
  fileName: t.string,
  createTime: t.string,
  updateTime: t.string,
})

const membership = t.type({ groupId: t.string, userId: t.string, joinTime: t.string })

const attachment = t.type({
  target: t.union([t.literal('user'), t.literal('group'), t.literal('role')]),
  targetId: t.string,
  policyId: t.string,
  attachTime: t.string,
})

const subject = t.union([
  t.type({ kind: t.literal('root') }),
  t.type({ kind: t.literal('user'), userId: t.string }),
  t.type({ kind: t.literal('role'), roleId: t.string }),
])

const session = t.intersection([
  t.type({
    accessKeyId: t.string,
    secretAccessKey: t.string,
    sessionToken: t.string,
    createTime: t.string,
    expiration: t.string,
    subject,
    userId: t.string,
  }),
  t.partial({ acl: t.unknown }),
])

const word = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff, 'uint32')

/** The version this emulator writes and reads. */
export const SNAPSHOT_VERSION = 1

/** The codec of each tracked collection's records, to check journal entries as strictly as snapshots. */
export const RECORD_CODECS = {
  users: user,
  accessKeys: accessKey,
  apiKeys: apiKey,
  groups: group,
  policies: policy,
  roles: role,
  sessions: session,
  memberships: membership,
  attachments: attachment,
} as const

/** The codec of the SSO record. */
export const IDP_CODEC = idp

/** The codec of a seeded id generator's position (null: random ids). */
export const ID_POSITION_CODEC = t.union([t.null, t.tuple([word, word, word, word])])

/**
 * The persisted emulator state, version 1: everything needed to resume exactly where it stopped
 * (secrets included: it is the emulator's own store, written with owner-only permissions).
 * Not persisted: the System policy catalogue (built in), limits and the clock offset
 * (configuration), the request log, and expired temporary credentials. `journalGeneration` (0
 * when absent) names the journal entries that apply on top of it; older entries are ignored.
 */
export const snapshotCodec = t.intersection([
  t.type({
    version: t.literal(SNAPSHOT_VERSION),
    accountId: t.string,
    root: t.type({ accessKeyId: t.string, secretAccessKey: t.string }),
    /** The seeded id generator's position, or null when ids are random. */
    idGenerator: ID_POSITION_CODEC,
    users: t.array(user),
    accessKeys: t.array(accessKey),
    groups: t.array(group),
    policies: t.array(policy),
    roles: t.array(role),
    idp,
    memberships: t.array(membership),
    attachments: t.array(attachment),
    sessions: t.array(session),
  }),
  /** Permanent API keys (absent in state files written before they existed: none). */
  t.partial({ journalGeneration: t.number, apiKeys: t.array(apiKey) }),
])

/** A decoded snapshot. */
export type Snapshot = t.TypeOf<typeof snapshotCodec>
