import { createHash } from 'node:crypto'
import type { AclStatement } from '../../acl/types'
import type { PolicyRecord } from './policies'

/** When the System catalogue "was created" (fixed, so answers are reproducible). */
const CATALOGUE_TIME = '2015-01-01T00:00:00Z'

/** The stable id of a System policy: derived from its name. */
export function systemPolicyId(name: string): string {
  return createHash('sha256').update(`bce-iam-emulator system policy ${name}`).digest('hex').slice(0, 32)
}

function systemPolicy(name: string, description: string, statement: AclStatement): PolicyRecord {
  const id = systemPolicyId(name)
  return {
    id,
    name,
    type: 'System',
    description,
    document: JSON.stringify({ id: `policy_${id}`, accessControlList: [statement] }),
    createTime: CATALOGUE_TIME,
  }
}

/** The read-only System policies every account sees, by name. */
export const SYSTEM_POLICIES: ReadonlyMap<string, PolicyRecord> = new Map(
  [
    systemPolicy('AdministratorAccess', 'Full control of every service and resource of the account', {
      service: '*',
      region: '*',
      resource: ['*'],
      permission: ['*'],
      effect: 'Allow',
    }),
    systemPolicy('ReadOnlyAccess', 'Read-only access to every service and resource of the account', {
      service: '*',
      region: '*',
      resource: ['*'],
      permission: ['READ'],
      effect: 'Allow',
    }),
    systemPolicy('IAMReadAccess', 'Read-only access to IAM', {
      service: 'bce:iam',
      region: '*',
      resource: ['*'],
      permission: ['READ'],
      effect: 'Allow',
    }),
    systemPolicy('IAMFullControlAccess', 'Full control of IAM', {
      service: 'bce:iam',
      region: '*',
      resource: ['*'],
      permission: ['FULL_CONTROL'],
      effect: 'Allow',
    }),
  ].map((policy) => [policy.name, policy]),
)

/** The System policies by id. */
export const SYSTEM_POLICIES_BY_ID: ReadonlyMap<string, PolicyRecord> = new Map(
  [...SYSTEM_POLICIES.values()].map((policy) => [policy.id, policy]),
)
