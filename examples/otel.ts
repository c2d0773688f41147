import { SpanStatusCode } from '@opentelemetry/api'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { IamClient } from 'bce-iam'
import { tracedClient } from 'bce-iam/otel'
import type { ExampleContext } from './context'

/**
 * OpenTelemetry: every call of a traced client is one span (`IAM/createUser`, …) with the RPC
 * attributes, each HTTP attempt a span event, and a failed call's status ERROR with its kind. The
 * spans go to an in-memory exporter here; in an application, register your tracer provider
 * (OTLP exporter and all) and call `tracedClient(iam)` without options.
 */
export async function otel({ endpoint, credentials, log }: ExampleContext): Promise<boolean> {
  let good = true
  const check = (ok: boolean, line: string): void => {
    good &&= ok
    log(`${ok ? '✓' : '✗'} ${line}`)
  }
  const exporter = new InMemorySpanExporter()
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
  const client = new IamClient({ endpoint, credentials, allowInsecureHttp: true })
  const iam = tracedClient(client, { tracerProvider })

  await iam.createUser({ name: 'olga' }, { correlation: 'example-otel' })
  await iam.getUser({ userName: 'nobody' })
  await iam.deleteUser({ userName: 'olga' })

  const spans = exporter.getFinishedSpans()
  for (const span of spans) {
    const status = span.status.code === SpanStatusCode.ERROR ? `ERROR ${span.status.message ?? ''}` : 'ok'
    log(`  span ${span.name}: ${span.events.length} attempt(s), ${status}`)
  }
  const [created, missing, deleted] = spans
  check(spans.length === 3, `three calls → ${spans.length} spans`)
  check(
    created?.attributes['rpc.method'] === 'createUser',
    `createUser span → rpc.method ${String(created?.attributes['rpc.method'])}`,
  )
  check(created?.attributes['bce.correlation'] === 'example-otel', 'the call’s correlation is on its span')
  check(
    missing?.attributes['error.type'] === 'NotFound',
    `getUser nobody → error.type ${String(missing?.attributes['error.type'])}`,
  )
  check(deleted?.status.code !== SpanStatusCode.ERROR, 'deleteUser span → ok')

  await tracerProvider.shutdown()
  await client.close()
  return good
}
