import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { ROUTES } from '../../lib/emulator/routes'
import { record, startApi, type EmulatorApi } from '../support/emulator-api'
import { sendRawSigned } from '../support/raw-signed'
import type { Signer } from '../support/signed-request'

/**
 * Done-when property of issue 11: arbitrary signed bodies (depth, size, bytes) sent to every
 * mutating route of a `--state` emulator never get a 5xx; a refused request leaves the files on
 * disk untouched; after every run the files load (as a crash leaves them, and after a clean
 * close) into exactly the state the emulator was serving, and the temporary credentials it
 * issued still authenticate.
 */

const MUTATING = ROUTES.filter((route) => route.method !== 'GET')

const NAMES = {
  userName: ['u0', 'u1'],
  groupName: ['g0'],
  policyName: ['p0', 'ReadOnlyAccess'],
  roleName: ['r0'],
  accessKeyId: ['k0'],
  mfaType: ['TOTP'],
} as const
const POOL = ['u0', 'u1', 'g0', 'p0', 'r0', 'ReadOnlyAccess', '', '.', 'a/b', 'ü€']

const nestedText = (depth: number): string => `${'['.repeat(depth)}0${']'.repeat(depth)}`

/** A well-formed ACL whose statement carries an unknown field nested `depth` levels deep. */
const deepAcl = (depth: number): string =>
  `{"accessControlList":[{"service":"bcc","region":"*","resource":["*"],"permission":["READ"],"effect":"Allow","grantee":[{"id":"*"}],"x":${nestedText(depth)}}]}`

const statement = fc.record(
  {
    service: fc.constantFrom('bcc', 'bce:iam', ''),
    region: fc.constantFrom('*', 'bj'),
    resource: fc.constantFrom(['*'], ['user/u0'], 'x'),
    permission: fc.constantFrom(['READ'], ['AssumeRole'], ['*'], []),
    effect: fc.constantFrom('Allow', 'Deny', 'Maybe'),
    grantee: fc.constantFrom([{ id: '*' }], [{ id: 3 }]),
    condition: fc.jsonValue({ maxDepth: 4 }),
    extra: fc.jsonValue({ maxDepth: 6 }),
  },
  { requiredKeys: ['service', 'region', 'permission', 'effect'] },
)
const aclObject = fc.record({ version: fc.constant('v1'), accessControlList: fc.array(statement, { maxLength: 3 }) })
/** ACL document text: usually well-formed, sometimes deep, huge, or not JSON at all. */
const aclText = fc.oneof(
  aclObject.map((acl) => JSON.stringify(acl)),
  fc.integer({ min: 1, max: 4000 }).map((depth) => `{"accessControlList":[${nestedText(depth)}]}`),
  fc.integer({ min: 1, max: 12_000 }).map(deepAcl),
  fc.integer({ min: 5000, max: 40_000 }).map((n) => JSON.stringify({ accessControlList: [{ x: 'y'.repeat(n) }] })),
  fc.string({ maxLength: 30 }),
)

const FIELDS = [
  'name',
  'description',
  'document',
  'assumeRolePolicyDocument',
  'password',
  'enabledLogin',
  'enabledLoginMfa',
  'needResetPassword',
  'userName',
  'enabled',
  'mfaTypes',
  'fileName',
  'encodeMetadata',
  'auxiliaryDomain',
  'accessControlList',
]
const fieldValue = fc.oneof(
  fc.constantFrom(...POOL),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 3 }),
  aclText,
  fc.integer({ min: 0, max: 300_000 }).map((n) => 'z'.repeat(n)),
)

/** An ACL every document field accepts (grantee and AssumeRole for trust), with an unknown field now and then. */
const validAcl = fc
  .record(
    { extra: fc.jsonValue({ maxDepth: 3 }), effect: fc.constantFrom('Allow', 'Deny') },
    { requiredKeys: ['effect'] },
  )
  .map((extra) => ({
    accessControlList: [
      {
        service: 'bce:iam',
        region: '*',
        resource: ['*'],
        permission: ['AssumeRole', 'READ'],
        grantee: [{ id: '*' }],
        ...extra,
      },
    ],
  }))
/** A body a route would accept: a name from the pool and valid documents, plus some other known fields. */
const plausible = fc
  .record(
    {
      name: fc.constantFrom('u0', 'u1', 'g0', 'p0', 'r0'),
      description: fc.string({ maxLength: 20 }),
      document: fc.oneof(
        validAcl.map((acl) =>
          JSON.stringify({ accessControlList: acl.accessControlList.map(({ grantee: _trustOnly, ...rest }) => rest) }),
        ),
        fc.integer({ min: 1, max: 12_000 }).map(deepAcl),
      ),
      assumeRolePolicyDocument: fc.oneof(
        validAcl.map((acl) => JSON.stringify(acl)),
        fc.integer({ min: 1, max: 12_000 }).map(deepAcl),
      ),
      password: fc.constant('Fuzz-Passw0rd!'),
      enabledLogin: fc.boolean(),
      userName: fc.constantFrom('u0', 'u1'),
      enabled: fc.boolean(),
      fileName: fc.string({ maxLength: 10 }),
    },
    { requiredKeys: ['name', 'document', 'assumeRolePolicyDocument'] },
  )
  .map((v) => Buffer.from(JSON.stringify(v)))

/** A body: none, a JSON object of known-ish fields, an ACL, deep text, random bytes, or a huge text. */
const body = fc.oneof(
  { arbitrary: plausible, weight: 6 },
  { arbitrary: validAcl.map((acl) => Buffer.from(JSON.stringify(acl))), weight: 2 },
  { arbitrary: fc.constant(undefined), weight: 2 },
  {
    arbitrary: fc
      .dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 5 })
      .map((v) => Buffer.from(JSON.stringify(v))),
    weight: 3,
  },
  { arbitrary: aclObject.map((acl) => Buffer.from(JSON.stringify(acl))), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 20_000 }).map((depth) => Buffer.from(nestedText(depth))), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 12_000 }).map((depth) => Buffer.from(deepAcl(depth))), weight: 3 },
  { arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
  {
    arbitrary: fc
      .integer({ min: 100_000, max: 1_100_000 })
      .map((n) => Buffer.from(JSON.stringify({ name: 'x'.repeat(n) }))),
    weight: 1,
  },
)

const queryExtras = fc.dictionary(
  fc.constantFrom('policyType', 'status', 'durationSeconds', 'accountId', 'roleName', 'userId'),
  fc.constantFrom('System', 'Custom', 'enable', 'disable', '1', '3600', '999999999', 'ACCOUNT', 'r0', 'x'),
  { maxKeys: 3 },
)

/** Routes that store documents or ACLs, where depth and size matter most: drawn more often. */
const DOCUMENT_ROUTES = MUTATING.filter((route) =>
  ['getSessionToken', 'assumeRole', 'createPolicy', 'updatePolicy', 'createRole', 'updateRole'].includes(
    route.operation,
  ),
)

const command = fc.record({
  route: fc.oneof(
    { arbitrary: fc.constantFrom(...MUTATING), weight: 3 },
    { arbitrary: fc.constantFrom(...DOCUMENT_ROUTES), weight: 2 },
  ),
  pick: fc.nat(),
  query: queryExtras,
  body,
})
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never

function pathOf(pattern: string, pick: number): string {
  return pattern.replace(/\{(\w+)\}/g, (_whole, param: string) => {
    const names = (NAMES as Record<string, readonly string[]>)[param] ?? ['x']
    return names[pick % names.length] as string
  })
}

function rawQueryOf(cmd: Command, accountId: string): string {
  const query: Record<string, string> = { ...cmd.query }
  if (query.accountId === 'ACCOUNT') query.accountId = accountId
  const parts = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
  if (cmd.route.flag !== undefined) parts.unshift(cmd.route.flag)
  return parts.join('&')
}

/** What the emulator serves, read through its API (and what each of `issued` may do). */
async function observe(api: EmulatorApi, issued: readonly Signer[]): Promise<unknown> {
  const get = async (path: string, query?: Record<string, string>, as?: Signer): Promise<unknown> => {
    const answer = await api.call('GET', path, {
      ...(query === undefined ? {} : { query }),
      ...(as === undefined ? {} : { as }),
    })
    const { requestId: _unique, ...rest } = record(answer.body)
    return [answer.status, rest]
  }
  const seen: Record<string, unknown> = {
    users: await get('/v1/user'),
    groups: await get('/v1/group'),
    policies: await get('/v1/policy'),
    roles: await get('/v1/role'),
    idp: await get('/v1/subUser/idp/query'),
  }
  for (const user of NAMES.userName) {
    seen[`user ${user}`] = await get(`/v1/user/${user}`)
    seen[`keys ${user}`] = await get(`/v1/user/${user}/accesskey`)
    seen[`groups ${user}`] = await get(`/v1/user/${user}/group`)
    seen[`policies ${user}`] = await get(`/v1/user/${user}/policy`)
    seen[`login ${user}`] = await get(`/v1/user/${user}/loginProfile`)
  }
  seen['group g0'] = await get('/v1/group/g0/user')
  seen['group g0 policies'] = await get('/v1/group/g0/policy')
  seen['role r0 policies'] = await get('/v1/role/r0/policy')
  // Issued temporary credentials keep authenticating (and keep their ACL) across restarts.
  seen.issued = await Promise.all(issued.map((as) => get('/v1/user', undefined, as)))
  return seen
}

const fingerprintOfFiles = (stateFile: string): string => {
  const stamp = (path: string): string => {
    if (!existsSync(path)) return 'none'
    const stat = statSync(path)
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`
  }
  return `${stamp(stateFile)} ${stamp(`${stateFile}.journal`)}`
}

describe('state fuzz (issue 11, done when)', () => {
  it('property: no 5xx; refused requests leave the files untouched; acknowledged state survives a crash and a restart', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
        const dir = mkdtempSync(join(tmpdir(), 'bce-iam-fuzz-'))
        const stateFile = join(dir, 'state.json')
        let api = await startApi({ stateFile, seed: 7 })
        try {
          await api.call('POST', '/v1/user', { body: { name: 'u0' } })
          await api.call('POST', '/v1/group', { body: { name: 'g0' } })
          const issued: Signer[] = []
          for (const cmd of commands) {
            const before = fingerprintOfFiles(stateFile)
            const answer = await sendRawSigned(api.emulator.endpoint, {
              method: cmd.route.method,
              signedPath: pathOf(cmd.route.pattern, cmd.pick),
              rawQuery: rawQueryOf(cmd, api.emulator.accountId),
              ...(cmd.body === undefined ? {} : { body: cmd.body }),
              credentials: api.root,
            })
            expect(answer.status).toBeLessThan(500)
            if (answer.status >= 300) expect(fingerprintOfFiles(stateFile)).toBe(before)
            const reply = answer.body as Record<string, unknown> | undefined
            if (answer.status === 200 && typeof reply?.sessionToken === 'string') {
              issued.push({
                accessKeyId: String(reply.accessKeyId),
                secretAccessKey: String(reply.secretAccessKey),
                sessionToken: reply.sessionToken,
              })
            }
          }
          const served = await observe(api, issued)

          // A crash now: the files as they are must load into the state that was served.
          const crashed = join(dir, 'crashed.json')
          copyFileSync(stateFile, crashed)
          if (existsSync(`${stateFile}.journal`)) copyFileSync(`${stateFile}.journal`, `${crashed}.journal`)
          const afterCrash = await startApi({ stateFile: crashed })
          try {
            expect(await observe(afterCrash, issued)).toEqual(served)
          } finally {
            await afterCrash.close()
          }

          await api.close()
          api = await startApi({ stateFile })
          expect(await observe(api, issued)).toEqual(served)
          expect(record((await api.call('POST', '/v1/user', { body: { name: 'later' } })).body).name).toBe('later')
        } finally {
          await api.close()
          rmSync(dir, { recursive: true, force: true })
        }
      }),
      { numRuns: 40, seed: 1100 },
    )
  }, 120_000)
})
