import fc from 'fast-check'
import { isLeft } from 'fp-ts/Either'
import type * as t from 'io-ts'
import { parseBceDate, parseBceDateSlow } from '../../lib/decode/bce-date'
import { fastPathOf } from '../../lib/decode/derive'
import { REJECTED } from '../../lib/decode/fast-path'
import { codecReader, listReader } from '../../lib/decode/reader'
import { accessKeyCodec, newAccessKeyCodec } from '../../lib/iam/access-key-model'
import { groupCodec } from '../../lib/iam/group-model'
import { idpCodec } from '../../lib/iam/idp-model'
import { loginProfileCodec } from '../../lib/iam/login-profile-model'
import { policyCodec, policyEntityCodec } from '../../lib/iam/policy-model'
import { roleCodec } from '../../lib/iam/role-model'
import { userCodec } from '../../lib/iam/user-model'
import { sessionCredentialsCodec } from '../../lib/sts/session-credentials-model'
import { dateLike } from './arbitraries'

type Kind = 'string' | 'boolean' | 'date'

/** Each model codec (every one has a derived fast path), and its wire fields restated independently of lib/. */
const MODELS: ReadonlyArray<{
  name: string
  codec: t.Decoder<unknown, unknown>
  required: Record<string, Kind>
  optional: Record<string, Kind>
  secrets?: string[]
}> = [
  {
    name: 'User',
    codec: userCodec,
    required: { id: 'string', name: 'string' },
    optional: {
      createTime: 'date',
      description: 'string',
      enabled: 'boolean',
      contact: 'string',
      joinTime: 'date',
      lastLoginTime: 'date',
    },
  },
  {
    name: 'Group',
    codec: groupCodec,
    required: { id: 'string', name: 'string' },
    optional: { createTime: 'date', description: 'string' },
  },
  {
    name: 'Policy',
    codec: policyCodec,
    required: { id: 'string', name: 'string' },
    optional: { type: 'string', createTime: 'date', description: 'string', document: 'string', attachTime: 'date' },
  },
  {
    name: 'PolicyEntity',
    codec: policyEntityCodec,
    required: { id: 'string' },
    optional: { name: 'string', type: 'string', attachTime: 'date' },
  },
  {
    name: 'Role',
    codec: roleCodec,
    required: { id: 'string', name: 'string' },
    optional: { createTime: 'date', description: 'string', assumeRolePolicyDocument: 'string' },
  },
  {
    name: 'AccessKey',
    codec: accessKeyCodec,
    required: { id: 'string' },
    optional: { createTime: 'date', description: 'string', enabled: 'boolean', lastUsedTime: 'date', secret: 'string' },
  },
  {
    name: 'NewAccessKey',
    codec: newAccessKeyCodec,
    required: { id: 'string', secret: 'string' },
    optional: { createTime: 'date', description: 'string', enabled: 'boolean', lastUsedTime: 'date' },
    secrets: ['secret'],
  },
  {
    name: 'LoginProfile',
    codec: loginProfileCodec,
    required: {},
    optional: {
      needResetPassword: 'boolean',
      enabledLogin: 'boolean',
      enabledLoginMfa: 'boolean',
      loginMfaType: 'string',
      thirdPartyType: 'string',
      thirdPartyAccount: 'string',
      passwordExpireDate: 'date',
    },
  },
  {
    name: 'Idp',
    codec: idpCodec,
    required: {},
    optional: {
      status: 'string',
      auxiliaryDomain: 'string',
      domainId: 'string',
      encodeMetadata: 'string',
      fileName: 'string',
      createTime: 'date',
      updateTime: 'date',
    },
  },
  {
    name: 'SessionCredentials',
    codec: sessionCredentialsCodec,
    required: { accessKeyId: 'string', sessionToken: 'string', secretAccessKey: 'string' },
    optional: { accessKeySecret: 'string', createTime: 'date', expiration: 'date', userId: 'string', roleId: 'string' },
    secrets: ['secretAccessKey', 'sessionToken'],
  },
]

function valueOf(kind: Kind): fc.Arbitrary<unknown> {
  return kind === 'string' ? fc.string() : kind === 'boolean' ? fc.boolean() : dateLike
}

/**
 * A well-formed wire object of a model: optional fields sometimes left out or `null` (read as
 * absent), extra fields sometimes added.
 */
function validShape(model: (typeof MODELS)[number]): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [key, kind] of Object.entries(model.required)) fields[key] = valueOf(kind)
  for (const [key, kind] of Object.entries(model.optional)) {
    fields[key] = fc.oneof({ weight: 4, arbitrary: valueOf(kind) }, { weight: 1, arbitrary: fc.constant(null) })
  }
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: Object.keys(model.required) }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
    )
    .map(([shape, extra]) => ({ ...extra, ...shape }))
}

/** That shape with one field replaced by anything, or removed. */
function perturbed(model: (typeof MODELS)[number]): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...Object.keys(model.required), ...Object.keys(model.optional)]
  return fc
    .tuple(
      validShape(model),
      fc.constantFrom(...keys),
      fc.option(fc.oneof(fc.jsonValue({ maxDepth: 2 }), dateLike, fc.constant(null)), { nil: undefined }),
    )
    .map(([shape, key, value]) => {
      const copy: Record<string, unknown> = { ...shape }
      if (value === undefined) Reflect.deleteProperty(copy, key)
      else copy[key] = value
      return copy
    })
}

/**
 * The derived fast path either returns exactly what the codec returns (same value, same key
 * order, same hidden secrets) or defers; for these models it defers only when the codec rejects.
 * Null optional fields never reach the decoded value.
 */
function expectSameDecoding(model: (typeof MODELS)[number], input: unknown): void {
  const fast = fastPathOf(model.codec)
  if (fast === undefined) throw new Error(`${model.name} has no fast path`)
  const fastResult = fast(input)
  const reference = model.codec.decode(input)
  if (fastResult === REJECTED) {
    expect(isLeft(reference)).toBe(true)
    return
  }
  if (isLeft(reference))
    throw new Error(`${model.name}: fast path accepted what the codec rejects: ${JSON.stringify(input)}`)
  expect(fastResult).toStrictEqual(reference.right)
  expect(Object.keys(fastResult as object)).toEqual(Object.keys(reference.right as object))
  for (const secret of model.secrets ?? []) {
    expect((fastResult as Record<string, unknown>)[secret]).toBe((reference.right as Record<string, unknown>)[secret])
  }
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
  const body = model.name === 'Idp' && typeof record.idp === 'object' && record.idp !== null ? record.idp : record
  for (const key of Object.keys(model.optional)) {
    if ((body as Record<string, unknown>)[key] === null) expect(Object.keys(fastResult as object)).not.toContain(key)
  }
}

describe('decode fast paths agree with their io-ts codecs', () => {
  it.each(MODELS.map((m) => [m.name, m] as const))('%s: on arbitrary JSON', (_name, model) => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => expectSameDecoding(model, json)),
      { numRuns: 300 },
    )
  })

  it.each(MODELS.map((m) => [m.name, m] as const))('%s: on valid shapes', (_name, model) => {
    fc.assert(
      fc.property(validShape(model), (shape) => expectSameDecoding(model, shape)),
      { numRuns: 300 },
    )
  })

  it.each(MODELS.map((m) => [m.name, m] as const))('%s: on valid shapes with one field perturbed', (_name, model) => {
    fc.assert(
      fc.property(perturbed(model), (shape) => expectSameDecoding(model, shape)),
      { numRuns: 500 },
    )
  })

  it('Idp: also inside an `idp` wrapper', () => {
    const idp = MODELS.find((m) => m.name === 'Idp') as (typeof MODELS)[number]
    fc.assert(
      fc.property(fc.oneof(validShape(idp), perturbed(idp)), (shape) => expectSameDecoding(idp, { idp: shape })),
      { numRuns: 300 },
    )
  })

  it('an own __proto__ key: the fast path and the codec copy alike, and readers return what io-ts returns', () => {
    const json = JSON.parse('{"id":"1","name":"n","createTime":"2020-01-01T00:00:00Z","__proto__":{"x":1}}') as unknown
    const user = MODELS[0] as (typeof MODELS)[number]
    expectSameDecoding(user, json)
    const decoded = userCodec.decode(json)
    const reader = codecReader(userCodec)
    if (reader.kind !== 'json') throw new Error('json reader expected')
    expect(reader.read(json)._unsafeUnwrap()).toStrictEqual(isLeft(decoded) ? undefined : decoded.right)
    expect(Object.getPrototypeOf(reader.read(json)._unsafeUnwrap())).toBe(Object.prototype)
  })
})

describe('readers give what the io-ts codec alone gives', () => {
  const user = MODELS[0] as (typeof MODELS)[number]
  const slowReader = (items: unknown): unknown => {
    const list = listReader('users', { decode: (u: unknown) => userCodec.decode(u) } as t.Decoder<unknown, unknown>)
    return list.kind === 'json' ? list.read(items) : undefined
  }

  it('listReader: same values, same issues', () => {
    const reader = listReader('users', userCodec)
    if (reader.kind !== 'json') throw new Error('json reader expected')
    fc.assert(
      fc.property(
        fc.array(fc.oneof(validShape(user), perturbed(user), fc.jsonValue({ maxDepth: 1 })), { maxLength: 8 }),
        (items) => {
          expect(reader.read({ users: items })).toStrictEqual(slowReader({ users: items }))
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('parseBceDate', () => {
  it('equals the reference reading (ISO pattern + Date.parse) on DateTime-like strings', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        expect(parseBceDate(text)).toBe(parseBceDateSlow(text))
      }),
      { numRuns: 5000 },
    )
  })

  it('reads the BCE shape exactly, including leap days and the ends of the year range', () => {
    for (const text of [
      '2024-02-29T23:59:59Z',
      '2023-02-29T00:00:00Z',
      '0100-01-01T00:00:00Z',
      '0099-12-31T23:59:59Z',
      '9999-12-31T23:59:59Z',
      '2023-04-31T00:00:00Z',
      '2023-01-01T24:00:00Z',
      '1969-12-31T23:59:59Z',
    ]) {
      expect(parseBceDate(text)).toBe(parseBceDateSlow(text))
    }
  })
})
