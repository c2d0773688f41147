import { ALL_OPERATIONS } from '../../lib/operations'
import { ROUTES } from '../../lib/emulator/routes'
import type { Route } from '../../lib/emulator/route-match'
import { withEmulator, type EmulatorFixture } from '../support/emulator'
import { officialCanonicalUri } from '../support/official-signer'
import {
  CONFORMANCE_FIXTURES,
  prepareConformanceState,
  type OfficialRequest,
  type OfficialStsMethod,
  type SetupContext,
} from './official-fixtures'

/**
 * Baidu's own JavaScript SDK (`@baiducloud/sdk`), untyped upstream: `BceBaseClient` signs every
 * request with Baidu's `Auth` and sends it with its own HTTP client; `STS` is its STS client.
 */
interface OfficialArgs {
  readonly params?: Readonly<Record<string, string | number>>
  readonly body?: string
}
interface OfficialBaseClient {
  sendRequest(method: string, resource: string, args: OfficialArgs): PromiseLike<unknown>
}
interface OfficialSts extends OfficialBaseClient {
  getSessionToken(durationSeconds: number, params?: Readonly<Record<string, unknown>>): PromiseLike<unknown>
}
interface OfficialConfig {
  readonly endpoint: string
  readonly credentials: { readonly ak: string; readonly sk: string }
  /** Sent as `x-bce-security-token` (and signed, as an `x-bce-*` header) when set. */
  readonly sessionToken?: string
}
/* eslint-disable @typescript-eslint/no-require-imports */
const BceBaseClient = require('@baiducloud/sdk/src/bce_base_client') as new (
  config: OfficialConfig,
  serviceId: string,
  regionSupported: boolean,
) => OfficialBaseClient
const STS = require('@baiducloud/sdk/src/sts') as new (config: OfficialConfig) => OfficialSts
/* eslint-enable @typescript-eslint/no-require-imports */

/** What the official client saw: its promise settles with a response or a plain error object. */
interface Settled {
  readonly ok: boolean
  readonly detail: unknown
}
const settle = (call: PromiseLike<unknown>): Promise<Settled> =>
  Promise.resolve(call).then(
    (detail) => ({ ok: true, detail }),
    (detail: unknown) => ({ ok: false, detail }),
  )

/** The route's path with its `{param}` segments filled in and encoded as the official SDK expects. */
function pathOf(route: Route, params: Readonly<Record<string, string>>): string {
  const filled = route.pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`${route.operation}: its fixture gives no path parameter ${name}`)
    return value
  })
  return officialCanonicalUri(filled)
}

function send(route: Route, official: OfficialBaseClient, sts: OfficialSts, call: OfficialRequest | OfficialStsMethod) {
  if ('viaStsClient' in call) {
    const acl = call.accessControlList === undefined ? undefined : { accessControlList: call.accessControlList }
    return settle(sts.getSessionToken(call.durationSeconds, acl))
  }
  const query: Record<string, string | number> = {
    ...(route.flag === undefined ? {} : { [route.flag]: '' }),
    ...call.query,
  }
  return settle(
    official.sendRequest(route.method, pathOf(route, call.params ?? {}), {
      params: query,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    }),
  )
}

describe("Baidu's official JS SDK against the emulator: every route", () => {
  let fx: EmulatorFixture
  let context: SetupContext
  let iam: OfficialBaseClient
  let stsBase: OfficialBaseClient
  let sts: OfficialSts

  beforeAll(async () => {
    fx = await withEmulator({ seed: 14 })
    context = await prepareConformanceState(fx.iam, fx.emulator.accountId)
    const credentials = { ak: fx.emulator.credentials.accessKeyId, sk: fx.emulator.credentials.secretAccessKey }
    iam = new BceBaseClient({ endpoint: fx.emulator.endpoint, credentials }, 'iam', false)
    stsBase = new BceBaseClient({ endpoint: fx.emulator.stsEndpoint, credentials }, 'sts', true)
    sts = new STS({ endpoint: fx.emulator.stsEndpoint, credentials })
  })
  afterAll(async () => {
    await fx.close()
  })

  it('has a fixture for every route the emulator serves', () => {
    const missing = ROUTES.map((route) => route.operation).filter(
      (operation) => CONFORMANCE_FIXTURES[operation] === undefined,
    )
    // A new operation needs one line in spec/conformance/official-fixtures.ts (CONFORMANCE_FIXTURES).
    expect({ operationsWithoutConformanceFixture: missing }).toEqual({ operationsWithoutConformanceFixture: [] })
  })

  it('has no fixture for an operation the emulator does not serve', () => {
    const served = new Set<string>(ROUTES.map((route) => route.operation))
    expect(Object.keys(CONFORMANCE_FIXTURES).filter((operation) => !served.has(operation))).toEqual([])
  })

  it('accepts the signature of every request and answers each with its route and success status', async () => {
    const outcomes: Array<{ operation: string; ok: boolean; status?: number; matched?: string; detail?: unknown }> = []
    for (const route of ROUTES) {
      const fixture = CONFORMANCE_FIXTURES[route.operation]
      if (fixture === undefined) continue
      const client = ALL_OPERATIONS[route.operation].service === 'sts' ? stsBase : iam
      const before = fx.emulator.requestLog().length
      const settled = await send(route, client, sts, fixture(context))
      const entries = fx.emulator.requestLog().slice(before)
      const entry = entries[entries.length - 1]
      outcomes.push({
        operation: route.operation,
        ok: settled.ok,
        ...(entry === undefined ? {} : { status: entry.status, matched: entry.operation ?? '(no route)' }),
        ...(settled.ok ? {} : { detail: settled.detail }),
      })
    }
    const expected = ROUTES.filter((route) => CONFORMANCE_FIXTURES[route.operation] !== undefined).map((route) => ({
      operation: route.operation,
      ok: true,
      status: route.status,
      matched: route.operation,
    }))
    expect(outcomes).toEqual(expected)
  })

  it("signs with temporary credentials the official STS client obtained; a wrong token is what Baidu's own test expects", async () => {
    const issued = await settle(sts.getSessionToken(900))
    expect(issued.ok).toBe(true)
    const body = (issued.detail as { body: Record<string, string> }).body
    const ak = String(body.accessKeyId)
    const sk = String(body.secretAccessKey)
    const temporary = (sessionToken: string): OfficialBaseClient =>
      new BceBaseClient({ endpoint: fx.emulator.endpoint, credentials: { ak, sk }, sessionToken }, 'iam', false)
    expect((await settle(temporary(String(body.sessionToken)).sendRequest('GET', '/v1/user', {}))).ok).toBe(true)
    // The JS SDK's BOS test (__tests__/putSuperObject.test.ts) expects exactly this rejected-token answer.
    const rejected = await settle(temporary('not-the-token').sendRequest('GET', '/v1/user', {}))
    expect(rejected).toMatchObject({ ok: false, detail: { status_code: 400, code: 'InvalidSessionToken' } })
  })
})
