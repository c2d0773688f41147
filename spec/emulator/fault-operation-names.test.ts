import type { OperationName } from '../../lib'
import type { FaultInstruction, RequestLogEntry } from '../../lib/emulator'
import { parseInstructions } from '../../lib/emulator/faults/fault'
import { record, startApi, type EmulatorApi } from '../support/emulator-api'
import type { Equal, Expect } from '../types/expect'

// Compile-time: fault instructions and request log entries name SDK operations.
export type FaultTargets = Expect<Equal<FaultInstruction['operation'], OperationName | '*'>>
export type LoggedOperations = Expect<Equal<RequestLogEntry['operation'], OperationName | undefined>>
// @ts-expect-error -- 'getUsr' is not an operation: a typo does not compile
export const typo: FaultInstruction = { operation: 'getUsr', fault: { type: 'reset' } }

describe('fault instructions name an SDK operation (or *)', () => {
  it.each(['getUsr', 'GetUser', '', 'toString', '__proto__', 'configure', 7])(
    'parseInstructions refuses %j',
    (name) => {
      expect(parseInstructions([{ operation: name, fault: { type: 'reset' } }])._unsafeUnwrapErr()).toBe(
        'instructions.0.operation must be an operation name (such as "getUser") or "*"',
      )
    },
  )

  it.each(['getUser', 'assumeRole', '*'])('parseInstructions accepts %j', (name) => {
    expect(parseInstructions([{ operation: name, fault: { type: 'reset' } }])._unsafeUnwrap()).toEqual([
      { operation: name, fault: { type: 'reset' } },
    ])
  })

  describe('end to end', () => {
    let api: EmulatorApi
    beforeEach(async () => {
      api = await startApi({ seed: 15 })
    })
    afterEach(async () => api.close())

    it('injectFaults and the admin API refuse a typo and queue nothing', async () => {
      const typoed = { operation: 'getUsr', fault: { type: 'status', status: 503 } } as unknown as FaultInstruction
      expect(api.emulator.injectFaults([typoed])._unsafeUnwrapErr()).toMatchObject({
        _tag: 'BceClientError',
        reason: 'InvalidInput',
        message: expect.stringContaining('instructions.0.operation must be an operation name'),
      })
      const answer = await api.call('POST', '/__emulator/faults', { body: { instructions: [typoed] } })
      expect(answer.status).toBe(400)
      expect(record(answer.body)).toMatchObject({ code: 'InappropriateJSON' })
      expect(api.emulator.faultReport().pending).toEqual([])
    })
  })
})
