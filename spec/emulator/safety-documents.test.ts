import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_DOCUMENT_CHARS, MAX_JSON_DEPTH } from '../../lib/emulator/json-limits'
import { aclDocument, record, startApi, trustDocument, type EmulatorApi } from '../support/emulator-api'

let dir: string
let stateFile: string
let api: EmulatorApi
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bce-iam-docs-'))
  stateFile = join(dir, 'state.json')
  api = await startApi({ stateFile, seed: 3 })
})
afterEach(async () => {
  await api.close()
  rmSync(dir, { recursive: true, force: true })
})

/** `{"a":{"a":…{"a":1}…}}` nested `depth` objects deep. */
const nested = (depth: number): unknown => {
  let value: unknown = 1
  for (let i = 0; i < depth; i += 1) value = { a: value }
  return value
}

/** The JSON text of {@link nested} (built as text: `JSON.stringify` itself overflows at 10,000 levels). */
const nestedText = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

/** An ACL's JSON text whose only statement has `field` set to the raw JSON `valueText`. */
const aclWithRaw = (field: string, valueText: string, extra: Record<string, unknown> = {}): string => {
  const text = JSON.stringify({ accessControlList: [statement({ ...extra, [field]: 0 })] })
  return text.replace(`"${field}":0`, `"${field}":${valueText}`)
}

const statement = (extra: Record<string, unknown> = {}) => ({
  service: 'bcc',
  region: '*',
  resource: ['*'],
  permission: ['READ'],
  effect: 'Allow',
  ...extra,
})

/** A sub-user with an access key and no policies at all. */
async function zeroPolicyUser(): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  await api.call('POST', '/v1/user', { body: { name: 'nobody' } })
  const key = record((await api.call('POST', '/v1/user/nobody/accesskey')).body)
  return { accessKeyId: String(key.id), secretAccessKey: String(key.secret) }
}

/** Restarts the emulator on the same state file (closing folds the journal in). */
async function restart(): Promise<void> {
  await api.close()
  api = await startApi({ stateFile })
}

describe('state poisoning through documents (issue 11, emulator 1 and 11)', () => {
  it('refuses a session ACL nested 10,000 levels deep by a zero-policy sub-user with 400, and keeps serving and saving', async () => {
    const nobody = await zeroPolicyUser()
    const poisoned = aclWithRaw('extra', nestedText(10_000))
    const answer = await api.call('POST', '/v1/sessionToken', { as: nobody, body: poisoned })
    expect(answer).toMatchObject({ status: 400, body: { code: 'InappropriateJSON' } })
    expect((await api.call('POST', '/v1/user', { body: { name: 'after' } })).status).toBe(201)
    await restart()
    expect((await api.call('GET', '/v1/user/after')).status).toBe(200)
  })

  it.each([
    ['createPolicy', 'POST', '/v1/policy', (doc: string) => ({ name: 'deep', document: doc })],
    ['createRole', 'POST', '/v1/role', (doc: string) => ({ name: 'deep', assumeRolePolicyDocument: doc })],
  ])('answers 400, not 500, to %s with a document nested 10,000 levels deep', async (_op, method, path, body) => {
    const deep = aclWithRaw('extra', nestedText(10_000), { grantee: [{ id: '*' }] })
    const answer = await api.call(method, path, { body: body(deep) })
    expect(answer).toMatchObject({ status: 400, body: { code: 'InappropriateJSON' } })
    expect((await api.call('GET', `${path}/deep`)).status).toBe(404)
  })

  it('answers 400 to updatePolicy and updateRole with a deeply nested document, leaving them unchanged', async () => {
    await api.call('POST', '/v1/policy', { body: { name: 'p', document: aclDocument() } })
    await api.call('POST', '/v1/role', { body: { name: 'r', assumeRolePolicyDocument: trustDocument('*') } })
    const before = [(await api.call('GET', '/v1/policy/p')).body, (await api.call('GET', '/v1/role/r')).body]
    const deep = JSON.stringify({ accessControlList: [statement({ extra: nested(500) })] })
    expect(await api.call('POST', '/v1/policy/p', { body: { document: deep } })).toMatchObject({ status: 400 })
    expect(await api.call('PUT', '/v1/role/r', { body: { assumeRolePolicyDocument: deep } })).toMatchObject({
      status: 400,
    })
    expect([(await api.call('GET', '/v1/policy/p')).body, (await api.call('GET', '/v1/role/r')).body]).toEqual(before)
  })

  it(`accepts nesting up to ${MAX_JSON_DEPTH} levels and refuses one more`, async () => {
    // document(1) > list(2) > statement(3) > condition(4) > …
    const withCondition = (levels: number): string =>
      JSON.stringify({ accessControlList: [statement({ condition: nested(levels - 3) })] })
    const ok = await api.call('POST', '/v1/policy', { body: { name: 'ok', document: withCondition(MAX_JSON_DEPTH) } })
    expect(ok.status).toBe(201)
    const deep = await api.call('POST', '/v1/policy', {
      body: { name: 'deep', document: withCondition(MAX_JSON_DEPTH + 1) },
    })
    expect(deep).toMatchObject({ status: 400, body: { code: 'InappropriateJSON' } })
  })

  it(`accepts a document of ${MAX_DOCUMENT_CHARS} characters and refuses one of ${MAX_DOCUMENT_CHARS + 1}`, async () => {
    const sized = (chars: number): string => {
      const empty = JSON.stringify({ accessControlList: [statement({ permission: [''] })] })
      return JSON.stringify({ accessControlList: [statement({ permission: ['x'.repeat(chars - empty.length)] })] })
    }
    expect(sized(MAX_DOCUMENT_CHARS)).toHaveLength(MAX_DOCUMENT_CHARS)
    expect(
      (await api.call('POST', '/v1/policy', { body: { name: 'fits', document: sized(MAX_DOCUMENT_CHARS) } })).status,
    ).toBe(201)
    const over = await api.call('POST', '/v1/policy', {
      body: { name: 'over', document: sized(MAX_DOCUMENT_CHARS + 1) },
    })
    expect(over).toMatchObject({ status: 400, body: { code: 'InappropriateJSON' } })
    const session = await api.call('POST', '/v1/sessionToken', {
      body: JSON.parse(sized(MAX_DOCUMENT_CHARS + 1)) as unknown,
    })
    expect(session).toMatchObject({ status: 400, body: { code: 'InappropriateJSON' } })
  })

  it('stores only the known ACL fields of policies, trust documents and session ACLs', async () => {
    const extra = { surprise: nested(3), condition: { ipAddress: ['10.0.0.0/8'] } }
    const policyDoc = JSON.stringify({ version: 'v1', junk: 1, accessControlList: [statement(extra)] })
    const policy = record((await api.call('POST', '/v1/policy', { body: { name: 'p', document: policyDoc } })).body)
    const storedPolicy = JSON.parse(String(policy.document)) as { junk?: unknown; accessControlList: object[] }
    expect(storedPolicy.junk).toBeUndefined()
    expect(storedPolicy.accessControlList[0]).toEqual(statement({ condition: { ipAddress: ['10.0.0.0/8'] } }))

    const trust = JSON.stringify({
      accessControlList: [
        {
          service: 'bce:iam',
          region: '*',
          permission: ['AssumeRole'],
          effect: 'Allow',
          grantee: [{ id: '*', x: 1 }],
          y: 2,
        },
      ],
    })
    const role = record(
      (await api.call('POST', '/v1/role', { body: { name: 'r', assumeRolePolicyDocument: trust } })).body,
    )
    const storedTrust = JSON.parse(String(role.assumeRolePolicyDocument)) as { accessControlList: object[] }
    expect(storedTrust.accessControlList[0]).not.toHaveProperty('y')
    expect(storedTrust.accessControlList[0]).toMatchObject({ grantee: [{ id: '*' }] })

    const session = await api.call('POST', '/v1/sessionToken', {
      body: { accessControlList: [statement({ surprise: nested(4) })], other: 'x' },
    })
    expect(session.status).toBe(200)
    await api.close()
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { sessions: Array<{ acl: unknown }> }
    expect(saved.sessions.map((s) => s.acl)).toEqual([{ accessControlList: [statement()] }])
    api = await startApi({ stateFile })
  })
})
