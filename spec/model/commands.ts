import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import type { BceError, IamClient, Result, ResultAsync } from '../../lib'
import { parseAcl } from '../../lib/acl'
import { IamModel, type Expected } from './iam-model'
import { expectDeclaredKinds } from '../operation/declared-kinds'

/** The system under test: an SDK client talking to the emulator. */
export interface Real {
  readonly iam: IamClient
  /**
   * Under injected faults, a create cut off after sending comes back as `outcomeUnknown`; the
   * command then reads the real state to learn whether it was applied (counted here).
   */
  readonly unknownOutcomes?: { count: number }
}

const isUnknownOutcome = <T>(result: Result<T, BceError>): boolean =>
  result.isErr() && result.error._tag === 'BceClientError' && result.error.outcomeUnknown === true

const USERS = ['ann', 'bob', 'c/../d', '测试'] as const
const GROUPS = ['ops', 'dev'] as const
const POLICIES = ['p1', 'p2'] as const
const DESCRIPTIONS = ['', 'ops team', '描述 ✓'] as const

/** Two policy documents, so that a policy's returned document says which one it was created with. */
const DOCUMENTS = [
  { service: 'bce:bos', region: 'bj', resource: ['*'], permission: ['READ'], effect: 'Allow' },
  { service: 'bce:iam', region: '*', resource: ['user/*'], permission: ['FULL_CONTROL', 'READ'], effect: 'Deny' },
].map((statement) => JSON.stringify({ accessControlList: [statement] }))

/** The statements of an ACL document text, as the SDK's parser types them. */
const statementsOf = (document: string | undefined): unknown =>
  document === undefined
    ? undefined
    : parseAcl(document)
        .map((acl) => acl.accessControlList)
        .unwrapOr('unreadable')

/** Compares an SDK result with the model's prediction (ok-ness and error kind). */
export function expectMatches<T>(label: string, actual: Result<T, BceError>, expected: Expected): void {
  expectDeclaredKinds(actual)
  const seen = actual.isOk()
    ? 'ok'
    : actual.error._tag === 'BceServiceError'
      ? actual.error.kind
      : `client:${actual.error.reason}`
  const wanted = expected.ok ? 'ok' : expected.kind
  if (seen !== wanted) {
    const detail = actual.isErr() ? String(actual.error) : 'Ok'
    throw new Error(`${label}: model expected ${wanted}, SDK returned ${seen} (${detail})`)
  }
}

/** Compares data the SDK returned with the model's. */
function expectData(label: string, actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${label}: model has ${JSON.stringify(expected)}, SDK returned ${JSON.stringify(actual)}`)
  }
}

/** Invalid names the SDK must reject locally, whatever the model says. */
const isLocallyInvalid = (name: string): boolean => name.includes('/')

type Step = fc.AsyncCommand<IamModel, Real>

function command(label: string, run: (model: IamModel, real: Real) => Promise<void>): Step {
  return { check: () => true, run, toString: () => label }
}

/** Asserts the SDK refused the call locally (nothing may reach the service). */
function expectLocallyRejected<T>(label: string, result: Result<T, BceError>): void {
  if (result.isOk() || result.error._tag !== 'BceClientError' || result.error.reason !== 'InvalidInput') {
    throw new Error(
      `${label}: an invalid name must be rejected locally, got ${result.isOk() ? 'Ok' : String(result.error)}`,
    )
  }
}

/** How a successful result is compared with the model (after the model took the command). */
interface DataCheck<T> {
  readonly actual: (value: T) => unknown
  readonly expected: (model: IamModel) => unknown
}

interface Settle {
  /** Whether the model holds the entity. */
  readonly inModel: (model: IamModel) => boolean
  /** Whether the real system holds it. */
  readonly exists: (real: Real) => PromiseLike<boolean>
}

function nameCommand<T>(
  label: string,
  predict: (model: IamModel) => Expected,
  call: (real: Real) => ResultAsync<T, BceError>,
  names: readonly string[],
  data?: DataCheck<T>,
  /** For creates: whether the model and the real system hold the entity, to settle an unknown outcome. */
  settle?: Settle,
): Step {
  return command(label, async (model, real) => {
    const result = await call(real)
    if (names.some(isLocallyInvalid)) return expectLocallyRejected(label, result)
    if (settle !== undefined && real.unknownOutcomes !== undefined && isUnknownOutcome(result)) {
      real.unknownOutcomes.count += 1
      // It existed before: the create could not have changed anything. It exists only now: it was
      // applied, so the model must allow it (and records it). Otherwise: not applied, no change.
      if (!settle.inModel(model) && (await settle.exists(real)) && !predict(model).ok) {
        throw new Error(`${label}: applied although the model forbids it`)
      }
      return
    }
    expectMatches(label, result, predict(model))
    if (data !== undefined && result.isOk()) expectData(label, data.actual(result.value), data.expected(model))
  })
}

const found = <T>(result: Result<T, BceError>): boolean => result.isOk()
const sortedNames = (items: readonly { readonly name?: string }[]): string[] => items.map((x) => x.name ?? '').sort()
const entity = (x: { readonly name: string; readonly description?: string }) => ({
  name: x.name,
  description: x.description ?? '',
})

const user = fc.constantFrom(...USERS)
const group = fc.constantFrom(...GROUPS)
const policy = fc.constantFrom(...POLICIES)
const description = fc.constantFrom(...DESCRIPTIONS)
const documentIndex = fc.nat({ max: DOCUMENTS.length - 1 })
const described = (text: string) => (text === '' ? {} : { description: text })

/** Arbitrary IAM commands over small name pools, so collisions and conflicts are frequent. */
export const commandArbitraries: Array<fc.Arbitrary<Step>> = [
  fc.tuple(user, description).map(([u, d]) =>
    nameCommand(
      `createUser(${u}, ${JSON.stringify(d)})`,
      (m) => m.createUser(u, d),
      (r) => r.iam.createUser({ name: u, ...described(d) }),
      [u],
      { actual: entity, expected: () => ({ name: u, description: d }) },
      { inModel: (m) => m.users.has(u), exists: async (r) => found(await r.iam.getUser({ userName: u })) },
    ),
  ),
  user.map((u) =>
    nameCommand(
      `getUser(${u})`,
      (m) => m.exists('user', u),
      (r) => r.iam.getUser({ userName: u }),
      [u],
      { actual: entity, expected: (m) => ({ name: u, description: m.users.get(u)?.description }) },
    ),
  ),
  fc.tuple(user, description).map(([u, d]) =>
    nameCommand(
      `updateUser(${u}, ${JSON.stringify(d)})`,
      (m) => m.updateUser(u, d),
      (r) => r.iam.updateUser({ userName: u, description: d }),
      [u],
      { actual: entity, expected: () => ({ name: u, description: d }) },
    ),
  ),
  user.map((u) =>
    nameCommand(
      `deleteUser(${u})`,
      (m) => m.deleteUser(u),
      (r) => r.iam.deleteUser({ userName: u }),
      [u],
    ),
  ),
  fc.tuple(group, description).map(([g, d]) =>
    nameCommand(
      `createGroup(${g}, ${JSON.stringify(d)})`,
      (m) => m.createGroup(g, d),
      (r) => r.iam.createGroup({ name: g, ...described(d) }),
      [g],
      { actual: entity, expected: () => ({ name: g, description: d }) },
      { inModel: (m) => m.groups.has(g), exists: async (r) => found(await r.iam.getGroup({ groupName: g })) },
    ),
  ),
  group.map((g) =>
    nameCommand(
      `getGroup(${g})`,
      (m) => m.exists('group', g),
      (r) => r.iam.getGroup({ groupName: g }),
      [g],
      { actual: entity, expected: (m) => ({ name: g, description: m.groups.get(g)?.description }) },
    ),
  ),
  group.map((g) =>
    nameCommand(
      `deleteGroup(${g})`,
      (m) => m.deleteGroup(g),
      (r) => r.iam.deleteGroup({ groupName: g }),
      [g],
    ),
  ),
  fc.tuple(group, user).map(([g, u]) =>
    nameCommand(
      `addUserToGroup(${g}, ${u})`,
      (m) => m.addUserToGroup(g, u),
      (r) => r.iam.addUserToGroup({ groupName: g, userName: u }),
      [g, u],
    ),
  ),
  fc.tuple(group, user).map(([g, u]) =>
    nameCommand(
      `removeUserFromGroup(${g}, ${u})`,
      (m) => m.removeUserFromGroup(g, u),
      (r) => r.iam.removeUserFromGroup({ groupName: g, userName: u }),
      [g, u],
    ),
  ),
  group.map((g) =>
    nameCommand(
      `listUsersInGroup(${g})`,
      (m) => m.exists('group', g),
      (r) => r.iam.listUsersInGroup({ groupName: g }),
      [g],
      { actual: sortedNames, expected: (m) => [...(m.groups.get(g)?.members ?? [])].sort() },
    ),
  ),
  user.map((u) =>
    nameCommand(
      `listGroupsForUser(${u})`,
      (m) => m.exists('user', u),
      (r) => r.iam.listGroupsForUser({ userName: u }),
      [u],
      { actual: sortedNames, expected: (m) => [...(m.users.get(u)?.groups ?? [])].sort() },
    ),
  ),
  fc.tuple(policy, documentIndex).map(([p, index]) =>
    nameCommand(
      `createPolicy(${p}, document ${index})`,
      (m) => m.createPolicy(p, statementsOf(DOCUMENTS[index]) as unknown[]),
      (r) => r.iam.createPolicy({ name: p, document: DOCUMENTS[index] as string }),
      [p],
      {
        actual: (x) => ({ name: x.name, statements: statementsOf(x.document) }),
        expected: (m) => ({ name: p, statements: m.policies.get(p)?.statements }),
      },
      { inModel: (m) => m.policies.has(p), exists: async (r) => found(await r.iam.getPolicy({ policyName: p })) },
    ),
  ),
  policy.map((p) =>
    nameCommand(
      `getPolicy(${p})`,
      (m) => m.exists('policy', p),
      (r) => r.iam.getPolicy({ policyName: p }),
      [p],
      {
        actual: (x) => ({ name: x.name, statements: statementsOf(x.document) }),
        expected: (m) => ({ name: p, statements: m.policies.get(p)?.statements }),
      },
    ),
  ),
  policy.map((p) =>
    nameCommand(
      `deletePolicy(${p})`,
      (m) => m.deletePolicy(p),
      (r) => r.iam.deletePolicy({ policyName: p }),
      [p],
    ),
  ),
  fc.tuple(user, policy).map(([u, p]) =>
    nameCommand(
      `attachPolicyToUser(${u}, ${p})`,
      (m) => m.attachToUser(u, p),
      (r) => r.iam.attachPolicyToUser({ userName: u, policyName: p }),
      [u, p],
    ),
  ),
  fc.tuple(user, policy).map(([u, p]) =>
    nameCommand(
      `detachPolicyFromUser(${u}, ${p})`,
      (m) => m.detachFromUser(u, p),
      (r) => r.iam.detachPolicyFromUser({ userName: u, policyName: p }),
      [u, p],
    ),
  ),
  user.map((u) =>
    nameCommand(
      `listUserAttachedPolicies(${u})`,
      (m) => m.exists('user', u),
      (r) => r.iam.listUserAttachedPolicies({ userName: u }),
      [u],
      { actual: sortedNames, expected: (m) => [...(m.users.get(u)?.policies ?? [])].sort() },
    ),
  ),
  fc.tuple(group, policy).map(([g, p]) =>
    nameCommand(
      `attachPolicyToGroup(${g}, ${p})`,
      (m) => m.attachToGroup(g, p),
      (r) => r.iam.attachPolicyToGroup({ groupName: g, policyName: p }),
      [g, p],
    ),
  ),
  fc.tuple(group, policy).map(([g, p]) =>
    nameCommand(
      `detachPolicyFromGroup(${g}, ${p})`,
      (m) => m.detachFromGroup(g, p),
      (r) => r.iam.detachPolicyFromGroup({ groupName: g, policyName: p }),
      [g, p],
    ),
  ),
  group.map((g) =>
    nameCommand(
      `listGroupAttachedPolicies(${g})`,
      (m) => m.exists('group', g),
      (r) => r.iam.listGroupAttachedPolicies({ groupName: g }),
      [g],
      { actual: sortedNames, expected: (m) => [...(m.groups.get(g)?.policies ?? [])].sort() },
    ),
  ),
  user.map((u) =>
    command(`createAccessKey(${u})`, async (model, real) => {
      const result = await real.iam.createAccessKey({ userName: u })
      if (isLocallyInvalid(u)) return expectLocallyRejected(`createAccessKey(${u})`, result)
      if (real.unknownOutcomes !== undefined && isUnknownOutcome(result)) {
        real.unknownOutcomes.count += 1
        const known = model.users.get(u)?.keys ?? new Set<string>()
        const listed = await real.iam.listAccessKeys({ userName: u })
        if (listed.isErr())
          return expectMatches(`listAccessKeys(${u}) after an unknown outcome`, listed, model.canCreateKey(u))
        for (const key of listed.value) if (!known.has(key.id)) model.addKey(u, key.id)
        return
      }
      const expected = model.canCreateKey(u)
      expectMatches(`createAccessKey(${u})`, result, expected)
      if (result.isOk()) {
        const { id, secret } = result.value
        const before = [...(model.users.get(u)?.keys ?? [])]
        if (id.length === 0 || secret.length === 0 || before.includes(id))
          throw new Error(`createAccessKey(${u}): expected a new id and a secret, got id ${JSON.stringify(id)}`)
        model.addKey(u, id)
      }
    }),
  ),
  user.map((u) =>
    nameCommand(
      `listAccessKeys(${u})`,
      (m) => m.exists('user', u),
      (r) => r.iam.listAccessKeys({ userName: u }),
      [u],
      { actual: (keys) => keys.map((k) => k.id).sort(), expected: (m) => [...(m.users.get(u)?.keys ?? [])].sort() },
    ),
  ),
  fc.tuple(user, fc.nat({ max: 2 })).map(([u, index]) =>
    command(`deleteAccessKey(${u}, #${index})`, async (model, real) => {
      const known = [...(model.users.get(u)?.keys ?? [])]
      const id = known[index] ?? 'f'.repeat(32)
      const label = `deleteAccessKey(${u}, ${id})`
      const result = await real.iam.deleteAccessKey({ userName: u, accessKeyId: id })
      if (isLocallyInvalid(u)) return expectLocallyRejected(label, result)
      expectMatches(label, result, model.deleteKey(u, id))
    }),
  ),
  fc.constant(
    command('checkState', async (model, real) => {
      const users = (await real.iam.listUsers())._unsafeUnwrap().map(entity)
      const groups = (await real.iam.listGroups())._unsafeUnwrap().map(entity)
      const policies = (await real.iam.listPolicies())._unsafeUnwrap()
      const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
      expectData(
        'checkState',
        {
          users: users.sort(byName),
          groups: groups.sort(byName),
          policies: policies.map((p) => ({ name: p.name, statements: statementsOf(p.document) })).sort(byName),
        },
        {
          users: [...model.users].map(([name, u]) => ({ name, description: u.description })).sort(byName),
          groups: [...model.groups].map(([name, g]) => ({ name, description: g.description })).sort(byName),
          policies: [...model.policies].map(([name, p]) => ({ name, statements: p.statements })).sort(byName),
        },
      )
    }),
  ),
]
