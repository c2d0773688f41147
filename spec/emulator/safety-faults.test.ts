import fc from 'fast-check'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { IamClient } from '../../lib'
import { parseFault } from '../../lib/emulator/faults/fault'
import { checkRetryAfter } from '../../lib/emulator/faults/retry-after'
import { writeAnswer, writeAnswerSlowly, writeAnswerTruncated } from '../../lib/emulator/http-server'
import { serviceErrorOf } from '../support/expect-error'
import { record, startApi, type EmulatorApi } from '../support/emulator-api'

const HTTP_DATE = 'Sun, 06 Nov 1994 08:49:37 GMT'

describe('checkRetryAfter: only delta-seconds or an IMF-fixdate', () => {
  it.each(['0', '2', '120', '9999999999', HTTP_DATE, 'Wed, 01 Jan 2031 00:00:00 GMT'])('accepts %j', (value) => {
    expect(checkRetryAfter(value)._unsafeUnwrap()).toBe(value)
  })

  it.each([
    '',
    '1\r\nx-evil: 1',
    '1\n',
    '\r',
    '2\u0000',
    'ünïcödé',
    '秒',
    '-1',
    '+1',
    '1.5',
    ' 1',
    '1 ',
    '12345678901',
    'soon',
    'Sunday, 06-Nov-94 08:49:37 GMT',
    'Sun Nov  6 08:49:37 1994',
    'Mon, 06 Nov 1994 08:49:37 GMT', // wrong weekday
    'Sun, 31 Feb 1994 08:49:37 GMT', // no such day
    'Sun, 06 Nov 1994 25:49:37 GMT',
    `${HTTP_DATE}\r\n`,
  ])('refuses %j', (value) => {
    expect(checkRetryAfter(value)._unsafeUnwrapErr()).toMatch(/retryAfter must be delta-seconds/)
  })

  it('property: whatever it accepts is a valid HTTP header value (Latin-1 printable, no CR/LF)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string(), fc.nat().map(String)), (value) => {
        if (checkRetryAfter(value).isOk()) expect(value).toMatch(/^[\x20-\x7e]+$/)
      }),
      { numRuns: 2000 },
    )
  })

  it('parseFault refuses a status fault with a bad retryAfter and keeps a good one', () => {
    expect(parseFault({ type: 'status', status: 503, retryAfter: '1\r\nx: y' })._unsafeUnwrapErr()).toMatch(
      /retryAfter/,
    )
    expect(parseFault({ type: 'status', status: 503, retryAfter: '€' })._unsafeUnwrapErr()).toMatch(/retryAfter/)
    expect(parseFault({ type: 'status', status: 503, retryAfter: '7' })._unsafeUnwrap()).toEqual({
      type: 'status',
      status: 503,
      retryAfter: '7',
    })
  })
})

describe('injecting a fault with a bad Retry-After (E5, end to end)', () => {
  let api: EmulatorApi
  beforeEach(async () => {
    api = await startApi({ seed: 5 })
  })
  afterEach(async () => api.close())

  const statusFault = (retryAfter: string) => ({
    operation: 'listUsers' as const,
    fault: { type: 'status' as const, status: 503 as const, retryAfter },
  })

  it('the admin API answers 400 and queues nothing; injectFaults is an error result; the emulator keeps serving', async () => {
    for (const bad of ['1\r\nx-evil: 1', 'ünïcödé', '秒']) {
      const answer = await api.call('POST', '/__emulator/faults', { body: { instructions: [statusFault(bad)] } })
      expect(answer.status).toBe(400)
      expect(record(answer.body)).toMatchObject({ code: 'InappropriateJSON' })
      const injected = api.emulator.injectFaults([statusFault(bad)])
      expect(injected._unsafeUnwrapErr()).toMatchObject({ _tag: 'BceClientError', reason: 'InvalidInput' })
      expect(
        api.emulator
          .injectFaults([{ operation: '*', fault: { type: 'status', status: 429, retryAfter: bad } }])
          .isErr(),
      ).toBe(true)
    }
    expect(api.emulator.faultReport().pending).toEqual([])
    const listed = await api.call('GET', '/v1/user')
    expect(listed.status).toBe(200)
  })

  it('a valid delta-seconds or HTTP-date reaches the client as Retry-After', async () => {
    for (const value of ['3', HTTP_DATE]) {
      expect(api.emulator.injectFaults([statusFault(value)]).isOk()).toBe(true)
      const answer = await api.call('GET', '/v1/user')
      expect(answer.status).toBe(503)
      expect(answer.headers['retry-after']).toBe(value)
    }
  })

  it('chaos settings with a bad retryAfter are refused too', async () => {
    const answer = await api.call('PUT', '/__emulator/chaos', {
      body: { rate: 1, faults: [{ type: 'status', status: 503, retryAfter: 'x\ny' }] },
    })
    expect(answer.status).toBe(400)
    expect(api.emulator.faultReport().chaos).toBeUndefined()
  })

  it('an SDK client sees the injected 503 as a service error, and the next call succeeds', async () => {
    const iam = new IamClient({
      endpoint: api.emulator.endpoint,
      credentials: api.root,
      allowInsecureHttp: true,
      retry: false,
    })
    try {
      api.emulator.injectFaults([statusFault('0')])._unsafeUnwrap()
      expect(serviceErrorOf(await iam.listUsers())).toMatchObject({ statusCode: 503, code: 'ServiceUnavailable' })
      expect((await iam.listUsers()).isOk()).toBe(true)
    } finally {
      await iam.close()
    }
  })
})

describe('the write path never throws on a header Node refuses', () => {
  let server: Server
  const thrown: unknown[] = []
  afterEach(async () => {
    thrown.length = 0
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  /** Serves one answer with a bad header through `write`; resolves to what the client saw. */
  async function serveBadHeader(write: typeof writeAnswer): Promise<'reset' | number> {
    server = createServer((_req, res) => {
      try {
        write(res, {
          status: 503,
          headers: { 'retry-after': '1\r\nx-evil: 1', 'x-u': 'ü€' },
          payload: Buffer.from('{}'),
        })
      } catch (error) {
        thrown.push(error)
        res.destroy()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    const { port } = server.address() as AddressInfo
    return new Promise((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        resolve(res.statusCode ?? 0)
        res.resume()
      })
      req.on('error', () => resolve('reset'))
      req.end()
    })
  }

  it.each([
    ['writeAnswer', writeAnswer],
    ['writeAnswerSlowly', (res, answer) => writeAnswerSlowly(res, answer, 1)],
    ['writeAnswerTruncated', writeAnswerTruncated],
  ] as ReadonlyArray<readonly [string, typeof writeAnswer]>)(
    '%s destroys the connection instead of throwing',
    async (_name, write) => {
      expect(await serveBadHeader(write)).toBe('reset')
      expect(thrown).toEqual([])
    },
  )
})
