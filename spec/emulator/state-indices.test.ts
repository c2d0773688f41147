import fc from 'fast-check'
import { EmulatorClock } from '../../lib/emulator/clock'
import { IdGenerator } from '../../lib/emulator/ids'
import { applyJournalEntry, journalChanges } from '../../lib/emulator/persistence/journal'
import { restoreSnapshot, takeSnapshot } from '../../lib/emulator/persistence/snapshot'
import {
  attachmentKey,
  DEFAULT_LIMITS,
  EmulatorState,
  membershipKey,
  SYSTEM_POLICIES,
  targetKey,
  type UserRecord,
} from '../../lib/emulator/state'

const newState = (): EmulatorState =>
  new EmulatorState({
    root: { accessKeyId: 'root', secretAccessKey: 'secret' },
    accountId: 'a'.repeat(32),
    clock: new EmulatorClock(() => 1_700_000_000_000),
    ids: new IdGenerator(1),
    limits: DEFAULT_LIMITS,
  })

const user = (name: string, id: string): UserRecord => ({
  id,
  name,
  description: '',
  enabled: true,
  createTime: '2024-01-01T00:00:00Z',
})

/** What a linear scan finds: the reference the index must agree with. */
const scanned = (state: EmulatorState, id: string): UserRecord | undefined =>
  [...state.users.values()].find((u) => u.id === id)

type Step =
  | { readonly kind: 'set'; readonly name: string; readonly id: string }
  | { readonly kind: 'delete'; readonly name: string }
  | { readonly kind: 'clear' }
  | { readonly kind: 'commit' }
  | { readonly kind: 'undo' }

const NAMES = ['a', 'b', 'c']
const IDS = ['1', '2', '3', '4']
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), name: fc.constantFrom(...NAMES), id: fc.constantFrom(...IDS) }),
  fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...NAMES) }),
  fc.constant({ kind: 'clear' as const }),
  fc.constant({ kind: 'commit' as const }),
  fc.constant({ kind: 'undo' as const }),
)

/** Applies steps where every id names at most one user (as freshId guarantees). */
function run(state: EmulatorState, steps: readonly Step[]): void {
  for (const s of steps) {
    if (s.kind === 'set') {
      if ([...state.users.values()].some((u) => u.id === s.id && u.name !== s.name)) continue
      state.users.set(s.name, user(s.name, s.id))
    } else if (s.kind === 'delete') state.users.delete(s.name)
    else if (s.kind === 'clear') state.users.clear()
    else if (s.kind === 'commit') state.changes.take()
    else state.changes.undo()
  }
}

describe('id indices of the state', () => {
  it('userById agrees with a scan after any sequence of sets, deletes, clears, commits and undos', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const state = newState()
        run(state, steps)
        for (const id of IDS) expect(state.userById(id)).toEqual(scanned(state, id))
      }),
      { numRuns: 300 },
    )
  })

  it('a renamed user is found by id under its new name, and the undo of the rename restores the old one', () => {
    const state = newState()
    state.users.set('old', user('old', 'u1'))
    state.changes.take()
    state.users.delete('old')
    state.users.set('new', user('new', 'u1'))
    expect(state.userById('u1')?.name).toBe('new')
    state.changes.undo()
    expect(state.userById('u1')?.name).toBe('old')
    expect(state.users.has('new')).toBe(false)
  })

  it('groups, roles and Custom policies are indexed too; System policies are found by id', () => {
    const state = newState()
    state.groups.set('g', { id: 'g1', name: 'g', description: '', createTime: 't' })
    state.roles.set('r', { id: 'r1', name: 'r', description: '', assumeRolePolicyDocument: '{}', createTime: 't' })
    state.policies.set('p', { id: 'p1', name: 'p', type: 'Custom', description: '', document: '{}', createTime: 't' })
    expect([state.groupById('g1')?.name, state.roleById('r1')?.name, state.policyById('p1')?.name]).toEqual([
      'g',
      'r',
      'p',
    ])
    const system = [...SYSTEM_POLICIES.values()][0]!
    expect(state.policyById(system.id)).toBe(system)
    state.groups.delete('g')
    state.roles.delete('r')
    state.policies.delete('p')
    expect([state.groupById('g1'), state.roleById('r1'), state.policyById('p1')]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
  })

  it('a state rebuilt from a snapshot and a journal indexes what the journal changed', () => {
    const state = newState()
    state.users.set('kept', user('kept', 'k1'))
    state.users.set('gone', user('gone', 'g1'))
    const snapshot = takeSnapshot(state)
    state.changes.take()
    state.users.delete('gone')
    state.users.delete('kept')
    state.users.set('renamed', user('renamed', 'k1'))
    const entry = { g: 0, c: journalChanges(state.changes.take()) }
    const restored = restoreSnapshot(snapshot, { clock: state.clock, limits: DEFAULT_LIMITS }, [entry])._unsafeUnwrap()
    expect(restored.userById('k1')?.name).toBe('renamed')
    expect(restored.userById('g1')).toBeUndefined()
    const replayed = newState()
    applyJournalEntry(replayed, entry)
    expect(replayed.userById('k1')?.name).toBe('renamed')
  })

  it('edges at a user, a group, a target and a policy agree with a filter after adds, deletes, clears and undos', () => {
    const edgeStep = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        group: fc.constantFrom('g1', 'g2'),
        user: fc.constantFrom('u1', 'u2'),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        group: fc.constantFrom('g1', 'g2'),
        user: fc.constantFrom('u1', 'u2'),
      }),
      fc.constantFrom({ kind: 'clear' as const }, { kind: 'commit' as const }, { kind: 'undo' as const }),
    )
    fc.assert(
      fc.property(fc.array(edgeStep, { maxLength: 30 }), (steps) => {
        const state = newState()
        for (const s of steps) {
          if (s.kind === 'add') {
            state.memberships.add({ groupId: s.group, userId: s.user, joinTime: 't' })
            state.attachments.add({ target: 'group', targetId: s.group, policyId: s.user, attachTime: 't' })
          } else if (s.kind === 'delete') {
            state.memberships.delete(membershipKey(s.group, s.user))
            state.attachments.delete(attachmentKey('group', s.group, s.user))
          } else if (s.kind === 'clear') {
            state.memberships.clear()
            state.attachments.clear()
          } else if (s.kind === 'commit') state.changes.take()
          else state.changes.undo()
        }
        for (const id of ['g1', 'g2']) {
          expect(state.memberships.at('group', id)).toEqual(state.memberships.filter((e) => e.groupId === id))
          expect(state.attachments.at('target', targetKey('group', id))).toEqual(
            state.attachments.filter((e) => e.targetId === id),
          )
          expect(state.memberships.countAt('group', id)).toBe(state.memberships.filter((e) => e.groupId === id).length)
        }
        for (const id of ['u1', 'u2']) {
          expect(state.memberships.at('user', id)).toEqual(state.memberships.filter((e) => e.userId === id))
          expect(state.attachments.at('policy', id)).toEqual(state.attachments.filter((e) => e.policyId === id))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('access keys by owner agree with a filter, in map order, after sets, updates, deletes, clears and undos', () => {
    const keyStep = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        id: fc.constantFrom('k1', 'k2', 'k3', 'k4'),
        enabled: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom('k1', 'k2', 'k3', 'k4') }),
      fc.constantFrom({ kind: 'clear' as const }, { kind: 'commit' as const }, { kind: 'undo' as const }),
    )
    const ownerOfKey = (id: string) => (id === 'k1' || id === 'k3' ? 'u1' : 'u2')
    fc.assert(
      fc.property(fc.array(keyStep, { maxLength: 30 }), (steps) => {
        const state = newState()
        for (const s of steps) {
          if (s.kind === 'set')
            state.accessKeys.set(s.id, {
              id: s.id,
              secret: 'x',
              userId: ownerOfKey(s.id),
              createTime: 't',
              enabled: s.enabled,
            })
          else if (s.kind === 'delete') state.accessKeys.delete(s.id)
          else if (s.kind === 'clear') state.accessKeys.clear()
          else if (s.kind === 'commit') state.changes.take()
          else state.changes.undo()
        }
        for (const owner of ['u1', 'u2'])
          expect(state.accessKeys.ownedBy(owner)).toEqual(
            [...state.accessKeys.values()].filter((k) => k.userId === owner),
          )
      }),
      { numRuns: 300 },
    )
  })
})
