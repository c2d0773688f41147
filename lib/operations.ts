import { IAM_OPERATIONS, type IamOperationName, type IamOperations } from './iam/iam-operations'
import type { AnyOperationSpec } from './operation/operation'
import { operationsOf } from './operation/registry'
import { STS_OPERATIONS, type StsOperationName, type StsOperations } from './sts/sts-registry'

/** Every operation of the SDK, IAM and STS, keyed by its method name. */
export type AllOperations = IamOperations & StsOperations

/** The name of any SDK operation. */
export type OperationName = IamOperationName | StsOperationName

/** Every operation of the SDK keyed by name (IAM and STS names do not collide). */
export const ALL_OPERATIONS: AllOperations = Object.freeze({ ...IAM_OPERATIONS, ...STS_OPERATIONS })

/**
 * Every declared operation of the SDK, IAM first, in declaration order (internal: the emulator's
 * routes, the README table and documentation checks are derived from it).
 */
export const OPERATION_CATALOG: readonly AnyOperationSpec[] = [
  ...operationsOf(IAM_OPERATIONS),
  ...operationsOf(STS_OPERATIONS),
]
