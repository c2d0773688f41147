import type { AttemptEvent, BceEvent, CallEvent } from 'bce-iam'
import { SpanStatusCode, type Attributes, type Span } from '@opentelemetry/api'

/** Attribute keys this adapter sets beyond the RPC semantic conventions (`bce.*`). */
export const BCE_ATTRIBUTES = Object.freeze({
  attempt: 'bce.attempt',
  attempts: 'bce.attempts',
  outcome: 'bce.outcome',
  requestId: 'bce.request_id',
  requestIds: 'bce.request_ids',
  errorCode: 'bce.error.code',
  willRetry: 'bce.will_retry',
  retryDelayMs: 'bce.retry_delay_ms',
  durationMs: 'bce.duration_ms',
  correlation: 'bce.correlation',
})

/** Only the attributes that have a value (OpenTelemetry drops `undefined` anyway; this keeps them out). */
function defined(attributes: Record<string, string | number | boolean | readonly string[] | undefined>): Attributes {
  const out: Attributes = {}
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out[key] = value as never
  return out
}

/** The `error.type` of a failed attempt or call: the service error's kind, else the client error's reason. */
function errorType(event: AttemptEvent | CallEvent): string | undefined {
  return event.kind ?? event.reason
}

/** The span event of one attempt (named `attempt`). */
function attemptAttributes(event: AttemptEvent): Attributes {
  return defined({
    [BCE_ATTRIBUTES.attempt]: event.attempt,
    [BCE_ATTRIBUTES.outcome]: event.outcome,
    'http.response.status_code': event.statusCode,
    [BCE_ATTRIBUTES.requestId]: event.requestId,
    'error.type': errorType(event),
    [BCE_ATTRIBUTES.errorCode]: event.code,
    [BCE_ATTRIBUTES.willRetry]: event.willRetry,
    [BCE_ATTRIBUTES.retryDelayMs]: event.retryDelayMs,
    [BCE_ATTRIBUTES.durationMs]: event.durationMs,
  })
}

/**
 * Records one call's events on its span: each attempt as a span event, the call event as span
 * attributes and status (ERROR with the kind or reason, and the service code, on failure). Never
 * throws (a failure of the tracing SDK is ignored: telemetry must not change a call).
 */
export function recordEvent(span: Span, event: BceEvent): void {
  try {
    if (event.type === 'attempt') span.addEvent('attempt', attemptAttributes(event))
    else if (event.type === 'warning') span.addEvent('warning', { 'bce.warning.source': event.source })
    else {
      span.setAttributes(
        defined({
          [BCE_ATTRIBUTES.attempts]: event.attempts,
          [BCE_ATTRIBUTES.retryDelayMs]: event.retryDelayMs,
          [BCE_ATTRIBUTES.requestIds]: event.requestIds.length === 0 ? undefined : event.requestIds,
          'http.response.status_code': event.statusCode,
          'error.type': errorType(event),
          [BCE_ATTRIBUTES.errorCode]: event.code,
          [BCE_ATTRIBUTES.correlation]: event.correlation,
        }),
      )
      const type = errorType(event)
      if (event.outcome === 'error')
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: event.code === undefined ? (type ?? 'error') : `${type ?? 'error'} (${event.code})`,
        })
    }
  } catch {
    // A tracing SDK that throws must not break the call.
  }
}
