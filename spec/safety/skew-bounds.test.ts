import type { IncomingMessage, ServerResponse } from 'node:http'
import fc from 'fast-check'
import { IamClient } from '../../lib'
import { rawServer, type RawServer } from '../support/raw-server'

const credentials = { accessKeyId: 'ak', secretAccessKey: 'sk' }
const BCE_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/
const HOUR = 3_600_000

/** What the server does with the next request: a skew error carrying `date`, or success. */
type Step = { readonly skewDate: string } | 'ok'

let server: RawServer
let script: Step[] = []
let signedDates: string[] = []

function answer(req: IncomingMessage, res: ServerResponse): void {
  signedDates.push(String(req.headers['x-bce-date']))
  const step = script.shift() ?? 'ok'
  if (step === 'ok') {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"id":"u1","name":"alice"}')
    return
  }
  res.writeHead(403, { 'content-type': 'application/json', date: step.skewDate })
  res.end('{"code":"RequestExpired","message":"x-bce-date is out of range"}')
}

beforeAll(async () => {
  server = await rawServer(answer)
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  script = []
  signedDates = []
})

function client(): IamClient {
  return new IamClient({ endpoint: server.url, credentials, allowInsecureHttp: true, retry: { baseDelayMs: 1 } })
}

function signedAt(text: string | undefined): number {
  return Date.parse(String(text).replace('Z', '.000Z'))
}

describe('a skew answer with an absurd Date cannot disable a client (issue 11, SDK 3)', () => {
  it.each([
    ['year 10000', 'Sat, 01 Jan 10000 00:00:00 GMT'],
    ['year 275760', 'Sat, 13 Sep 275760 00:00:00 GMT'],
    ['the far past', 'Thu, 01 Jan 1970 00:00:00 GMT'],
    ['an unreadable date', 'not a date'],
  ])('%s is ignored: the skew error is returned, and the next call is sent and succeeds', async (_what, date) => {
    const iam = client()
    script = [{ skewDate: date }]
    const first = await iam.getUser({ userName: 'alice' })
    expect(first._unsafeUnwrapErr()).toMatchObject({ _tag: 'BceServiceError', code: 'RequestExpired' })
    const second = await iam.getUser({ userName: 'alice' })
    expect(second.isOk()).toBe(true)
    expect(signedDates).toHaveLength(2)
    expect(Math.abs(signedAt(signedDates[1]) - Date.now())).toBeLessThan(HOUR)
    await iam.close()
  })

  it('a plausible but wrong Date is learned, and a later sane answer corrects it', async () => {
    const iam = client()
    script = [{ skewDate: 'Fri, 01 Jan 2099 00:00:00 GMT' }, 'ok']
    expect((await iam.getUser({ userName: 'alice' })).isOk()).toBe(true)
    expect(signedDates[1]?.startsWith('2099-01-01')).toBe(true)
    script = [{ skewDate: new Date().toUTCString() }, 'ok']
    expect((await iam.getUser({ userName: 'alice' })).isOk()).toBe(true)
    expect(signedDates).toHaveLength(4)
    expect(signedDates[2]?.startsWith('2099-01-01')).toBe(true)
    expect(Math.abs(signedAt(signedDates[3]) - Date.now())).toBeLessThan(HOUR)
    await iam.close()
  })

  it('property: whatever the Date header says, the next call is sent, correctly timestamped, and succeeds', async () => {
    const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) })
    const extremeDate = fc
      .oneof(
        fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }),
        fc.integer({ min: 253_402_300_000_000, max: 253_402_400_000_000 }),
        fc.integer({ min: -62_198_755_200_000, max: -62_135_596_800_000 }),
      )
      .map((ms) => new Date(ms).toUTCString())
    await fc.assert(
      fc.asyncProperty(fc.oneof(headerText, extremeDate), async (date) => {
        fc.pre(date.trim().length > 0)
        const iam = client()
        script = [{ skewDate: date }]
        signedDates = []
        await iam.getUser({ userName: 'alice' })
        const before = signedDates.length
        const next = await iam.getUser({ userName: 'alice' })
        await iam.close()
        expect(next.isOk()).toBe(true)
        expect(signedDates.length).toBe(before + 1)
        for (const sent of signedDates) expect(sent).toMatch(BCE_TIMESTAMP)
      }),
      { numRuns: 150 },
    )
  })
})
