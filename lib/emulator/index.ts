/**
 * The local IAM/STS emulator: `import { startEmulator } from 'bce-iam/emulator'`.
 *
 * @packageDocumentation
 */
export { startEmulator } from './start'
export type { EmulatorOptions, RunningEmulator } from './start'
export type { EmulatorLimits, RootCredentials } from './state'
export { DEFAULT_LIMITS } from './state'
export type { RequestLogEntry } from './request-log'
export { ADMIN_PREFIX } from './admin/admin-api'
export type { Fault, FaultInstruction } from './faults/fault'
export { FAULT_STATUSES } from './faults/fault'
export type { ChaosSettings, ConsumedFault, FaultReport, PendingFault } from './faults/fault-queue'
