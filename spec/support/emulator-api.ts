import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../lib/emulator'
import { sendSigned, type RawResponse, type Signer } from './signed-request'

/** Options of one {@link EmulatorApi.call}. */
export interface CallOptions {
  readonly query?: Readonly<Record<string, string | null>>
  readonly body?: unknown
  /** Who signs (default: the root key pair). */
  readonly as?: Signer
  readonly tokenUnsigned?: boolean
  readonly unsigned?: boolean
}

/** A started emulator and a raw signed-request caller that follows its clock. */
export interface EmulatorApi {
  readonly emulator: RunningEmulator
  readonly root: Signer
  /** Sends a signed request, stamped with the emulator's current time. */
  call(method: string, path: string, options?: CallOptions): Promise<RawResponse>
  /** Moves the emulator clock (and the signing clock with it). */
  moveClock(offsetMs: number): void
  close(): Promise<void>
}

/** Starts an emulator (any options) and returns a raw API caller for it. */
export async function startApi(options: EmulatorOptions = {}): Promise<EmulatorApi> {
  const emulator = (await startEmulator(options))._unsafeUnwrap()
  let offsetMs = options.clockOffsetMs ?? 0
  return {
    emulator,
    root: emulator.credentials,
    call: (method, path, callOptions = {}) =>
      sendSigned(emulator.endpoint, {
        method,
        path,
        credentials: callOptions.as ?? emulator.credentials,
        at: new Date(Date.now() + offsetMs),
        ...(callOptions.query === undefined ? {} : { query: callOptions.query }),
        ...(callOptions.body === undefined ? {} : { body: callOptions.body }),
        ...(callOptions.tokenUnsigned === undefined ? {} : { tokenUnsigned: callOptions.tokenUnsigned }),
        ...(callOptions.unsigned === undefined ? {} : { unsigned: callOptions.unsigned }),
      }),
    moveClock: (ms) => {
      emulator.setClockOffset(ms)._unsafeUnwrap()
      offsetMs = ms
    },
    close: async () => {
      await emulator.close()
    },
  }
}

/** Narrows a response body to a record for property access in tests. */
export function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`)
  return value as Record<string, unknown>
}

/** The `name` of each element of a list field. */
export function namesIn(body: unknown, field: string): string[] {
  const list = record(body)[field]
  if (!Array.isArray(list)) throw new Error(`expected ${field} to be an array`)
  return list.map((item) => String(record(item).name))
}

/** A policy document (ACL JSON string) allowing `permission` on `service`. */
export function aclDocument(
  service = 'bcc',
  permission: readonly string[] = ['READ'],
  effect: 'Allow' | 'Deny' = 'Allow',
): string {
  return JSON.stringify({ accessControlList: [{ service, region: '*', resource: ['*'], permission, effect }] })
}

/** A trust document letting `grantee` (an account id or `*`) assume a role. */
export function trustDocument(
  grantee: string,
  effect: 'Allow' | 'Deny' = 'Allow',
  permission: readonly string[] = ['AssumeRole'],
): string {
  return JSON.stringify({
    version: 'v1',
    accessControlList: [{ service: 'bce:iam', region: '*', permission, effect, grantee: [{ id: grantee }] }],
  })
}
