/**
 * Checks that the honest floor does the SDK's body work and no less: the `User` it shapes from the
 * canned getUser body has the same keys and values as the one `iam.getUser` resolves to against
 * the same server (dates compared by time).
 */
import { shapeUser } from './honest-user'
import { CREDENTIALS, GET_USER_BODY, USER_NAME } from './fixtures'
import { sdk as compiled } from './sdk'
import type { BenchServer } from './server-control'

export interface HonestCheck {
  readonly identical: boolean
  /** Both values, rendered (dates as ISO strings) for the report when they differ. */
  readonly sdk: string
  readonly floor: string
}

const render = (value: unknown): string =>
  value === undefined
    ? 'undefined'
    : JSON.stringify(
        Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => [k, v instanceof Date ? `Date(${v.toISOString()})` : v]),
        ),
      )

export async function checkHonestFloor(server: BenchServer): Promise<HonestCheck> {
  const iam = new (compiled().index.IamClient)({
    endpoint: server.origin,
    credentials: CREDENTIALS,
    allowInsecureHttp: true,
  })
  try {
    const result = await iam.getUser({ userName: USER_NAME })
    const sdk = render(result.isOk() ? result.value : undefined)
    const floor = render(shapeUser(JSON.parse(GET_USER_BODY)))
    return { identical: result.isOk() && sdk === floor, sdk, floor }
  } finally {
    await iam.close()
  }
}
