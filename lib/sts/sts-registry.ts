import { defineRegistry } from '../operation/registry'
import { assumeRole, getSessionToken } from './sts-operations'

/**
 * Every STS operation, keyed by its method name: the single source of the {@link StsClient}
 * methods, the emulator's STS routes, the catalogue and the README table.
 */
export const STS_OPERATIONS = defineRegistry({ getSessionToken, assumeRole })

/** The STS operation registry's type. */
export type StsOperations = typeof STS_OPERATIONS

/** The name of an STS operation (an {@link StsClient} method). */
export type StsOperationName = keyof StsOperations
