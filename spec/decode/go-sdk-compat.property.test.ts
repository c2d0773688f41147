/**
 * "Any response the official Go SDK's models would decode, this SDK decodes too" (issue 14).
 *
 * The field tables below restate, by name and JSON type only, the response models of
 * baidubce/bce-sdk-go (services/iam/api/model.go, services/sts/api/mode.go). Go's encoding/json
 * accepts `null` for any field (leaving it at its zero value), ignores unknown fields, and leaves
 * missing fields at zero values; a `time.Time` field takes an RFC 3339 string. Generated bodies
 * do all of that, except that the fields this SDK requires (`id`, `name`, …) are present, not
 * null and of the right type. Go also matches keys case-insensitively; bodies here use the
 * documented spelling, and extra keys never collide with a field in any case.
 */
import fc from 'fast-check'
import { codecReader, listReader } from '../../lib/decode/reader'
import type { ResponseReader } from '../../lib/decode/response'
import { accessKeyCodec, newAccessKeyCodec } from '../../lib/iam/access-key-model'
import { groupCodec } from '../../lib/iam/group-model'
import { idpCodec } from '../../lib/iam/idp-model'
import { loginProfileCodec } from '../../lib/iam/login-profile-model'
import { policyCodec, policyEntityCodec } from '../../lib/iam/policy-model'
import { roleCodec } from '../../lib/iam/role-model'
import { userCodec } from '../../lib/iam/user-model'
import { sessionCredentialsCodec } from '../../lib/sts/session-credentials-model'
import { asJson } from './arbitraries'

type GoKind = 'string' | 'bool' | 'time'

interface Case {
  readonly name: string
  readonly reader: ResponseReader<unknown>
  /** The list key when the answer is a list wrapper. */
  readonly listKey?: string
  /** Fields this SDK requires (always generated present, non-null, well typed). */
  readonly required: Record<string, GoKind>
  /** Fields both the Go model and this SDK's model have, optional here. */
  readonly optional: Record<string, GoKind>
  /** Fields only the Go model has (this SDK drops or keeps them as unknown fields). */
  readonly goOnly?: Record<string, GoKind>
  /** Required fields this SDK hides from rendering (readable, not enumerable). */
  readonly secrets?: readonly string[]
  /** Fields this SDK must drop. */
  readonly dropped?: readonly string[]
  /** Keys this SDK reads specially, kept out of the generated unknown fields. */
  readonly reserved?: readonly string[]
}

const user = {
  createTime: 'time',
  description: 'string',
  enabled: 'bool',
  contact: 'string',
  joinTime: 'time',
} as const
const accessKey = { createTime: 'time', lastUsedTime: 'time', enabled: 'bool', description: 'string' } as const
const single = <T>(reader: ResponseReader<T>): ResponseReader<unknown> => reader

const CASES: readonly Case[] = [
  {
    name: 'UserModel (listUsers)',
    reader: single(listReader('users', userCodec)),
    listKey: 'users',
    required: { id: 'string', name: 'string' },
    optional: user,
  },
  {
    name: 'GetUserResult',
    reader: single(codecReader(userCodec)),
    required: { id: 'string', name: 'string' },
    optional: { ...user, lastLoginTime: 'time' },
  },
  {
    name: 'AccessKeyModel (listAccessKey)',
    reader: single(listReader('accessKeys', accessKeyCodec)),
    listKey: 'accessKeys',
    required: { id: 'string' },
    optional: accessKey,
    goOnly: { secret: 'string' },
    dropped: ['secret'],
  },
  {
    name: 'CreateAccessKeyResult',
    reader: single(codecReader(newAccessKeyCodec)),
    required: { id: 'string', secret: 'string' },
    optional: accessKey,
    secrets: ['secret'],
  },
  {
    name: 'GetUserLoginProfileResult',
    reader: single(codecReader(loginProfileCodec)),
    required: {},
    optional: {
      needResetPassword: 'bool',
      enabledLogin: 'bool',
      enabledLoginMfa: 'bool',
      loginMfaType: 'string',
      thirdPartyType: 'string',
      thirdPartyAccount: 'string',
      passwordExpireDate: 'time',
    },
    goOnly: { password: 'string' },
  },
  {
    name: 'GroupModel (listGroups)',
    reader: single(listReader('groups', groupCodec)),
    listKey: 'groups',
    required: { id: 'string', name: 'string' },
    optional: { createTime: 'time', description: 'string' },
  },
  {
    name: 'PolicyModel (listPolicies)',
    reader: single(listReader('policies', policyCodec)),
    listKey: 'policies',
    required: { id: 'string', name: 'string' },
    optional: { type: 'string', createTime: 'time', attachTime: 'time', description: 'string', document: 'string' },
  },
  {
    name: 'RoleModel (listRoles)',
    reader: single(listReader('roles', roleCodec)),
    listKey: 'roles',
    required: { id: 'string', name: 'string' },
    optional: { createTime: 'time', description: 'string', assumeRolePolicyDocument: 'string' },
  },
  {
    name: 'PolicyAttachedEntity (listPolicyEntities)',
    reader: single(listReader('entities', policyEntityCodec)),
    listKey: 'entities',
    required: { id: 'string' },
    optional: { name: 'string', type: 'string', attachTime: 'time' },
  },
  {
    name: 'IdpWithStatus',
    reader: single(codecReader(idpCodec)),
    // An object under `idp` is read as the wrapped form (other official SDKs send it): not a Go body.
    reserved: ['idp'],
    required: {},
    optional: {
      status: 'string',
      auxiliaryDomain: 'string',
      domainId: 'string',
      encodeMetadata: 'string',
      fileName: 'string',
      createTime: 'time',
      updateTime: 'time',
    },
  },
  {
    name: 'sts Credential',
    reader: single(codecReader(sessionCredentialsCodec)),
    required: { accessKeyId: 'string', secretAccessKey: 'string', sessionToken: 'string' },
    optional: { createTime: 'time', expiration: 'time', userId: 'string', roleId: 'string' },
    secrets: ['secretAccessKey', 'sessionToken'],
  },
]

/** RFC 3339 date-times as Go's time.Time reads them: fractions of 0-9 digits, `Z` or a `±hh:mm` offset. */
const rfc3339: fc.Arbitrary<string> = fc
  .tuple(
    fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
    fc.nat(9),
    fc.nat(999_999_999),
    fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([sign, h, m]) => `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    ),
  )
  .map(([date, digits, fraction, zone]) => {
    const frac = digits === 0 ? '' : `.${String(fraction).padStart(9, '0').slice(0, digits)}`
    return `${date.toISOString().slice(0, 19)}${frac}${zone}`
  })

const valueOf = (kind: GoKind): fc.Arbitrary<unknown> =>
  kind === 'string' ? fc.string() : kind === 'bool' ? fc.boolean() : rfc3339

/** A field Go would accept: a value of its type, null, or missing (undefined here, dropped by JSON). */
const goField = (kind: GoKind): fc.Arbitrary<unknown> =>
  fc.oneof(valueOf(kind), fc.constant(null), fc.constant(undefined))

function goObject(c: Case): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [key, kind] of Object.entries(c.required)) fields[key] = valueOf(kind)
  for (const [key, kind] of Object.entries({ ...c.optional, ...c.goOnly })) fields[key] = goField(kind)
  const known = new Set([...Object.keys(fields), ...(c.reserved ?? [])].map((key) => key.toLowerCase()))
  const extra = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 10 }).filter((key) => !known.has(key.toLowerCase()) && key !== '__proto__'),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 3 },
  )
  return fc
    .tuple(extra, fc.record(fields))
    .map(([more, shape]) => asJson({ ...more, ...shape }) as Record<string, unknown>)
}

function expectDecodedLikeGo(c: Case, sent: Record<string, unknown>, decoded: Record<string, unknown>): void {
  const visible = Object.keys(decoded)
  for (const [key, kind] of Object.entries({ ...c.required, ...c.optional })) {
    const raw = sent[key]
    if (raw === undefined || raw === null) {
      expect(visible).not.toContain(key)
      expect(decoded[key]).toBeUndefined()
    } else if (kind === 'time') {
      expect(decoded[key]).toBeInstanceOf(Date)
      expect((decoded[key] as Date).getTime()).toBe(Date.parse(raw as string))
    } else {
      expect(decoded[key]).toBe(raw)
    }
  }
  const rendered = JSON.parse(JSON.stringify(decoded)) as Record<string, unknown>
  for (const key of c.secrets ?? []) expect(rendered[key]).toBe('[redacted]')
  for (const key of c.dropped ?? []) expect(decoded[key]).toBeUndefined()
}

describe('what the official Go SDK decodes, this SDK decodes too', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.reader.kind !== 'json') throw new Error('json reader expected')
    const read = c.reader.read
    const body =
      c.listKey === undefined
        ? goObject(c).map((item) => ({ body: item, items: [item] }))
        : fc
            .tuple(fc.array(goObject(c), { maxLength: 4 }), fc.constantFrom('list', 'null', 'missing'))
            .map(([items, form]) => ({
              body:
                form === 'list'
                  ? { [c.listKey as string]: items }
                  : form === 'null'
                    ? { [c.listKey as string]: null }
                    : {},
              items: form === 'list' ? items : [],
            }))
    fc.assert(
      fc.property(body, ({ body: json, items }) => {
        const result = read(json)
        if (result.isErr()) throw new Error(`rejected ${JSON.stringify(json)}: ${JSON.stringify(result.error)}`)
        const decoded = (c.listKey === undefined ? [result.value] : result.value) as Record<string, unknown>[]
        expect(decoded).toHaveLength(items.length)
        items.forEach((item, index) => expectDecodedLikeGo(c, item, decoded[index] as Record<string, unknown>))
      }),
      { numRuns: 200 },
    )
  })
})
