import fc from 'fast-check'
import type { BceError, IamClient, Result } from '../../lib'
import { IamModel, type Expected } from './iam-model'

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

/** Compares an SDK result with the model's prediction (ok-ness and error kind). */
export function expectMatches<T>(label: string, actual: Result<T, BceError>, expected: Expected): void {
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

function nameCommand<T>(
  label: string,
  predict: (model: IamModel) => Expected,
  call: (real: Real) => PromiseLike<Result<T, BceError>>,
  names: readonly string[],
  /** For creates: whether the model and the real system hold the entity, to settle an unknown outcome. */
  settle?: { readonly inModel: (model: IamModel) => boolean; readonly exists: (real: Real) => PromiseLike<boolean> },
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
  })
}

const found = <T>(result: Result<T, BceError>): boolean => result.isOk()

const user = fc.constantFrom(...USERS)
const group = fc.constantFrom(...GROUPS)
const policy = fc.constantFrom(...POLICIES)
const acl = JSON.stringify({
  accessControlList: [{ service: 'bce:bos', region: 'bj', resource: ['*'], permission: ['READ'], effect: 'Allow' }],
})

/** Arbitrary IAM commands over small name pools, so collisions and conflicts are frequent. */
export const commandArbitraries: Array<fc.Arbitrary<Step>> = [
  user.map((u) =>
    nameCommand(
      `createUser(${u})`,
      (m) => m.createUser(u),
      (r) => r.iam.createUser({ name: u }),
      [u],
      {
        inModel: (m) => m.users.has(u),
        exists: async (r) => found(await r.iam.getUser({ userName: u })),
      },
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
  group.map((g) =>
    nameCommand(
      `createGroup(${g})`,
      (m) => m.createGroup(g),
      (r) => r.iam.createGroup({ name: g }),
      [g],
      {
        inModel: (m) => m.groups.has(g),
        exists: async (r) => found(await r.iam.getGroup({ groupName: g })),
      },
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
  policy.map((p) =>
    nameCommand(
      `createPolicy(${p})`,
      (m) => m.createPolicy(p),
      (r) => r.iam.createPolicy({ name: p, document: acl }),
      [p],
      {
        inModel: (m) => m.policies.has(p),
        exists: async (r) => found(await r.iam.getPolicy({ policyName: p })),
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
      if (result.isOk()) model.addKey(u, result.value.id)
    }),
  ),
  fc.tuple(user, fc.nat({ max: 2 })).map(([u, index]) =>
    command(`deleteAccessKey(${u}, #${index})`, async (model, real) => {
      if (isLocallyInvalid(u)) return
      const known = [...(model.users.get(u)?.keys ?? [])]
      const id = known[index] ?? 'f'.repeat(32)
      expectMatches(
        `deleteAccessKey(${u}, ${id})`,
        await real.iam.deleteAccessKey({ userName: u, accessKeyId: id }),
        model.deleteKey(u, id),
      )
    }),
  ),
  fc.constant(
    command('checkState', async (model, real) => {
      const users = (await real.iam.listUsers())
        ._unsafeUnwrap()
        .map((x) => x.name)
        .sort()
      const groups = (await real.iam.listGroups())
        ._unsafeUnwrap()
        .map((x) => x.name)
        .sort()
      const policies = (await real.iam.listPolicies())
        ._unsafeUnwrap()
        .map((x) => x.name)
        .sort()
      const expected = {
        users: [...model.users.keys()].sort(),
        groups: [...model.groups.keys()].sort(),
        policies: [...model.policies].sort(),
      }
      expect({ users, groups, policies }).toEqual(expected)
    }),
  ),
]
