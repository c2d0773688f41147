import { EmulatorClock } from './clock'
import { IdGenerator } from './ids'

/** Account limits the emulator enforces (BCE's published numbers by default). */
export interface EmulatorLimits {
  readonly usersPerAccount: number
  readonly groupsPerAccount: number
  readonly usersPerGroup: number
  readonly policiesPerGroup: number
  readonly accessKeysPerUser: number
}

/** BCE's system restrictions. */
export const DEFAULT_LIMITS: EmulatorLimits = {
  usersPerAccount: 500,
  groupsPerAccount: 50,
  usersPerGroup: 20,
  policiesPerGroup: 5,
  accessKeysPerUser: 20,
}

/** A stored sub-user. */
export interface UserRecord {
  id: string
  name: string
  description: string
  enabled: boolean
  createTime: string
}

/** The root account's key pair. */
export interface RootCredentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
}

/**
 * All emulator state. Names are case-sensitive (`Alice` and `alice` are two users). Requests
 * are handled one at a time (Node's event loop and synchronous handlers), so every request
 * sees a serial history.
 */
export class EmulatorState {
  readonly users = new Map<string, UserRecord>()
  readonly ids: IdGenerator
  readonly clock: EmulatorClock
  readonly limits: EmulatorLimits
  readonly root: RootCredentials

  constructor(root: RootCredentials, clock: EmulatorClock, ids: IdGenerator, limits: EmulatorLimits) {
    this.root = root
    this.clock = clock
    this.ids = ids
    this.limits = limits
  }

  /** The secret of an access key that may authenticate now, or undefined. */
  secretOf(accessKeyId: string): string | undefined {
    return accessKeyId === this.root.accessKeyId ? this.root.secretAccessKey : undefined
  }

  /** Emulator time as a BCE DateTime string. */
  timestamp(): string {
    return `${new Date(this.clock.now()).toISOString().slice(0, 19)}Z`
  }
}
