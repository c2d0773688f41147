import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { IamClient, StsClient } from '../../lib'
import { HANDLERS, ROUTES, routeOf } from '../../lib/emulator/routes'
import { COMMON_ERROR_KINDS, OPERATION_ERROR_KINDS } from '../../lib/errors/kinds'
import { IAM_OPERATIONS } from '../../lib/iam/iam-operations'
import { ALL_OPERATIONS, OPERATION_CATALOG } from '../../lib/operations'
import { STS_OPERATIONS } from '../../lib/sts/sts-registry'

const credentials = { accessKeyId: 'a', secretAccessKey: 'b' }
const names = OPERATION_CATALOG.map((spec) => spec.name)
const source = (path: string): string => readFileSync(join(__dirname, '..', '..', path), 'utf8')
const ownMethods = (client: object): string[] =>
  Object.keys(client).filter((key) => typeof (client as Record<string, unknown>)[key] === 'function')

describe('the operation registries', () => {
  it('key each operation by its own name, IAM and STS apart, no name twice', () => {
    for (const [key, spec] of Object.entries(ALL_OPERATIONS)) expect([key, spec.name]).toEqual([key, key])
    expect(Object.values(IAM_OPERATIONS).every((spec) => spec.service === 'iam')).toBe(true)
    expect(Object.values(STS_OPERATIONS).every((spec) => spec.service === 'sts')).toBe(true)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toHaveLength(Object.keys(IAM_OPERATIONS).length + Object.keys(STS_OPERATIONS).length)
  })

  it.each(OPERATION_CATALOG.map((spec) => [spec.name, spec] as const))(
    '%s: a Baidu docs link, a summary, an access rule and declared kinds',
    (_name, spec) => {
      expect(spec.docs).toMatch(
        /^https:\/\/(intl\.cloud\.baidu\.com\/(en\/)?doc\/IAM\/s\/\w+|cloud\.baidu\.com\/doc\/Reference\/s\/\w+|github\.com\/baidubce\/(bce-sdk-(go|python|java)|baiducloud-go-sdk)\/)/,
      )
      expect(spec.summary.length).toBeGreaterThan(10)
      expect(spec.summary).not.toMatch(/\b[UKGPRIS]\d+\b/)
      expect(['READ', 'FULL_CONTROL', 'none']).toContain(spec.access.permission)
      for (const [, field] of spec.access.resource.matchAll(/\{(\w+)\}/g))
        expect(spec.path).toContain(`{${String(field)}}`)
      expect(new Set(spec.errors).size).toBe(spec.errors.length)
      for (const kind of spec.errors) expect(OPERATION_ERROR_KINDS).toContain(kind)
      expect([...spec.reportable].sort()).toEqual([...spec.errors, ...COMMON_ERROR_KINDS].sort())
      expect(spec.status).toBe(
        spec.method === 'POST' && spec.access.resource === '*' && /^create/.test(spec.name) ? 201 : 200,
      )
    },
  )

  it('declares the kinds the emulator and Baidu document for the operations users switch on most', () => {
    expect(ALL_OPERATIONS.getUser.errors).toEqual(['NotFound'])
    expect(ALL_OPERATIONS.createUser.errors).toEqual(['AlreadyExists', 'LimitExceeded'])
    expect(ALL_OPERATIONS.deleteUser.errors).toEqual(['NotFound', 'Conflict'])
    expect(ALL_OPERATIONS.listUsers.errors).toEqual([])
    expect(ALL_OPERATIONS.assumeRole.errors).toEqual(['NotFound', 'LimitExceeded'])
  })
})

describe('everything else is derived from the registries', () => {
  it('every emulator route is the route of one registry entry, with that entry’s handler', () => {
    expect(ROUTES.map((route) => route.operation).sort()).toEqual([...names].sort())
    for (const route of ROUTES) {
      const spec = ALL_OPERATIONS[route.operation]
      expect(route).toEqual(routeOf(spec, HANDLERS[spec.name]))
      expect(route.handle).toBe(HANDLERS[spec.name])
    }
  })

  it('every registry entry has an emulator handler, and there is no handler for anything else', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...names].sort())
    for (const handler of Object.values(HANDLERS)) expect(typeof handler).toBe('function')
  })

  it('the clients’ methods are exactly their registry’s operations, as own bound properties', async () => {
    const iam = new IamClient({ credentials })
    const sts = new StsClient({ credentials })
    expect(ownMethods(iam).sort()).toEqual(Object.keys(IAM_OPERATIONS).sort())
    expect(ownMethods(sts).sort()).toEqual(Object.keys(STS_OPERATIONS).sort())
    const { getUser } = iam
    const detached = await getUser({ userName: '' })
    expect(detached._unsafeUnwrapErr()).toMatchObject({ reason: 'InvalidInput', operation: 'getUser' })
    const { listUsers } = new IamClient({ credentials, endpoint: 'not a url' })
    expect((await listUsers())._unsafeUnwrapErr()).toMatchObject({ reason: 'InvalidConfig', operation: 'listUsers' })
  })

  it('the TSDoc a method shows on hover is its operation’s summary and docs link (registry comments in step)', () => {
    const text = source('lib/iam/iam-operations.ts') + source('lib/sts/sts-registry.ts')
    for (const spec of OPERATION_CATALOG) {
      const comment = `/** ${spec.summary} See {@link ${spec.docs} | Baidu's documentation}. */`
      expect([spec.name, text.includes(`${comment}\n  ${spec.name},`)]).toEqual([spec.name, true])
    }
  })

  it('no hand-written table remains: the route table, the clients and the catalogue name no path', () => {
    for (const path of [
      'lib/emulator/routes.ts',
      'lib/iam/iam-client.ts',
      'lib/sts/sts-client.ts',
      'lib/operations.ts',
    ])
      expect([path, source(path).match(/['"]\/v1\//g)]).toEqual([path, null])
  })
})
