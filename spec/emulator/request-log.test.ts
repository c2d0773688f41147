import fc from 'fast-check'
import { RequestLog, type RequestLogEntry } from '../../lib/emulator/request-log'

const entry = (n: number): RequestLogEntry => ({
  method: 'GET',
  path: `/v1/user/u${n}`,
  query: '',
  status: 200,
  requestId: `r${n}`,
  time: '2024-01-01T00:00:00.000Z',
})

describe('the request log', () => {
  it('keeps the last `capacity` entries, oldest first, after any sequence of records and clears', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 5 }),
        fc.array(fc.oneof(fc.nat({ max: 1000 }), fc.constant('clear' as const)), { maxLength: 40 }),
        (capacity, steps) => {
          const log = new RequestLog(capacity)
          let model: RequestLogEntry[] = []
          for (const step of steps) {
            if (step === 'clear') {
              log.clear()
              model = []
            } else {
              log.record(entry(step))
              model = capacity === 0 ? [] : [...model, entry(step)].slice(-capacity)
            }
            expect(log.entries()).toEqual(model)
          }
        },
      ),
    )
  })

  it('hands out a copy: changing it does not change the log', () => {
    const log = new RequestLog(2)
    log.record(entry(1))
    const copy = log.entries() as RequestLogEntry[]
    copy.push(entry(2))
    expect(log.entries()).toEqual([entry(1)])
  })
})
