import { EmulatorClock } from '../../lib/emulator/clock'
import { IdGenerator } from '../../lib/emulator/ids'
import { DEFAULT_LIMITS, EmulatorState } from '../../lib/emulator/state'

/**
 * An emulator state, built directly (no server), with one enabled sub-user `holder` (id `u1`);
 * when `statements` are given they form one custom policy `p` (id `p1`) attached to it.
 */
export function holderState(...statements: object[]): EmulatorState {
  const state = new EmulatorState({
    root: { accessKeyId: 'root', secretAccessKey: 'secret' },
    accountId: 'a'.repeat(32),
    clock: new EmulatorClock(() => 1_700_000_000_000),
    ids: new IdGenerator(17),
    limits: DEFAULT_LIMITS,
  })
  state.users.set('holder', { id: 'u1', name: 'holder', description: '', enabled: true, createTime: state.timestamp() })
  if (statements.length > 0) {
    state.policies.set('p', {
      id: 'p1',
      name: 'p',
      type: 'Custom',
      description: '',
      document: JSON.stringify({ accessControlList: statements }),
      createTime: state.timestamp(),
    })
    state.attachments.add({ target: 'user', targetId: 'u1', policyId: 'p1', attachTime: state.timestamp() })
  }
  return state
}
