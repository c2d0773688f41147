import { execFile } from 'node:child_process'
import path from 'node:path'
import { rawServer, type RawServer } from '../support/raw-server'

const script = path.join(__dirname, 'fixtures', 'lone-call.ts')
const repo = path.resolve(__dirname, '../..')

interface ChildRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the lone-call script in a fresh Node process (bounded by a kill timeout). */
function runChild(args: readonly string[]): Promise<ChildRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', require.resolve('tsx/cjs'), script, ...args],
      { cwd: repo, timeout: 20_000, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null
        resolve({ code, stdout, stderr })
      },
    )
  })
}

let server: RawServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('a pending call keeps the process alive (issue 11, SDK 1)', () => {
  it('retries through a Retry-After wait and a plain backoff, then prints the success and exits 0', async () => {
    const answers: ((res: import('node:http').ServerResponse) => void)[] = [
      (res) => {
        res.writeHead(503, { 'retry-after': '1', 'content-type': 'application/json' })
        res.end('{"code":"ServiceUnavailable","message":"busy"}')
      },
      (res) => {
        res.writeHead(503, { 'content-type': 'application/json' })
        res.end('{"code":"ServiceUnavailable","message":"still busy"}')
      },
    ]
    let seen = 0
    server = await rawServer((_req, res) => {
      const answer = answers[seen]
      seen += 1
      if (answer !== undefined) answer(res)
      else {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('{"users":[{"id":"u1","name":"alice","createTime":"2024-01-01T00:00:00Z"}]}')
      }
    })
    const run = await runChild([server.url])
    expect(run).toMatchObject({ code: 0, stdout: '{"ok":1}\n' })
    expect(server.hits()).toBe(3)
  }, 30_000)
})

describe('an observer whose promise rejects is ignored (issue 11, SDK 2)', () => {
  it('the call completes, nothing is reported as unhandled, and the process exits 0', async () => {
    server = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"users":[]}')
    })
    const run = await runChild([server.url, 'rejecting-observer'])
    expect(run.stderr).not.toContain('observer failed')
    expect(run).toMatchObject({ code: 0, stdout: '{"ok":0}\n' })
  }, 30_000)
})
