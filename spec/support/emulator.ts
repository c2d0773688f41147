import { Agent, type Dispatcher } from 'undici'
import { IamClient, StsClient, type Credentials, type IamClientConfig } from '../../lib'
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../lib/emulator'

/** A started emulator plus a client pointed at it, and a teardown for both. */
export interface EmulatorFixture {
  readonly emulator: RunningEmulator
  readonly iam: IamClient
  close(): Promise<void>
}

/** Starts an emulator and an IamClient with its root credentials over loopback HTTP. */
export async function withEmulator(
  options: EmulatorOptions = {},
  client: Partial<IamClientConfig> = {},
): Promise<EmulatorFixture> {
  const emulator = (await startEmulator(options))._unsafeUnwrap()
  const iam = new IamClient({
    endpoint: emulator.endpoint,
    credentials: emulator.credentials,
    allowInsecureHttp: true,
    ...client,
  })
  return {
    emulator,
    iam,
    close: async () => {
      await iam.close()
      await emulator.close()
    },
  }
}

/**
 * Creates a sub-user through `iam` with the given System policies attached and a key pair;
 * answers its id and those credentials (every step must succeed).
 */
export async function createSubUser(
  iam: IamClient,
  name: string,
  ...systemPolicies: string[]
): Promise<{ id: string; credentials: Credentials }> {
  const user = (await iam.createUser({ name }))._unsafeUnwrap()
  for (const policyName of systemPolicies)
    (await iam.attachPolicyToUser({ userName: name, policyName, policyType: 'System' }))._unsafeUnwrap()
  const key = (await iam.createAccessKey({ userName: name }))._unsafeUnwrap()
  return { id: user.id, credentials: { accessKeyId: key.id, secretAccessKey: key.secret } }
}

/** An undici Agent that counts every request dispatched through it, and can rewrite requests. */
export function countingDispatcher(
  rewrite: (options: Dispatcher.DispatchOptions) => Dispatcher.DispatchOptions = (o) => o,
): { dispatcher: Dispatcher; count: () => number; close: () => Promise<void> } {
  const agent = new Agent({ keepAliveTimeout: 10 })
  let count = 0
  const dispatcher = agent.compose((dispatch) => (options, handler) => {
    count += 1
    return dispatch(rewrite(options), handler)
  })
  return { dispatcher, count: () => count, close: () => agent.close() }
}

/**
 * Clients signing with other credentials (a sub-user's key pair, temporary credentials) against
 * the current fixture's emulator; `closeAll()` closes every client handed out so far.
 */
export function clientsFor(fixture: () => EmulatorFixture): {
  iamAs(credentials: Credentials): IamClient
  stsAs(credentials: Credentials): StsClient
  closeAll(): Promise<void>
} {
  const clients: Array<IamClient | StsClient> = []
  return {
    iamAs(credentials) {
      const client = new IamClient({ endpoint: fixture().emulator.endpoint, credentials, allowInsecureHttp: true })
      clients.push(client)
      return client
    },
    stsAs(credentials) {
      const client = new StsClient({ endpoint: fixture().emulator.stsEndpoint, credentials, allowInsecureHttp: true })
      clients.push(client)
      return client
    },
    closeAll: async () => {
      await Promise.all(clients.splice(0).map((client) => client.close()))
    },
  }
}
