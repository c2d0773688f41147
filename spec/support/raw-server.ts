import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { IamClient, type IamClientConfig } from '../../lib'

/** A bare HTTP server on loopback for transport tests; `hits` counts requests it saw. */
export interface RawServer {
  readonly url: string
  hits(): number
  close(): Promise<void>
}

/** Starts a loopback HTTP server answering with `handler` (which may never answer). */
export async function rawServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<RawServer> {
  let hits = 0
  const server = createServer((req, res) => {
    hits += 1
    req.resume()
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<string> {
  const server = await rawServer(() => undefined)
  await server.close()
  return server.url
}

/** A client for transport tests: dummy credentials, plain HTTP allowed, one attempt per call. */
export function singleAttemptClient(endpoint: string, extra: Partial<IamClientConfig> = {}): IamClient {
  return new IamClient({
    endpoint,
    credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' },
    allowInsecureHttp: true,
    retry: false,
    ...extra,
  })
}
