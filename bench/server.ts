/**
 * Benchmark server, run in its own process (forked by bench/server-control.ts).
 *
 * - canned: a minimal keep-alive HTTP/1.1 server written on `net` so that it costs far less CPU
 *   per request than any client contender (node:http would spend ~3x more). It answers
 *   `GET /v1/user/{name}` with a fixed getUser body, `GET /v1/user` with a 500-user list and
 *   anything else with a BCE 404 body. Every answer has a unique `x-bce-request-id`. It never
 *   verifies signatures and never fails, so no retry path is ever exercised.
 * - stall: accepts connections, reads requests, never answers (memory-per-in-flight-call test).
 *
 * IPC: sends `{ type: 'ready', port, stallPort }`; answers `{ type: 'stats', id }` with its CPU
 * usage and request counters.
 */
import net from 'node:net'
import { GET_USER_BODY, LIST_USERS_BODY, NOT_FOUND_BODY } from './fixtures'

let served = 0
let stalledRequests = 0
let openStallSockets = 0
let cannedConnections = 0

let dateSecond = -1
let dateHeader = ''
function httpDate(): string {
  const now = Date.now()
  const second = Math.floor(now / 1000)
  if (second !== dateSecond) {
    dateSecond = second
    dateHeader = new Date(second * 1000).toUTCString()
  }
  return dateHeader
}

const REQUEST_ID_PREFIX = `7c1e9a52-3b4d-4e6f-8a9b-${process.pid.toString(16).padStart(4, '0').slice(-4)}`

function answer(status: string, body: string, close: boolean): string {
  served += 1
  const requestId = `${REQUEST_ID_PREFIX}${served.toString(16).padStart(8, '0')}`
  return (
    `HTTP/1.1 ${status}\r\n` +
    'Content-Type: application/json;charset=UTF-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    `Date: ${httpDate()}\r\n` +
    'Server: BWS\r\n' +
    `x-bce-request-id: ${requestId}\r\n` +
    (close ? 'Connection: close\r\n' : 'Connection: keep-alive\r\nKeep-Alive: timeout=120\r\n') +
    '\r\n' +
    body
  )
}

const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i
const CONNECTION_CLOSE = /\r\nconnection:[ \t]*close/i

function route(requestLine: string): [string, string] {
  const firstSpace = requestLine.indexOf(' ')
  const method = requestLine.slice(0, firstSpace)
  const target = requestLine.slice(firstSpace + 1, requestLine.indexOf(' ', firstSpace + 1))
  const q = target.indexOf('?')
  const path = q === -1 ? target : target.slice(0, q)
  if (method === 'GET' && path.startsWith('/v1/user/') && path.indexOf('/', 9) === -1 && path.length > 9) {
    return ['200 OK', GET_USER_BODY]
  }
  if (method === 'GET' && path === '/v1/user') return ['200 OK', LIST_USERS_BODY]
  return ['404 Not Found', NOT_FOUND_BODY]
}

const canned = net.createServer({ noDelay: true }, (socket) => {
  cannedConnections += 1
  let pending = ''
  socket.on('error', () => undefined)
  socket.on('data', (chunk: Buffer) => {
    pending += chunk.toString('latin1')
    let out = ''
    let close = false
    for (;;) {
      const end = pending.indexOf('\r\n\r\n')
      if (end === -1) break
      const head = pending.slice(0, end)
      const lengthMatch = CONTENT_LENGTH.exec(head)
      const total = end + 4 + (lengthMatch === null ? 0 : Number(lengthMatch[1]))
      if (pending.length < total) break
      const [status, body] = route(head.slice(0, head.indexOf('\r\n')))
      close = CONNECTION_CLOSE.test(head)
      out += answer(status, body, close)
      pending = pending.slice(total)
      if (close) break
    }
    if (out.length > 0) {
      if (close) socket.end(out, 'latin1')
      else socket.write(out, 'latin1')
    }
  })
})

const stall = net.createServer((socket) => {
  openStallSockets += 1
  let tail = ''
  socket.on('error', () => undefined)
  socket.on('close', () => {
    openStallSockets -= 1
  })
  socket.on('data', (chunk: Buffer) => {
    const text = tail + chunk.toString('latin1')
    let from = 0
    for (;;) {
      const at = text.indexOf('\r\n\r\n', from)
      if (at === -1) break
      stalledRequests += 1
      from = at + 4
    }
    tail = text.slice(Math.max(from, text.length - 3))
  })
})

canned.maxConnections = 10_000
stall.maxConnections = 10_000

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen({ host: '127.0.0.1', port: 0, backlog: 2048 }, () =>
      resolve((server.address() as net.AddressInfo).port),
    )
  })
}

void (async () => {
  const [port, stallPort] = await Promise.all([listen(canned), listen(stall)])
  process.on('message', (message: { type?: string; id?: number }) => {
    if (message?.type === 'stats') {
      process.send?.({
        type: 'stats',
        id: message.id,
        cpu: process.cpuUsage(),
        served,
        stalledRequests,
        openStallSockets,
        cannedConnections,
      })
    }
  })
  process.on('disconnect', () => process.exit(0))
  process.send?.({ type: 'ready', port, stallPort })
})()
