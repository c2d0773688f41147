import type { IamClient } from '../..'
import type { Connection } from '../args'
import { cliClient } from '../client'
import { errorText } from '../error-text'
import type { CliIo } from '../io'

/**
 * Runs `work` with a client for `connection` and closes it afterwards; a configuration problem
 * prints its one-line summary and gives exit code 1.
 */
export async function withClient(
  connection: Connection,
  io: CliIo,
  work: (iam: IamClient) => Promise<number>,
): Promise<number> {
  const created = cliClient(connection, io.env)
  if (created.isErr()) {
    io.err(errorText(created.error))
    return 1
  }
  const iam = created.value
  try {
    return await work(iam)
  } finally {
    await iam.close()
  }
}
