import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api'
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base'
import type { BceEvent } from '../../lib'
import { IAM_OPERATIONS } from '../../lib/iam/iam-operations'
import { BCE_ATTRIBUTES, tracedClient } from '../../lib/otel'
import { STS_OPERATIONS } from '../../lib/sts/sts-registry'
import { clientsFor, withEmulator, type EmulatorFixture } from '../support/emulator'

let fx: EmulatorFixture
let exporter: InMemorySpanExporter
let provider: BasicTracerProvider
const others = clientsFor(() => fx)
beforeEach(async () => {
  fx = await withEmulator({ seed: 15 }, { retry: { baseDelayMs: 1, maxDelayMs: 2 } })
  exporter = new InMemorySpanExporter()
  provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
})
afterEach(async () => {
  await provider.shutdown()
  await others.closeAll()
  await fx.close()
})

const spans = (): ReadableSpan[] => exporter.getFinishedSpans()
const only = (): ReadableSpan => {
  const finished = spans()
  expect(finished).toHaveLength(1)
  return finished[0]!
}
const port = (): number => Number(new URL(fx.emulator.endpoint).port)

describe('bce-iam/otel: one span per call, over sockets to the emulator', () => {
  it('has exactly one method per registry operation, for IAM and for STS', () => {
    const iam = tracedClient(fx.iam, { tracerProvider: provider })
    const sts = tracedClient(others.stsAs(fx.emulator.credentials), { tracerProvider: provider })
    expect(Object.keys(iam).sort()).toEqual(Object.keys(IAM_OPERATIONS).sort())
    expect(Object.keys(sts).sort()).toEqual(Object.keys(STS_OPERATIONS).sort())
    expect(Object.isFrozen(iam)).toBe(true)
  })

  it('a success: a CLIENT span IAM/createUser with the RPC attributes and one attempt event', async () => {
    const iam = tracedClient(fx.iam, { tracerProvider: provider })
    const user = (await iam.createUser({ name: 'traced' }))._unsafeUnwrap()
    expect(user.name).toBe('traced')
    const span = only()
    const [logged] = fx.emulator.requestLog().filter((entry) => entry.operation === 'createUser')
    expect(span.name).toBe('IAM/createUser')
    expect(span.kind).toBe(SpanKind.CLIENT)
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
    expect(span.instrumentationScope.name).toBe('bce-iam')
    expect(span.attributes).toEqual({
      'rpc.system': 'bce',
      'rpc.service': 'IAM',
      'rpc.method': 'createUser',
      'server.address': '127.0.0.1',
      'server.port': port(),
      [BCE_ATTRIBUTES.attempts]: 1,
      [BCE_ATTRIBUTES.retryDelayMs]: 0,
      [BCE_ATTRIBUTES.requestIds]: [logged!.requestId],
      'http.response.status_code': logged!.status,
    })
    expect(span.events.map((e) => [e.name, e.attributes])).toEqual([
      [
        'attempt',
        expect.objectContaining({
          [BCE_ATTRIBUTES.attempt]: 1,
          [BCE_ATTRIBUTES.outcome]: 'success',
          'http.response.status_code': logged!.status,
          [BCE_ATTRIBUTES.requestId]: logged!.requestId,
          [BCE_ATTRIBUTES.willRetry]: false,
        }),
      ],
    ])
  })

  it('retries are attempt events on one span; the call still succeeds (status UNSET)', async () => {
    fx.emulator.injectFaults([{ operation: 'getUser', fault: { type: 'status', status: 503 } }])._unsafeUnwrap()
    await fx.iam.createUser({ name: 'again' })
    const iam = tracedClient(fx.iam, { tracerProvider: provider })
    expect((await iam.getUser({ userName: 'again' })).isOk()).toBe(true)
    const span = only()
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
    expect(span.attributes[BCE_ATTRIBUTES.attempts]).toBe(2)
    expect(span.attributes[BCE_ATTRIBUTES.requestIds]).toHaveLength(2)
    expect(span.events.map((e) => e.attributes?.[BCE_ATTRIBUTES.outcome])).toEqual(['error', 'success'])
    expect(span.events[0]!.attributes).toMatchObject({
      'http.response.status_code': 503,
      'error.type': 'ServerError',
      [BCE_ATTRIBUTES.willRetry]: true,
    })
  })

  it('a service error: status ERROR, error.type the kind, the code recorded', async () => {
    const iam = tracedClient(fx.iam, { tracerProvider: provider })
    const error = (await iam.getUser({ userName: 'nobody' }))._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'BceServiceError', kind: 'NotFound' })
    const span = only()
    const code = error._tag === 'BceServiceError' ? error.code : ''
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: `NotFound (${code})` })
    expect(span.attributes).toMatchObject({
      'error.type': 'NotFound',
      [BCE_ATTRIBUTES.errorCode]: code,
      'http.response.status_code': 404,
    })
  })

  it('a call refused before sending: status ERROR, error.type InvalidInput, no attempt event', async () => {
    const iam = tracedClient(fx.iam, { tracerProvider: provider })
    expect((await iam.getUser({ userName: '' }))._unsafeUnwrapErr()).toMatchObject({ reason: 'InvalidInput' })
    const span = only()
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'InvalidInput' })
    expect(span.attributes).toMatchObject({ 'error.type': 'InvalidInput', [BCE_ATTRIBUTES.attempts]: 0 })
    expect(span.events).toEqual([])
  })

  it('keeps the caller’s own observe and correlation', async () => {
    const iam = tracedClient(fx.iam, { tracerProvider: provider })
    const events: BceEvent[] = []
    await iam.listUsers({}, { correlation: 'job-15', observe: (e) => events.push(e) })
    expect(events.map((e) => e.type)).toEqual(['attempt', 'call'])
    expect(only().attributes[BCE_ATTRIBUTES.correlation]).toBe('job-15')
  })

  it('STS calls are STS/<method> spans', async () => {
    const sts = tracedClient(others.stsAs(fx.emulator.credentials), { tracerProvider: provider })
    expect((await sts.getSessionToken()).isOk()).toBe(true)
    expect(only()).toMatchObject({ name: 'STS/getSessionToken', attributes: { 'rpc.service': 'STS' } })
  })

  it('a tracer that throws never breaks the call', async () => {
    const broken = {
      startSpan: () => {
        throw new Error('tracer bug')
      },
    } as unknown as Tracer
    const iam = tracedClient(fx.iam, { tracer: broken })
    expect((await iam.listUsers()).isOk()).toBe(true)
  })
})
