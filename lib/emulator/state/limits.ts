import { err, ok, type Result } from 'neverthrow'

/** Account limits the emulator enforces (BCE's published numbers by default). */
export interface EmulatorLimits {
  /** Sub-users per account (default 500). */
  readonly usersPerAccount: number
  /** Groups per account (default 50). */
  readonly groupsPerAccount: number
  /** Sub-users in one group (default 20). */
  readonly usersPerGroup: number
  /** Policies attached to one group (default 5). */
  readonly policiesPerGroup: number
  /** Access keys per sub-user (default 20). */
  readonly accessKeysPerUser: number
  /** Permanent API keys of one user (or of the root account): 200 (Baidu's API key overview). */
  readonly apiKeysPerUser: number
  /**
   * Temporary credentials (live, or expired less than a day ago) acting for one principal: the
   * root account, one sub-user, or one role. An emulator bound: BCE documents none.
   */
  readonly sessionsPerPrincipal: number
  /** Temporary credentials of the whole account (same counting). An emulator bound. */
  readonly sessionsPerAccount: number
}

/**
 * BCE's system restrictions, and the emulator's own bounds on temporary credentials (100 per
 * principal, 500 per account: with ACLs of at most 6,144 characters, sessions can never add more
 * than a few MB to the state).
 */
export const DEFAULT_LIMITS: EmulatorLimits = {
  usersPerAccount: 500,
  groupsPerAccount: 50,
  usersPerGroup: 20,
  policiesPerGroup: 5,
  accessKeysPerUser: 20,
  apiKeysPerUser: 200,
  sessionsPerPrincipal: 100,
  sessionsPerAccount: 500,
}

const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as ReadonlyArray<keyof EmulatorLimits>

/**
 * Merges a partial update into `current`, or explains why it is invalid: every given limit must
 * be a known name holding a non-negative safe integer.
 */
export function mergeLimits(current: EmulatorLimits, update: unknown): Result<EmulatorLimits, string> {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) return err('limits must be an object')
  const merged: Record<string, number> = { ...current }
  for (const [name, value] of Object.entries(update)) {
    if (!(LIMIT_NAMES as readonly string[]).includes(name))
      return err(`unknown limit ${JSON.stringify(name)} (known: ${LIMIT_NAMES.join(', ')})`)
    if (value === undefined) continue
    if (!Number.isSafeInteger(value) || (value as number) < 0)
      return err(`limit ${name} must be a non-negative integer`)
    merged[name] = value as number
  }
  return ok(merged as unknown as EmulatorLimits)
}
