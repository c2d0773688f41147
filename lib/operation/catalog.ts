import type { OperationSpec } from './operation'
import * as keys from '../iam/access-key-operations'
import * as groups from '../iam/group-operations'
import * as idp from '../iam/idp-operations'
import * as policies from '../iam/policy-operations'
import * as roles from '../iam/role-operations'
import * as users from '../iam/user-operations'
import * as sts from '../sts/sts-operations'

/** Which service an operation belongs to. */
export type ServiceName = 'iam' | 'sts'

/** An operation of the catalogue, with its service. */
export interface CatalogEntry {
  readonly service: ServiceName
  readonly spec: OperationSpec<never, unknown>
}

const isSpec = (value: unknown): value is OperationSpec<never, unknown> =>
  typeof value === 'object' && value !== null && 'method' in value && 'path' in value && 'reader' in value

const specsOf = (module: Record<string, unknown>): Array<OperationSpec<never, unknown>> =>
  Object.values(module).filter(isSpec)

/** Every declared operation of the SDK (internal: used by tests and documentation checks). */
export const OPERATION_CATALOG: readonly CatalogEntry[] = [
  ...[users, keys, groups, policies, roles, idp].flatMap((module) =>
    specsOf(module).map((spec) => ({ service: 'iam' as const, spec })),
  ),
  ...specsOf(sts).map((spec) => ({ service: 'sts' as const, spec })),
]
