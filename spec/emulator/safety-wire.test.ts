import { createHash } from 'node:crypto'
import { connect } from 'node:net'
import { redactQuery } from '../../lib/emulator/request-log'
import { record, startApi, type EmulatorApi } from '../support/emulator-api'
import { sendRawSigned } from '../support/raw-signed'

let api: EmulatorApi
beforeEach(async () => {
  api = await startApi({ seed: 11 })
})
afterEach(async () => {
  await api.close()
})

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8')
const md5 = (bytes: Buffer): string => createHash('md5').update(bytes).digest('base64')
const userNames = async (): Promise<string[]> =>
  (record((await api.call('GET', '/v1/user')).body).users as Array<{ name: string }>).map((u) => u.name)

describe('encoded separators in path segments (issue 11, emulator 7)', () => {
  it.each(['%2F', '%2f', '%5C', '%5c'])(
    'answers 400 InvalidURI for a request signed for /v1/user/alice/accesskey but sent with %s',
    async (escape) => {
      await api.call('POST', '/v1/user', { body: { name: 'alice' } })
      const separator = escape.toUpperCase() === '%2F' ? '/' : '\\'
      const answer = await sendRawSigned(api.emulator.endpoint, {
        method: 'POST',
        signedPath: `/v1/user/alice${separator}accesskey`,
        rawPath: `/v1/user/alice${escape}accesskey`,
        credentials: api.root,
      })
      expect(answer.status).toBe(400)
      expect(answer.body).toMatchObject({ code: 'InvalidURI' })
      expect(record((await api.call('GET', '/v1/user/alice/accesskey')).body).accessKeys).toEqual([])
    },
  )

  it('still serves the same request sent with a real slash', async () => {
    await api.call('POST', '/v1/user', { body: { name: 'alice' } })
    const answer = await sendRawSigned(api.emulator.endpoint, {
      method: 'POST',
      signedPath: '/v1/user/alice/accesskey',
      credentials: api.root,
    })
    expect(answer.status).toBe(200)
    expect(record((await api.call('GET', '/v1/user/alice/accesskey')).body).accessKeys).toHaveLength(1)
  })
})

describe('Content-MD5 (issue 11, emulator 8)', () => {
  it('answers 400 BadDigest for a signed Content-MD5 of other bytes, and applies nothing', async () => {
    const body = json({ name: 'digest' })
    const answer = await sendRawSigned(api.emulator.endpoint, {
      method: 'POST',
      signedPath: '/v1/user',
      body,
      headers: { 'content-md5': md5(json({ name: 'other' })) },
      credentials: api.root,
    })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ code: 'BadDigest' })
    expect(await userNames()).toEqual([])
  })

  it('answers 400 InvalidDigest for a Content-MD5 that is not a base64 MD5', async () => {
    const answer = await sendRawSigned(api.emulator.endpoint, {
      method: 'POST',
      signedPath: '/v1/user',
      body: json({ name: 'digest' }),
      headers: { 'content-md5': 'not-a-digest' },
      credentials: api.root,
    })
    expect(answer).toMatchObject({ status: 400, body: { code: 'InvalidDigest' } })
    expect(await userNames()).toEqual([])
  })

  it('accepts a matching Content-MD5', async () => {
    const body = json({ name: 'digest' })
    const answer = await sendRawSigned(api.emulator.endpoint, {
      method: 'POST',
      signedPath: '/v1/user',
      body,
      headers: { 'content-md5': md5(body) },
      credentials: api.root,
    })
    expect(answer.status).toBe(201)
    expect(await userNames()).toEqual(['digest'])
  })
})

describe('invalid UTF-8 and percent-encoded names (issue 11, emulator 13)', () => {
  it('answers 400 MalformedJSON for a body with invalid UTF-8, creating no user named U+FFFD', async () => {
    const body = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])
    const answer = await sendRawSigned(api.emulator.endpoint, {
      method: 'POST',
      signedPath: '/v1/user',
      body,
      credentials: api.root,
    })
    expect(answer).toMatchObject({ status: 400, body: { code: 'MalformedJSON' } })
    expect(await userNames()).toEqual([])
  })

  it('accepts the same name in valid UTF-8', async () => {
    const answer = await sendRawSigned(api.emulator.endpoint, {
      method: 'POST',
      signedPath: '/v1/user',
      body: json({ name: 'ü€' }),
      credentials: api.root,
    })
    expect(answer.status).toBe(201)
    expect(await userNames()).toEqual(['ü€'])
  })

  it.each([
    ['authorization=SIG', 'authorization=REDACTED'],
    ['Authorization=SIG&x=1', 'Authorization=REDACTED&x=1'],
    ['%61uthorization=SIG', '%61uthorization=REDACTED'],
    ['%41UTHORIZATION=SIG', '%41UTHORIZATION=REDACTED'],
    ['x=1&%61%75%74%68orization=SIG', 'x=1&%61%75%74%68orization=REDACTED'],
    ['authorization%20=SIG', 'authorization%20=REDACTED'],
    ['authorizations=SIG&%zz=1', 'authorizations=SIG&%zz=1'],
  ])('redacts the value of %s in the log query', (query, logged) => {
    expect(redactQuery(query)).toBe(logged)
  })

  it('keeps a percent-encoded authorization parameter out of the request log end to end', async () => {
    await sendRawSigned(api.emulator.endpoint, {
      method: 'GET',
      signedPath: '/v1/user',
      rawQuery: '%61uthorization=bce-auth-v1%2FSECRETSIG',
      credentials: api.root,
    })
    const logged = api.emulator.requestLog().map((entry) => entry.query)
    expect(logged).toEqual(['%61uthorization=REDACTED'])
  })
})

/** Streams chunks of an endless chunked upload until the server answers and closes. */
function endlessChunkedUpload(
  endpoint: string,
  capBytes: number,
): Promise<{ accepted: number; answer: string; closed: boolean }> {
  const url = new URL(endpoint)
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname)
    let accepted = 0
    let answer = ''
    let done = false
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
    const finish = (closed: boolean): void => {
      if (done) return
      done = true
      socket.destroy()
      resolve({ accepted, answer, closed })
    }
    const pump = (): void => {
      while (!done && !socket.destroyed) {
        if (accepted >= capBytes) {
          finish(false)
          return
        }
        const flushed = socket.write(framed, (error) => {
          if (error === null || error === undefined) accepted += framed.length
        })
        if (!flushed) {
          socket.once('drain', pump)
          return
        }
      }
    }
    socket.on('data', (data: Buffer) => {
      answer += data.toString('latin1')
    })
    socket.on('error', () => {
      finish(true)
    })
    socket.on('close', () => {
      finish(true)
    })
    socket.on('connect', () => {
      socket.write(
        `POST /v1/user HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      )
      pump()
    })
  })
}

describe('oversized uploads (issue 11, emulator 9)', () => {
  it('answers 413 to an endless chunked upload and closes the connection without draining it', async () => {
    const cap = 96 * 1024 * 1024
    const result = await endlessChunkedUpload(api.emulator.endpoint, cap)
    expect(result.answer.startsWith('HTTP/1.1 413')).toBe(true)
    expect(result.answer).toContain('EntityTooLarge')
    expect(result.closed).toBe(true)
    // 1 MiB read, plus whatever the loopback socket buffers held when the server stopped reading.
    expect(result.accepted).toBeLessThan(24 * 1024 * 1024)
    expect(api.emulator.requestLog()).toEqual([
      expect.objectContaining({ method: 'POST', path: '/v1/user', status: 413, code: 'EntityTooLarge' }),
    ])
  })

  it('answers 413 at once to a declared Content-Length over 1 MiB', async () => {
    const url = new URL(api.emulator.endpoint)
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(`POST /v1/user HTTP/1.1\r\nHost: ${url.host}\r\nContent-Length: 1073741824\r\n\r\n{`)
      })
      let text = ''
      socket.on('data', (data: Buffer) => {
        text += data.toString('latin1')
      })
      socket.on('error', () => resolve(text))
      socket.on('close', () => resolve(text))
    })
    expect(answer.startsWith('HTTP/1.1 413')).toBe(true)
  })
})
