import type { BceEvent, CallOptions, IamClient, IamMethods, Observer, StsClient, StsMethods } from 'bce-iam'
import { context, trace, SpanKind, type Span, type Tracer, type TracerProvider } from '@opentelemetry/api'
import { ResultAsync, type Result } from 'neverthrow'
import { adaptMethods, type AnyClientMethod } from '../adapt-methods'
import { SDK_VERSION } from '../client/user-agent'
import { IamClient as IamClientClass } from '../iam/iam-client'
import { recordEvent } from './span-recorder'

/** Options of `tracedClient`. */
export interface TracingOptions {
  /**
   * The tracer spans are started with.
   * @default `tracerProvider.getTracer('bce-iam', SDK_VERSION)`
   */
  readonly tracer?: Tracer | undefined
  /**
   * Where the default tracer comes from.
   * @default the global tracer provider of `@opentelemetry/api`
   */
  readonly tracerProvider?: TracerProvider | undefined
}

/** The value of `rpc.system` on every span. */
export const RPC_SYSTEM = 'bce'

/** `server.address` and `server.port` of an endpoint origin, when it parses. */
function serverAttributes(origin: string | undefined): Record<string, string | number> {
  if (origin === undefined) return {}
  try {
    const url = new URL(origin)
    const port = url.port === '' ? (url.protocol === 'http:' ? 80 : 443) : Number(url.port)
    return { 'server.address': url.hostname, 'server.port': port }
  } catch {
    return {}
  }
}

/**
 * The call options with an observer recording the call's events on `span` first, then handing
 * them to the caller's own `observe` (whose return value is passed on, so a rejected promise is
 * still swallowed by the SDK). Options that cannot be read are passed as they are: the call then
 * reports them as `InvalidInput`.
 */
function withSpanObserver(options: CallOptions | undefined, span: Span): unknown {
  try {
    const own: unknown = options?.observe
    if (own !== undefined && typeof own !== 'function') return options
    const observe: Observer = (event: BceEvent) => {
      recordEvent(span, event)
      return own === undefined ? undefined : (own as Observer)(event)
    }
    return { ...options, observe }
  } catch {
    return options
  }
}

/** Ends the span (once the call's result is known); never throws. */
function endSpan(span: Span): void {
  try {
    span.end()
  } catch {
    // A tracing SDK that throws must not break the call.
  }
}

/**
 * The operations of `client` with one OpenTelemetry span per call: a CLIENT span named
 * `IAM/getUser` (`rpc.service/rpc.method`) with the RPC semantic-convention attributes
 * (`rpc.system` `bce`, `rpc.service`, `rpc.method`, `server.address`, `server.port`), each HTTP
 * attempt as a span event `attempt` (status, request id, error kind or reason and code, retry
 * delay), and on the span the attempts, every request id, the total retry delay and the call's
 * `correlation`; a failed call sets status ERROR and `error.type` to the error's kind (service) or
 * reason (client). The span is the active one while the call runs. Same types as the client's
 * methods; values and errors are the client's, unchanged. Tracing never makes a call fail.
 *
 * @example
 * ```ts
 * const iam = tracedClient(new IamClient(config))
 * const user = await iam.getUser({ userName: 'alice' }) // one span IAM/getUser
 * ```
 */
export function tracedClient(client: IamClient, options?: TracingOptions): IamMethods
/** The operations of an STS client with one span per call (see the IAM overload). */
export function tracedClient(client: StsClient, options?: TracingOptions): StsMethods
export function tracedClient(client: IamClient | StsClient, options: TracingOptions = {}): IamMethods | StsMethods {
  const tracer = options.tracer ?? (options.tracerProvider ?? trace).getTracer('bce-iam', SDK_VERSION)
  const service = client instanceof IamClientClass ? 'IAM' : 'STS'
  const server = serverAttributes(client.endpoint)
  return adaptMethods(client, (method: AnyClientMethod, name: string) => {
    const attributes = { 'rpc.system': RPC_SYSTEM, 'rpc.service': service, 'rpc.method': name, ...server }
    return (input?: unknown, callOptions?: CallOptions): ResultAsync<unknown, unknown> => {
      let span: Span
      try {
        span = tracer.startSpan(`${service}/${name}`, { kind: SpanKind.CLIENT, attributes })
      } catch {
        return method(input, callOptions)
      }
      const call = context.with(trace.setSpan(context.active(), span), () =>
        method(input, withSpanObserver(callOptions, span)),
      )
      return new ResultAsync(
        Promise.resolve(call).then((result: Result<unknown, unknown>) => {
          endSpan(span)
          return result
        }),
      )
    }
  }) as unknown as IamMethods | StsMethods
}
