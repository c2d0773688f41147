/**
 * bce-iam/otel: OpenTelemetry tracing for the IAM and STS clients, one span per call with the
 * RPC semantic-convention attributes and each attempt as a span event. Needs the optional peer
 * `@opentelemetry/api` (^1.3); the main entry never loads it.
 *
 * @packageDocumentation
 */
export { tracedClient, RPC_SYSTEM } from './traced-client'
export type { TracingOptions } from './traced-client'
export { BCE_ATTRIBUTES } from './span-recorder'
